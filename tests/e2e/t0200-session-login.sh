#!/usr/bin/env bash
# API session: login, cookie attributes, GET/DELETE session, CSRF on logout.
. "$(dirname "$0")/lib.sh"

kf_init --admin-name "Anna Admin"
kf_start

# successful login
login admin "$ADMIN_EMAIL" "$PW"
assert_status 200
assert_header_contains Content-Type application/json
assert_json .user.id 1
assert_json .user.email "$ADMIN_EMAIL"
assert_json .user.name "Anna Admin"
assert_jq '.csrf_token | type == "string" and length >= 16'
assert_jq '[.. | objects | keys[]] | map(ascii_downcase) | any(test("password|hash")) | not'
csrf=$(json .csrf_token)
c=$(set_cookie kf_session)
assert_match "$c" '^kf_session=[^;]{16,}' "Set-Cookie kf_session"
assert_match "$c" '; *[Hh]ttp[Oo]nly' "Set-Cookie kf_session HttpOnly"
assert_match "$c" '; *[Ss]ame[Ss]ite=[Ll]ax' "Set-Cookie kf_session SameSite=Lax"
assert_match "$c" '; *[Pp]ath=/(;|$)' "Set-Cookie kf_session Path=/"
sid=$(sed -E 's/^kf_session=([^;]*).*/\1/' <<<"$c")

# GET session: same user, same token
api GET /api/v1/session
assert_status 200
assert_json .user.email "$ADMIN_EMAIL"
assert_json .csrf_token "$csrf"

api GET /api/v1/orgs
assert_status 200
assert_json 'length' 1
assert_json '.[0].id' 1
assert_json '.[0].name' "$ORG_NAME"
assert_json '.[0].role' admin

# wrong password and unknown account: same 401, no session cookie
login bad "$ADMIN_EMAIL" 'wrong password 123'
assert_error 401 invalid_credentials
assert_eq "" "$(set_cookie kf_session | grep -v -E '^kf_session=(;|$|""|deleted)')" "session cookie on failed login"
msg_wrong=$(json .error.message)
login bad2 nobody@example.org "$PW"
assert_error 401 invalid_credentials
assert_eq "$msg_wrong" "$(json .error.message)" "message for unknown account (must equal wrong-password message)"
api_as bad GET /api/v1/session
assert_error 401 unauthenticated

# English on request
http POST /api/v1/session -H 'Content-Type: application/json' -H 'Accept-Language: en-US,en;q=0.9' \
	--data-binary '{"email":"admin@example.org","password":"wrong password 123"}'
assert_error 401 invalid_credentials
assert_ne "$msg_wrong" "$(json .error.message)" "English message (Accept-Language: en)"

# malformed login bodies
http POST /api/v1/session -H 'Content-Type: application/json' --data-binary '{"email":'
assert_error 400 malformed_json
http POST /api/v1/session -H 'Content-Type: application/json' --data-binary '["admin@example.org"]'
assert_error 400 bad_request
http POST /api/v1/session -H 'Content-Type: application/json' --data-binary '{"email":"admin@example.org"}'
assert_status 400 401 422

# a second session of the same user is independent
login admin2 "$ADMIN_EMAIL" "$PW"
assert_status 200
csrf2=$(json .csrf_token)
assert_ne "$csrf" "$csrf2" "CSRF token of the second session"

# garbage session cookie
http GET /api/v1/session -H 'Cookie: kf_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
assert_error 401 unauthenticated

# logout needs the CSRF header
KF_NO_CSRF=1 api DELETE /api/v1/session
assert_error 403 csrf_failed
api GET /api/v1/session
assert_status 200
KF_NO_CSRF=1 api DELETE /api/v1/session "" -H 'X-CSRF-Token: wrong-token'
assert_error 403 csrf_failed
KF_NO_CSRF=1 api DELETE /api/v1/session "" -H "X-CSRF-Token: $csrf2"
assert_error 403 csrf_failed
api GET /api/v1/session
assert_status 200

# logout
api DELETE /api/v1/session
assert_status 204
assert_eq "" "$BODY" "body of 204"
api GET /api/v1/session
assert_error 401 unauthenticated
# the old cookie value is dead on the server, not only in the jar
http GET /api/v1/session -H "Cookie: kf_session=$sid"
assert_error 401 unauthenticated
http GET /api/v1/orgs -H "Cookie: kf_session=$sid"
assert_error 401 unauthenticated

# the other session still works
api_as admin2 GET /api/v1/session
assert_status 200
assert_json .csrf_token "$csrf2"

# logging in again works
login admin "$ADMIN_EMAIL" "$PW"
assert_status 200

kf_stop
kf_done
