#!/usr/bin/env bash
# krisenfest init: creates the instance once, refuses a second time and weak
# passwords; --help works for every command.
. "$(dirname "$0")/lib.sh"

# --help prints help and exits 0 for every command
for cmd in "init" "serve" "org add" "org list" "user add" "user list" "user passwd" "token create"; do
	# shellcheck disable=SC2086
	cli $cmd --help
	assert_eq 0 "$CLI_RC" "exit status of '$cmd --help'"
	assert_ne "" "$CLI_OUT$CLI_ERR" "output of '$cmd --help'"
done

# unknown command / unknown option: non-zero
cli frobnicate
assert_ne 0 "$CLI_RC" "exit status of unknown command"
cli init --data "$KF_TMP/x" --no-such-option
assert_ne 0 "$CLI_RC" "exit status of init with unknown option"
[[ ! -e $KF_TMP/x/krisenfest.db ]] && _kf_pass || fail "init with unknown option created a database"

# password too short (9 characters): refused, nothing created
d=$KF_TMP/short
cli_pw '123456789' init --data "$d" --org "$ORG_NAME" --admin-email "$ADMIN_EMAIL" --password-stdin
assert_ne 0 "$CLI_RC" "exit status of init with 9-character password"
assert_ne "" "$CLI_ERR" "stderr of init with short password"
[[ ! -e $d/krisenfest.db ]] && _kf_pass || fail "init with short password created $d/krisenfest.db"

# missing --org: refused
cli_pw "$PW" init --data "$d" --admin-email "$ADMIN_EMAIL" --password-stdin
assert_ne 0 "$CLI_RC" "exit status of init without --org"
[[ ! -e $d/krisenfest.db ]] && _kf_pass || fail "init without --org created a database"

# 10 characters is enough; a directory that does not exist yet is created
d=$KF_TMP/ten
cli_pw '1234567890' init --data "$d" --org "Zehn GmbH" --admin-email ten@example.org --password-stdin
assert_eq 0 "$CLI_RC" "exit status of init with 10-character password (stderr: $CLI_ERR)"
[[ -f $d/krisenfest.db ]] && _kf_pass || fail "init did not create $d/krisenfest.db"

# the real instance
cli_pw "$PW" init --data "$KF_DATA" --org "$ORG_NAME" --admin-email "$ADMIN_EMAIL" \
	--admin-name "Anna Admin" --password-stdin
assert_eq 0 "$CLI_RC" "exit status of init (stderr: $CLI_ERR)"
[[ -f $KF_DATA/krisenfest.db ]] && _kf_pass || fail "init did not create krisenfest.db"

# the password is not stored in plain text
if grep -rqF "$PW" "$KF_DATA"; then fail "password found in plain text in the data dir"; else _kf_pass; fi

# second init on the same directory: exit 1, stderr, nothing changed
sum_before=$(cd "$KF_DATA" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
cli_pw 'another password 123' init --data "$KF_DATA" --org "Andere Firma" \
	--admin-email other@example.org --password-stdin
assert_eq 1 "$CLI_RC" "exit status of second init"
assert_ne "" "$CLI_ERR" "stderr of second init"
sum_after=$(cd "$KF_DATA" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
assert_eq "$sum_before" "$sum_after" "data dir after second init"

# the instance works: admin logs in, sees the organisation (UTF-8 name intact)
kf_start
login admin "$ADMIN_EMAIL" "$PW"
assert_status 200
assert_json .user.email "$ADMIN_EMAIL"
assert_json .user.name "Anna Admin"
assert_json .user.id 1

api GET /api/v1/orgs
assert_status 200
assert_json 'length' 1
assert_json '.[0].id' 1
assert_json '.[0].name' "$ORG_NAME"
assert_json '.[0].role' admin

# the account of the refused second init does not exist
login other other@example.org 'another password 123'
assert_error 401 invalid_credentials

# a fresh organisation is empty
api GET "$O/contacts"
assert_status 200
assert_json 'length' 0
api GET "$O/roles"
assert_status 200
assert_json 'length' 0

# the 10-character instance is separate and works too
kf_stop
KF_DATA=$d
kf_start
login ten ten@example.org 1234567890
assert_status 200
api_as ten GET /api/v1/orgs
assert_json '.[0].name' "Zehn GmbH"
kf_stop

kf_done
