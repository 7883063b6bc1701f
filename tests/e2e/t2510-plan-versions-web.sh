#!/usr/bin/env bash
# The "Freigabe" page: submit with a note, approve by another member, return
# needs a comment (field error), "changed since" on the start page, compare view,
# the approver mark on the members page; isolation between organisations.
. "$(dirname "$0")/lib.sh"

kf_setup
tidy_ok() {
	local out
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
}
kf_user_add nele@example.org "Nele Notfall" notfallleiter
kf_user_add eddi@example.org "Eddi Editor" editor
web_login nele nele@example.org "$PW"
web_login eddi eddi@example.org "$PW"
web_login boss "$ADMIN_EMAIL" "$PW"
new_contact cid '{"name": "Erika Muster", "company": "Muster GmbH"}'

# ---- editors see the page but no submit form, and cannot post it
web eddi GET /o/1/plan-versions
assert_status 200
assert_not_contains "$BODY" 'name="note"' "no submit form for editors"
form_csrf eddi /o/1/plan-versions note=x
assert_status 403

# ---- the Notfallleiter submits
web nele GET /o/1/plan-versions
assert_status 200
refresh_csrf nele
form_csrf nele /o/1/plan-versions "note=Erste Fassung"
assert_redirect 303 "/o/1/plan-versions?submitted=1"
web nele GET /o/1/plan-versions
assert_contains "$BODY" "Erste Fassung" "note shown"
assert_contains "$BODY" 'id="version-1"' "version listed"
assert_not_contains "$BODY" "/plan-versions/1/approve" "submitter gets no approve button"

# ---- return without a comment: the field error names it, nothing changed
web boss GET /o/1/plan-versions
refresh_csrf boss
assert_contains "$BODY" "/plan-versions/1/approve" "approver sees the buttons"
form_csrf boss /o/1/plan-versions/1/return version=1 "comment= "
assert_status 422
assert_contains "$BODY" 'id="err-comment"' "field error beside comment"
assert_eq submitted "$(db_sql "SELECT status FROM plan_version WHERE number = 1")" "nothing changed"

# ---- an editor cannot approve (403 via the page: refused notice)
web eddi GET /o/1/plan-versions
refresh_csrf eddi
form_csrf eddi /o/1/plan-versions/1/approve version=1
assert_status 303
assert_eq submitted "$(db_sql "SELECT status FROM plan_version WHERE number = 1")" "editor did not approve"

# ---- the admin approves
form_csrf boss /o/1/plan-versions/1/approve version=1
assert_redirect 303 "/o/1/plan-versions?approved=1"
web boss GET /o/1/
assert_contains "$BODY" 'id="plan-version-state"' "state on start page"
assert_not_contains "$BODY" "badge gap\">Changed since" "not changed yet"

# ---- a change after approval shows "changed since version 1"
api PATCH "$O/contacts/$cid" '{"company": "Muster AG"}' -H "$(im 1)"
assert_status 200
web boss GET /o/1/ -H "Accept-Language: en"
assert_contains "$BODY" "Changed since the approved version 1" "start page"
web boss GET /o/1/plan-versions -H "Accept-Language: en"
assert_contains "$BODY" "Changed since the approved version 1" "versions page"

# ---- version 2, compare 1 with 2 shows the changed field
form_csrf nele /o/1/plan-versions "note=Zweite"
assert_status 303
web boss GET "/o/1/plan-versions/compare?from=1&to=2" -H "Accept-Language: en"
assert_status 200
assert_contains "$BODY" "Erika Muster" "changed item"
assert_contains "$BODY" "company" "changed field"
tidy_ok compare
web boss GET /o/1/plan-versions
tidy_ok versions
form_csrf boss /o/1/plan-versions/2/return version=1 "comment="
assert_status 422
tidy_ok "return with error"
web boss GET "/o/1/plan-versions/compare?from=1&to=99"
assert_status 404
web boss GET "/o/1/plan-versions/compare"
assert_redirect 303 /o/1/plan-versions

# ---- the members page marks approvers
eid=$(db_sql "SELECT id FROM user WHERE email = 'eddi@example.org'")
web boss GET /o/1/members
assert_contains "$BODY" "/members/$eid/approver" "approver toggle"
form_csrf boss "/o/1/members/$eid/approver" may_approve=1
assert_redirect 303 /o/1/members
assert_eq 1 "$(db_sql "SELECT may_approve FROM membership WHERE org_id = 1 AND user_id = $eid")" "marked"
form_csrf eddi /o/1/plan-versions/2/approve version=1
assert_redirect 303 "/o/1/plan-versions?approved=1"

# ---- isolation: another organisation sees nothing of these versions
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add otto@example.org "Otto Other" admin 2
login otto otto@example.org "$PW" || kf_die "login otto"
api_as otto GET /api/v1/orgs/2/plan-versions
assert_status 200
assert_json '.versions | length' 0
api_as otto GET /api/v1/orgs/2/plan-versions/1
assert_error 404 not_found
api_as otto GET /api/v1/orgs/1/plan-versions
assert_error 404 not_found
api_as otto POST /api/v1/orgs/1/plan-versions/2/approve '{}' -H "$(im 2)"
assert_error 404 not_found
api_as otto GET "/api/v1/orgs/2/plan-versions/compare?from=1&to=2"
assert_error 404 not_found
kf_done
