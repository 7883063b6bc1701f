#!/usr/bin/env bash
# krisenfest user add / list / passwd and token create.
. "$(dirname "$0")/lib.sh"

kf_init

# add one user per role
for r in reader editor notfallleiter admin; do
	cli_pw "$PW" user add --data "$KF_DATA" --email "$r.u@example.org" --name "Nutzer $r" \
		--org 1 --role "$r" --password-stdin
	assert_eq 0 "$CLI_RC" "exit status of user add --role $r (stderr: $CLI_ERR)"
done

cli user list --data "$KF_DATA"
assert_eq 0 "$CLI_RC" "exit status of user list"
for e in "$ADMIN_EMAIL" reader.u@example.org editor.u@example.org notfallleiter.u@example.org admin.u@example.org; do
	assert_contains "$CLI_OUT" "$e" "user list"
done
assert_eq 5 "$(grep -c '@' <<<"$CLI_OUT")" "number of lines with an e-mail in user list"
list_before=$CLI_OUT

# refused: unknown role, short password, unknown org, bad e-mail
cli_pw "$PW" user add --data "$KF_DATA" --email boss@example.org --name Boss --org 1 --role superuser --password-stdin
assert_ne 0 "$CLI_RC" "exit status of user add with unknown role"
cli_pw 'kurz' user add --data "$KF_DATA" --email short@example.org --name Kurz --org 1 --role reader --password-stdin
assert_ne 0 "$CLI_RC" "exit status of user add with short password"
cli_pw "$PW" user add --data "$KF_DATA" --email nowhere@example.org --name Niemand --org 999 --role reader --password-stdin
assert_ne 0 "$CLI_RC" "exit status of user add into a missing organisation"
cli_pw "$PW" user add --data "$KF_DATA" --email not-an-email --name Kaputt --org 1 --role reader --password-stdin
assert_ne 0 "$CLI_RC" "exit status of user add with invalid e-mail"
cli user list --data "$KF_DATA"
assert_eq "$list_before" "$CLI_OUT" "user list after refused user add"

# user add on a directory without an instance fails
cli_pw "$PW" user add --data "$KF_TMP/empty" --email x@example.org --name X --org 1 --role reader --password-stdin
assert_ne 0 "$CLI_RC" "exit status of user add without instance"

kf_start

# every added user logs in and has the right role
for r in reader editor notfallleiter admin; do
	login "$r" "$r.u@example.org" "$PW"
	assert_status 200
	assert_json .user.email "$r.u@example.org"
	assert_json .user.name "Nutzer $r"
	api_as "$r" GET /api/v1/orgs
	assert_status 200
	assert_json '.[0].id' 1
	assert_json '.[0].role' "$r"
done
login boss boss@example.org "$PW"
assert_error 401 invalid_credentials

# user add while the server runs: usable at once
cli_pw "$PW" user add --data "$KF_DATA" --email live@example.org --name Live --org 1 --role editor --password-stdin
assert_eq 0 "$CLI_RC" "exit status of user add while serving (stderr: $CLI_ERR)"
login live live@example.org "$PW"
assert_status 200

# an existing account given again joins with the new role and keeps its
# password (see `user --help`); no second account appears
cli_pw 'ein anderes Passwort' user add --data "$KF_DATA" --email notfallleiter.u@example.org --name Doppelt \
	--org 1 --role reader --password-stdin
assert_eq 0 "$CLI_RC" "exit status of user add for an existing account (stderr: $CLI_ERR)"
cli user list --data "$KF_DATA"
assert_eq 6 "$(grep -c '@' <<<"$CLI_OUT")" "number of users after user add for an existing account"
login nl-old notfallleiter.u@example.org "$PW"
assert_status 200
api_as nl-old GET /api/v1/orgs
assert_json '.[0].role' reader
login nl-new notfallleiter.u@example.org 'ein anderes Passwort'
assert_error 401 invalid_credentials

# passwd: old password stops working, new one works, sessions end
api_as editor GET /api/v1/session
assert_status 200
cli_pw 'ein ganz neues Passwort' user passwd --data "$KF_DATA" --email editor.u@example.org --password-stdin
assert_eq 0 "$CLI_RC" "exit status of user passwd (stderr: $CLI_ERR)"
api_as editor GET /api/v1/session
assert_error 401 unauthenticated
login ed-old editor.u@example.org "$PW"
assert_error 401 invalid_credentials
login ed-new editor.u@example.org 'ein ganz neues Passwort'
assert_status 200
# refused passwd: too short, unknown user
cli_pw 'kurz' user passwd --data "$KF_DATA" --email editor.u@example.org --password-stdin
assert_ne 0 "$CLI_RC" "exit status of user passwd with short password"
login ed-new2 editor.u@example.org 'ein ganz neues Passwort'
assert_status 200
cli_pw 'noch ein Passwort' user passwd --data "$KF_DATA" --email nobody@example.org --password-stdin
assert_ne 0 "$CLI_RC" "exit status of user passwd for unknown user"

# token create: one line on stdout, works as Bearer, differs per call
cli token create --data "$KF_DATA" --email reader.u@example.org --name "Monitoring"
assert_eq 0 "$CLI_RC" "exit status of token create (stderr: $CLI_ERR)"
assert_eq 1 "$(printf '%s\n' "$CLI_OUT" | wc -l)" "lines printed by token create"
assert_match "$CLI_OUT" '^[^[:space:]]{16,}$' "token"
tok1=$CLI_OUT
cli token create --data "$KF_DATA" --email reader.u@example.org --name "Zweites"
assert_eq 0 "$CLI_RC" "exit status of second token create"
tok2=$CLI_OUT
assert_ne "$tok1" "$tok2" "second token"

bearer_client tok1 "$tok1"
api_as tok1 GET /api/v1/orgs
assert_status 200
assert_json '.[0].role' reader
bearer_client tok2 "$tok2"
api_as tok2 GET "$O/contacts"
assert_status 200

# only the hash is stored
if grep -rqF "$tok1" "$KF_DATA"; then fail "token found in plain text in the data dir"; else _kf_pass; fi
if grep -rqF "$PW" "$KF_DATA"; then fail "password found in plain text in the data dir"; else _kf_pass; fi

# token for an unknown user: refused, nothing on stdout
cli token create --data "$KF_DATA" --email nobody@example.org --name X
assert_ne 0 "$CLI_RC" "exit status of token create for unknown user"
assert_eq "" "$CLI_OUT" "stdout of refused token create"

kf_stop
kf_done
