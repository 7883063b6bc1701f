#!/usr/bin/env bash
# Plan versions (four-eyes): the Notfallleiter submits, another approver
# approves; self-approval, editors and readers are refused; one pending
# version at a time; returning needs a comment; notifications; changed since.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add nele@example.org "Nele Notfall" notfallleiter
kf_user_add eddi@example.org "Eddi Editor" editor
kf_user_add rita@example.org "Rita Reader" reader
kf_user_add gf@example.org "Gerd Geschäftsführer" reader
for u in nele eddi rita gf; do login $u $u@example.org "$PW" || kf_die "login $u"; done
gid=$(db_sql "SELECT id FROM user WHERE email = 'gf@example.org'")
nid=$(db_sql "SELECT id FROM user WHERE email = 'nele@example.org'")
new_contact cid '{"name": "Erika Muster", "company": "Muster GmbH"}'

# ---- nothing yet
api_as rita GET "$O/plan-versions"
assert_status 200
assert_json '.versions | length' 0
assert_json .approved null
api GET "$O/plan-versions/1"
assert_error 404 not_found

# ---- editors and readers cannot submit
api_as eddi POST "$O/plan-versions" '{"note": "x"}'
assert_error 403 forbidden
api_as rita POST "$O/plan-versions" '{"note": "x"}'
assert_error 403 forbidden
api_as nele POST "$O/plan-versions" '{"note": 3, "colour": "red"}'
assert_field_error note
assert_field_error colour

# ---- the Notfallleiter submits version 1
api_as nele POST "$O/plan-versions" '{"note": "Erste Fassung"}'
assert_status 201
assert_json .number 1
assert_json .status submitted
assert_json .note "Erste Fassung"
assert_json .submitted_by.name "Nele Notfall"
assert_header ETag '"1"'
assert_eq "$O/plan-versions/1" "$(hdr Location | sed -E 's#^https?://[^/]+##')" "Location"
api GET "$O/plan-versions/1"
assert_status 200
assert_json '.snapshot.sections.contacts[0].name' "Erika Muster"
assert_json '.snapshot.format' 1
# the admin (approver) was notified, the submitter not
assert_eq 1 "$(db_sql "SELECT count(*) FROM notification WHERE kind = 'approval' AND user_id = 1")" "admin notified"
assert_eq 0 "$(db_sql "SELECT count(*) FROM notification WHERE kind = 'approval' AND user_id = $nid")" "submitter not notified"

# ---- a second submit while one waits: 409
api_as nele POST "$O/plan-versions" '{"note": "Noch eine"}'
assert_error 409 version_pending
assert_eq 1 "$(db_sql "SELECT count(*) FROM plan_version")" "nothing stored"

# ---- editors and readers without the mark cannot approve
api_as eddi POST "$O/plan-versions/1/approve" '{}' -H "$(im 1)"
assert_error 403 not_approver
api_as rita POST "$O/plan-versions/1/approve" '{}' -H "$(im 1)"
assert_error 403 not_approver
api_as gf POST "$O/plan-versions/1/return" '{"comment": "nein"}' -H "$(im 1)"
assert_error 403 not_approver

# ---- an admin marks the Geschäftsführer as approver; readers/editors cannot
api_as eddi PUT "$O/members/$gid/approver" '{"may_approve": true}'
assert_error 403 forbidden
api PUT "$O/members/$gid/approver" '{"may_approve": "ja"}'
assert_field_error may_approve
api PUT "$O/members/$gid/approver" '{"may_approve": true}'
assert_status 200
assert_json .may_approve true

# ---- self-approval is refused (an admin who submitted)
api_as nele GET "$O/plan-versions"
# the Notfallleiter has no approval right at all
api_as nele POST "$O/plan-versions/1/approve" '{}' -H "$(im 1)"
assert_error 403 not_approver
api PUT "$O/members/$nid/approver" '{"may_approve": true}'
api_as nele POST "$O/plan-versions/1/approve" '{}' -H "$(im 1)"
assert_error 403 own_version

# ---- return needs a comment (422 names it, nothing changed)
snapshot pv "$O/plan-versions/1"
api_as gf POST "$O/plan-versions/1/return" '{"comment": "  "}' -H "$(im 1)"
assert_field_error comment
api_as gf POST "$O/plan-versions/1/return" '{}' -H "$(im 1)"
assert_field_error comment
assert_unchanged pv
# If-Match required and checked
api_as gf POST "$O/plan-versions/1/approve" '{}'
assert_error 428 precondition_required
api_as gf POST "$O/plan-versions/1/approve" '{}' -H "$(im 7)"
assert_status 412

# ---- return with a comment, then submit 2 and approve it by another member
api_as gf POST "$O/plan-versions/1/return" '{"comment": "Bitte Vertretung ergänzen"}' -H "$(im 1)"
assert_status 200
assert_json .status returned
assert_json .returned_by.name "Gerd Geschäftsführer"
assert_json .comment "Bitte Vertretung ergänzen"
assert_eq 1 "$(db_sql "SELECT count(*) FROM notification WHERE kind = 'approval' AND user_id = $nid")" "submitter notified"
api_as gf POST "$O/plan-versions/1/approve" '{}' -H "$(im 2)"
assert_error 409 not_pending

api PATCH "$O/contacts/$cid" '{"company": "Muster AG"}' -H "$(im 1)"
assert_status 200
api_as nele POST "$O/plan-versions" '{"note": "Zweite Fassung"}'
assert_status 201
assert_json .number 2
api_as gf POST "$O/plan-versions/2/approve" '{"comment": "passt"}' -H "$(im 1)"
assert_status 200
assert_json .status approved
assert_json .approved_by.name "Gerd Geschäftsführer"
api_as rita GET "$O/plan-versions"
assert_json .approved 2
assert_json .changed_since_approved false
assert_json '.versions[0].number' 2
api GET "$O/check"
assert_json '[.gaps[] | select(.kind == "changed_since_approved")] | length' 0

# ---- compare 1 with 2: the changed field of the contact
api_as rita GET "$O/plan-versions/compare?from=1&to=2"
assert_status 200
assert_json .changed 1
assert_json '.items[0].section' contacts
assert_json '.items[0].name' "Erika Muster"
assert_json '.items[0].fields | join(",")' company
api GET "$O/plan-versions/compare?from=1"
assert_field_error to
api GET "$O/plan-versions/compare?from=1&to=9"
assert_error 404 not_found

# ---- a change after approval: changed since version 2
new_contact c2 '{"name": "Max Neu"}'
api_as rita GET "$O/plan-versions"
assert_json .changed_since_approved true
# ... and the Plan-Check warns (step 4) with a link to the versions
api GET "$O/check" -H 'Accept-Language: de'
assert_json '[.gaps[] | select(.kind == "changed_since_approved")][0].level' warning
assert_json '[.gaps[] | select(.kind == "changed_since_approved")][0].link' "/o/1/plan-versions"
# members and versions themselves are no change of the plan
kf_done
