#!/usr/bin/env bash
# Invitations: an admin invites by email (API, page, CLI); the one-time link
# sets a password (page) or a new account joins through the API; then the
# invitee signs in and works with the invited role. Only the token's hash is
# stored, and every step leaves history.
. "$(dirname "$0")/lib.sh"

kf_setup

# ---- API: invite an editor
api POST "$O/invitations" '{"email": "  Erika@Example.org ", "role": "editor"}'
assert_status 201
assert_json .email Erika@Example.org
assert_json .role editor
assert_json .status pending
assert_jq '.link | test("^http://127\\.0\\.0\\.1:[0-9]+/invite/[A-Za-z0-9_-]{40,}$")'
assert_match "$(hdr Location)" "^/api/v1/orgs/1/invitations/[0-9]+$" "Location"
inv1=$(json .id)
link=$(json .link)
token=${link##*/invite/}
exp=$(json .expires_at)
# the default expiry: 7 days
days=$(( ($(date -u -d "$exp" +%s) - $(date -u +%s) + 3600) / 86400 ))
assert_eq 7 "$days" "days until expiry"

# the token is stored only as its hash
assert_eq 0 "$(db_sql "SELECT count(*) FROM invitation WHERE token_hash = '$token'")" "plain token stored"
assert_eq 1 "$(db_sql "SELECT count(*) FROM invitation WHERE id = $inv1 AND length(token_hash) = 64")" "hash stored"
assert_eq 1 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'invitation' AND entity_id = $inv1 AND action = 'create'")" "history create"

# the list shows it (no link there)
api GET "$O/invitations"
assert_status 200
assert_json "map(select(.id == $inv1)) | .[0].status" pending
assert_jq 'all(.[]; has("link") | not)'

# ---- the page of the link: a new account
web erika GET "/invite/$token"
assert_status 200
assert_body_contains "$ORG_NAME"
assert_eq "Erika@Example.org" "$(html_input email)" "email shown"
pre=$(html_input _csrf) || fail "no _csrf on the invitation page"

# mismatching passwords: named field, nothing stored
form erika "/invite/$token" "_csrf=$pre" "name=Erika Muster" "password=$PW" "password2=something else"
assert_status 422
assert_contains "$(html_tag password2)" 'aria-invalid="true"' "password2 marked"
assert_body_contains 'id="err-password2"'
assert_eq "Erika Muster" "$(html_input name)" "name kept"
assert_eq 0 "$(db_sql "SELECT count(*) FROM user WHERE email = 'erika@example.org'")" "no account on refusal"

form erika "/invite/$token" "_csrf=$pre" "name=Erika Muster" "password=$PW" "password2=$PW"
assert_redirect 303 /o/1/
web erika GET /o/1/
assert_status 200
assert_body_contains "Erika Muster"

assert_eq 1 "$(db_sql "SELECT count(*) FROM membership m JOIN user u ON u.id = m.user_id WHERE u.email = 'Erika@Example.org' AND m.org_id = 1 AND m.role = 'editor'")" "membership"
uid=$(db_sql "SELECT id FROM user WHERE email = 'Erika@Example.org'")
assert_eq 1 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'member' AND entity_id = $uid AND action = 'create'")" "history member create"
assert_eq 1 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'invitation' AND entity_id = $inv1 AND action = 'update'")" "history invitation used"

# she signs in again with her new password and works as an editor
login erika2 Erika@Example.org "$PW" || fail "login after accepting"
api_as erika2 POST "$O/contacts" '{"name": "Neuer Kontakt"}'
assert_status 201
api_as erika2 GET "$O/invitations"
assert_error 403 forbidden

api GET "$O/invitations/$inv1"
assert_json .status used
assert_jq '.used_at != null'

# ---- the members list (readable by members)
api_as erika2 GET "$O/members"
assert_status 200
assert_json 'map(.email) | sort | join(",")' "Erika@Example.org,admin@example.org"
assert_json "map(select(.id == $uid)) | .[0].role" editor

# ---- API accept: a new reader
api POST "$O/invitations" '{"email": "bernd@example.org", "role": "reader", "expires_in_days": 2}'
assert_status 201
tok2=$(json .link)
tok2=${tok2##*/invite/}
exp=$(json .expires_at)
days=$(( ($(date -u -d "$exp" +%s) - $(date -u +%s) + 3600) / 86400 ))
assert_eq 2 "$days" "days until expiry"
client bernd
api_as bernd POST /api/v1/invitations/accept "{\"token\": \"$tok2\", \"name\": \"Bernd\", \"password\": \"short\"}"
assert_field_error password
api_as bernd POST /api/v1/invitations/accept "{\"token\": \"$tok2\", \"name\": \"Bernd\", \"password\": \"$PW\"}"
assert_status 200
assert_json .org.id 1
assert_json .role reader
assert_json .already_member false
KF_CSRF[bernd]=$(json .csrf_token)
api_as bernd GET "$O/contacts"
assert_status 200
api_as bernd POST "$O/contacts" '{"name": "Darf nicht"}'
assert_error 403 forbidden

# ---- an existing account of another organisation: the link adds the membership after sign-in
cli org add --data "$KF_DATA" --name "Zweite GmbH"
kf_user_add carla@example.org "Carla" admin 2
api POST "$O/invitations" '{"email": "carla@example.org", "role": "notfallleiter"}'
assert_status 201
tok3=$(json .link)
tok3=${tok3##*/invite/}
web carla GET "/invite/$tok3"
assert_status 200
assert_body_not_contains 'name="password2"'
assert_contains "$(html_tag email)" readonly "email read-only"
pre=$(html_input _csrf)
form carla "/invite/$tok3" "_csrf=$pre" "password=wrong password!"
assert_status 401
assert_eq 0 "$(db_sql "SELECT count(*) FROM membership m JOIN user u ON u.id = m.user_id WHERE u.email = 'carla@example.org' AND m.org_id = 1")" "no membership on a wrong password"
form carla "/invite/$tok3" "_csrf=$pre" "password=$PW"
assert_redirect 303 /o/1/
assert_eq notfallleiter "$(db_sql "SELECT m.role FROM membership m JOIN user u ON u.id = m.user_id WHERE u.email = 'carla@example.org' AND m.org_id = 1")" "membership added"
assert_eq admin "$(db_sql "SELECT m.role FROM membership m JOIN user u ON u.id = m.user_id WHERE u.email = 'carla@example.org' AND m.org_id = 2")" "other membership kept"
# her password is unchanged
login carla2 carla@example.org "$PW" || fail "carla's password changed"

# ---- already a member: refused with the field named, nothing stored
n=$(db_sql "SELECT count(*) FROM invitation")
api POST "$O/invitations" '{"email": "carla@example.org", "role": "reader"}'
assert_field_error email
assert_eq "$n" "$(db_sql "SELECT count(*) FROM invitation")" "nothing stored"

# ---- CLI: invite prints the link
cli user invite --data "$KF_DATA" --org 1 --email dora@example.org --role editor --base-url https://plan.example.org/
assert_eq 0 "$CLI_RC" "user invite exit status"
assert_match "$CLI_OUT" '^https://plan\.example\.org/invite/[A-Za-z0-9_-]{40,}$' "printed link"
tok4=${CLI_OUT##*/invite/}
web dora GET "/invite/$tok4"
assert_status 200
assert_eq dora@example.org "$(html_input email)" "CLI invitation page"
cli user invite --data "$KF_DATA" --org 1 --email not-an-email --role boss
assert_eq 2 "$CLI_RC" "bad CLI input"
assert_contains "$CLI_ERR" "--email" "CLI names email"
assert_contains "$CLI_ERR" "--role" "CLI names role"
cli user invite --data "$KF_DATA" --org 99 --email x@example.org --role editor
assert_eq 1 "$CLI_RC" "unknown org"

# a clean exit (under ASan also: no leaks)
kf_stop
kf_done
