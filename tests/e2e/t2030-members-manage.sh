#!/usr/bin/env bash
# Members: readers see the list; admins change roles and remove members
# (If-Match, history in the same transaction); the last admin can never be
# demoted or removed (409); a removed member loses access at once.
. "$(dirname "$0")/lib.sh"

kf_setup
EN="Accept-Language: en"
# form_en NAME PATH field=value... — a form POST with the client's CSRF token, answered in English
form_en() {
	local name=$1 p=$2 kv
	local -a a=(--data-urlencode "_csrf=${KF_CSRF[$name]-}")
	shift 2
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	web "$name" POST "$p" -H 'Content-Type: application/x-www-form-urlencoded' -H "$EN" "${a[@]}"
}
kf_user_add rita@example.org "Rita Reader" reader
kf_user_add eddi@example.org "Eddi Editor" editor
login rita rita@example.org "$PW" || kf_die "login rita"
login eddi eddi@example.org "$PW" || kf_die "login eddi"
rid=$(db_sql "SELECT id FROM user WHERE email = 'rita@example.org'")
eid=$(db_sql "SELECT id FROM user WHERE email = 'eddi@example.org'")
aid=$(db_sql "SELECT id FROM user WHERE email = 'admin@example.org'")

# ---- readers see the members
api_as rita GET "$O/members"
assert_status 200
assert_json 'length' 3
assert_json "map(select(.id == $eid)) | .[0].role" editor
api_as rita GET "$O/members/$eid"
assert_status 200
assert_header ETag '"1"'
assert_json .email eddi@example.org
api_as rita GET "$O/members/99999"
assert_error 404 not_found
# ... but cannot change them, and editors cannot manage members either
api_as rita PATCH "$O/members/$eid" '{"role": "reader"}' -H "$(im 1)"
assert_error 403 forbidden
api_as eddi PATCH "$O/members/$rid" '{"role": "editor"}' -H "$(im 1)"
assert_error 403 forbidden
api_as eddi DELETE "$O/members/$rid" -H "$(im 1)"
assert_error 403 forbidden
api_as eddi POST "$O/invitations" '{"email": "x@example.org", "role": "admin"}'
assert_error 403 forbidden

# ---- role change: If-Match, validation, history
api PATCH "$O/members/$rid" '{"role": "editor"}'
assert_error 428 precondition_required
api PATCH "$O/members/$rid" '{"role": "chef"}' -H "$(im 1)"
assert_field_error role
api PATCH "$O/members/$rid" '{"role": 3, "colour": "red"}' -H "$(im 1)"
assert_field_error role
assert_field_error colour
assert_eq reader "$(db_sql "SELECT role FROM membership WHERE org_id = 1 AND user_id = $rid")" "nothing stored"
api PATCH "$O/members/$rid" '{"role": "editor"}' -H "$(im 1)"
assert_status 200
assert_json .role editor
assert_json .version 2
assert_header ETag '"2"'
api PATCH "$O/members/$rid" '{"role": "reader"}' -H "$(im 1)"
assert_error 412 version_conflict
assert_json .current.role editor
assert_eq 1 "$(db_sql "SELECT count(*) FROM history WHERE org_id = 1 AND entity = 'member' AND entity_id = $rid AND action = 'update' AND before_json LIKE '%reader%' AND after_json LIKE '%editor%'")" "history of the role change"
# the new role works at once
api_as rita POST "$O/contacts" '{"name": "Jetzt darf ich"}'
assert_status 201
api PATCH "$O/members/$rid" '{"role": "reader"}' -H "$(im 2)"
assert_status 200

