#!/usr/bin/env bash
# The members page: only admins reach it (and see it in the header); the
# invite form shows the new link once with its expiry; roles change through
# the select; pending invitations can be revoked; the accept page signs a
# signed-in invitee straight in.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add eddi@example.org "Eddi Editor" editor
eid=$(db_sql "SELECT id FROM user WHERE email = 'eddi@example.org'")

web_login a "$ADMIN_EMAIL" "$PW"
assert_body_contains 'href="/o/1/members"'
web_login e eddi@example.org "$PW"
assert_body_not_contains 'href="/o/1/members"'
web e GET /o/1/members
assert_status 403

# tidy_ok LABEL — BODY is HTML without errors or warnings (as in t0820)
tidy_ok() {
	local out
	command -v tidy >/dev/null || { fail "tidy is not installed"; return 1; }
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
}

web a GET /o/1/members
assert_status 200
tidy_ok "members page"
assert_body_contains "Eddi Editor"
assert_body_contains 'href="/o/1/deleted"'
assert_eq editor "$(html_input role)" "invite form offers editor first"
refresh_csrf a

# ---- invite: the link is shown once, with its expiry
form_csrf a /o/1/members/invite "email=neu@example.org" "role=reader" "expires_in_days=3"
assert_status 201
tidy_ok "members page with a new link"
link=$(grep -o 'id="invite-link"[^>]*' <<<"$BODY" | grep -o 'value="[^"]*"' | sed 's/value="//; s/"$//')
assert_match "$link" '^http://127\.0\.0\.1:[0-9]+/invite/[A-Za-z0-9_-]{40,}$' "link shown"
token=${link##*/invite/}
until=$(date -u -d '+3 days' +%d.%m.%Y)
assert_body_contains "$until"
assert_body_contains "neu@example.org"
web a GET /o/1/members
tidy_ok "members page with invitations"
assert_body_not_contains "$token"
assert_body_contains "neu@example.org"
iid=$(db_sql "SELECT id FROM invitation WHERE email = 'neu@example.org'")
assert_body_contains "/o/1/invitations/$iid/revoke"

# ---- a second invitation, revoked from the page
refresh_csrf a
form_csrf a /o/1/members/invite "email=weg@example.org" "role=editor"
assert_status 201
tweg=$(grep -o 'id="invite-link"[^>]*' <<<"$BODY" | grep -o 'value="[^"]*"' | sed 's/value="//; s/"$//')
tweg=${tweg##*/invite/}
wid=$(db_sql "SELECT id FROM invitation WHERE email = 'weg@example.org'")
refresh_csrf a
form_csrf a "/o/1/invitations/$wid/revoke" version=1
assert_redirect 303 "/o/1/members?done=revoked"
assert_eq 1 "$(db_sql "SELECT count(*) FROM invitation WHERE id = $wid AND revoked_at IS NOT NULL")" "revoked"
form_csrf a "/o/1/invitations/$wid/revoke" version=1
assert_status 409
web q GET "/invite/$tweg"
assert_status 410

# ---- role change through the select
web a GET /o/1/members
refresh_csrf a
assert_contains "$BODY" "id=\"role-$eid\"" "select per member"
form_csrf a "/o/1/members/$eid" version=1 role=notfallleiter
assert_redirect 303 "/o/1/members?done=role"
assert_eq notfallleiter "$(db_sql "SELECT role FROM membership WHERE org_id = 1 AND user_id = $eid")" "role saved"
form_csrf a "/o/1/members/$eid" version=1 role=reader
assert_status 409
assert_eq notfallleiter "$(db_sql "SELECT role FROM membership WHERE org_id = 1 AND user_id = $eid")" "stale form refused"
form_csrf a "/o/1/members/$eid" version=2 role=boss
assert_status 422
web a GET "/o/1/members/$eid/remove"
tidy_ok "remove confirmation"
web anon GET "/invite/$token"
tidy_ok "invitation page"
web anon GET "/invite/nonsense"
tidy_ok "unknown invitation page"
form_csrf a "/o/1/members/$eid" role=reader
assert_status 400

# ---- a signed-in account joins another organisation with one click
cli org add --data "$KF_DATA" --name "Zweite GmbH"
kf_user_add boss2@example.org "Chef Zwei" admin 2
login boss2 boss2@example.org "$PW" || kf_die "login boss2"
api_as boss2 POST /api/v1/orgs/2/invitations '{"email": "eddi@example.org", "role": "editor"}'
assert_status 201
t2=$(json .link)
t2=${t2##*/invite/}
web e GET "/invite/$t2"
assert_status 200
assert_body_not_contains 'name="password"'
# the last _csrf on the page is the invitation form's (the first is the sign-out form's)
pre=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$BODY" | tail -n 1 | sed 's/.*value="//; s/"$//')
form e "/invite/$t2" "_csrf=$pre"
assert_redirect 303 /o/2/
web e GET /o/2/
assert_status 200
web e GET /o/1/
assert_status 200

# a clean exit (under ASan also: no leaks)
kf_stop
kf_done
