#!/usr/bin/env bash
# Login throttling: 5 failures per account, 20 per address within 15 minutes
# answer 429 with Retry-After, even for the right password.
. "$(dirname "$0")/lib.sh"

kf_init
kf_user_add anna@example.org "Anna" editor
kf_user_add bert@example.org "Bert" editor
kf_user_add carl@example.org "Carl" editor
kf_start

check_retry_after() {
	local ra
	ra=$(hdr Retry-After)
	assert_match "$ra" '^[0-9]+$' "Retry-After"
	if [[ $ra =~ ^[0-9]+$ ]]; then
		((ra >= 1 && ra <= 900)) && _kf_pass || fail "Retry-After $ra not within 1..900 seconds"
	fi
}

# 5 failures for anna
for i in 1 2 3 4 5; do
	login anna anna@example.org "wrong password $i"
	assert_error 401 invalid_credentials
done
# now even the right password is refused, without a session
login anna anna@example.org "$PW"
assert_error 429 too_many_attempts
check_retry_after
assert_eq "" "$(set_cookie kf_session | grep -v -E '^kf_session=(;|$|""|deleted)')" "session cookie on throttled login"
api_as anna GET /api/v1/session
assert_error 401 unauthenticated
# still locked on the next try
login anna anna@example.org "$PW"
assert_error 429 too_many_attempts
check_retry_after

# the HTML login is locked for anna as well
client annaweb
web annaweb GET /login
pre=$(html_input _csrf)
form annaweb /login "_csrf=$pre" "email=anna@example.org" "password=$PW"
assert_status 429 200 401
assert_eq "" "$(set_cookie kf_session | grep -v -E '^kf_session=(;|$|""|deleted)')" "session cookie on throttled web login"

# another account from the same address is not locked (address count < 20)
login bert bert@example.org "$PW"
assert_status 200
api_as bert GET /api/v1/session
assert_status 200

# 4 failures for carl do not lock carl
for i in 1 2 3 4; do
	login carl carl@example.org "wrong password $i"
	assert_error 401 invalid_credentials
done
login carl carl@example.org "$PW"
assert_status 200

# failures so far from this address: 5 (anna) + 4 (carl) = 9, plus up to 3
# throttled attempts for anna. Unknown accounts count towards the address:
# 8 more failures keep the address below 20 for sure ...
for i in $(seq 1 8); do
	login x "ghost$i@example.org" "wrong password"
	assert_error 401 invalid_credentials
done
# ... and 3 more reach at least 20
for i in $(seq 9 11); do
	login x "ghost$i@example.org" "wrong password"
	assert_status 401 429
done
# now the whole address is locked, even bert with the right password
login bert2 bert@example.org "$PW"
assert_error 429 too_many_attempts
check_retry_after
api_as bert2 GET /api/v1/session
assert_error 401 unauthenticated

# existing sessions keep working
api_as bert GET /api/v1/session
assert_status 200
api_as carl GET /api/v1/orgs
assert_status 200

kf_stop
kf_done