# ---- the last admin
api PATCH "$O/members/$aid" '{"role": "editor"}' -H "$(im 1)"
assert_error 409 last_admin
api DELETE "$O/members/$aid" -H "$(im 1)"
assert_error 409 last_admin
api_as admin GET "$O/members/$aid" -H "$EN"
api PATCH "$O/members/$aid" '{"role": "notfallleiter"}' -H "$(im 1)" -H "$EN"
assert_contains "$(json .error.message)" "at least one administrator" "clear message"
assert_eq admin "$(db_sql "SELECT role FROM membership WHERE org_id = 1 AND user_id = $aid")" "still admin"
# web: the same refusal as a page
web_login aweb "$ADMIN_EMAIL" "$PW"
form_en aweb "/o/1/members/$aid" version=1 role=editor
assert_status 409
assert_body_contains "at least one administrator"
web aweb GET "/o/1/members/$aid/remove"
assert_status 200
refresh_csrf aweb
form_en aweb "/o/1/members/$aid/remove" version=1
assert_status 409
assert_body_contains "at least one administrator"
assert_eq admin "$(db_sql "SELECT role FROM membership WHERE org_id = 1 AND user_id = $aid")" "still admin after web tries"

# with a second admin, the first may step down; then the second is the last
api PATCH "$O/members/$eid" '{"role": "admin"}' -H "$(im 1)"
assert_status 200
api PATCH "$O/members/$aid" '{"role": "editor"}' -H "$(im 1)"
assert_status 200
api_as eddi DELETE "$O/members/$eid" -H "$(im 2)"
assert_error 409 last_admin
api_as eddi PATCH "$O/members/$aid" '{"role": "admin"}' -H "$(im 2)"
assert_status 200

# ---- removal: access ends at once, for API and pages
web_login rweb rita@example.org "$PW"
web rweb GET /o/1/team
assert_status 200
api_as rita GET "$O/contacts"
assert_status 200
api DELETE "$O/members/$rid" -H "$(im 1)"
assert_error 412 version_conflict
api DELETE "$O/members/$rid" -H "$(im 3)"
assert_status 204
api_as rita GET "$O/contacts"
assert_error 404 not_found
web rweb GET /o/1/team
assert_status 404
web rweb GET /o/1/
assert_status 404
assert_eq 0 "$(db_sql "SELECT count(*) FROM membership WHERE org_id = 1 AND user_id = $rid")" "membership gone"
assert_eq 1 "$(db_sql "SELECT count(*) FROM user WHERE id = $rid")" "account kept"
assert_eq 1 "$(db_sql "SELECT count(*) FROM history WHERE org_id = 1 AND entity = 'member' AND entity_id = $rid AND action = 'delete'")" "history of the removal"
api GET "$O/members/$rid"
assert_error 404 not_found

# ---- web: remove with the confirmation page
web aweb GET "/o/1/members/$eid/remove" -H "$EN"
assert_status 200
assert_body_contains "Eddi Editor"
refresh_csrf aweb
form_csrf aweb "/o/1/members/$eid/remove" version=2
assert_redirect 303 "/o/1/members?done=removed"
api_as eddi GET "$O/contacts"
assert_error 404 not_found

# ---- invalid input names every field and stores nothing
n=$(db_sql "SELECT count(*) FROM invitation")
api POST "$O/invitations" '{"email": "kein-at", "role": "chef", "expires_in_days": 99, "x": 1}'
assert_field_error email
assert_field_error role
assert_field_error expires_in_days
assert_field_error x
api POST "$O/invitations" '{"role": "editor"}'
assert_field_error email
api POST "$O/invitations" '{"email": "a@example.org", "role": "editor", "expires_in_days": "7"}'
assert_field_error expires_in_days
web aweb GET /o/1/members
refresh_csrf aweb
form_csrf aweb /o/1/members/invite "email=kein-at" "role=chef" "expires_in_days=0"
assert_status 422
assert_body_contains 'id="err-email"'
assert_body_contains 'id="err-role"'
assert_body_contains 'id="err-expires_in_days"'
assert_contains "$(html_tag email)" 'aria-invalid="true"' "email marked"
assert_eq "kein-at" "$(html_input email)" "input kept"
assert_eq "$n" "$(db_sql "SELECT count(*) FROM invitation")" "nothing stored"

# a clean exit (under ASan also: no leaks)
kf_stop
kf_done
