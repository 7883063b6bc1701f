#!/usr/bin/env bash
# After signing in, people land on the page they asked for (only local
# addresses are followed); members of several organisations choose one.
. "$(dirname "$0")/lib.sh"

kf_init
kf_start

# ---- the page asked for comes back after signing in
client w
web w GET /o/1/team
assert_redirect 303 '/login?next=%2Fo%2F1%2Fteam'
web w GET '/login?next=%2Fo%2F1%2Fteam'
assert_status 200
assert_eq /o/1/team "$(html_input next)" "hidden next field of the login form"
pre=$(html_input _csrf)
form w /login "_csrf=$pre" "email=$ADMIN_EMAIL" "password=$PW" "next=/o/1/team"
assert_redirect 303 /o/1/team

# ---- a foreign address is never followed (open redirect)
i=0
for bad in '//evil.example/x' 'https://evil.example/' '/\evil.example' 'javascript:alert(1)' $'/o/1/\r\nSet-Cookie: x=1'; do
	i=$((i + 1))
	web "v$i" GET /login
	pre=$(html_input _csrf)
	form "v$i" /login "_csrf=$pre" "email=$ADMIN_EMAIL" "password=$PW" "next=$bad"
	assert_redirect 303 /o/1/
done
client u
web u GET '/login?next=%2F%2Fevil.example'
assert_status 200
assert_eq "" "$(html_input next)" "no next field for a foreign address"

# ---- a member of two organisations chooses
cli org add --data "$KF_DATA" --name "Schreinerei Holz & Söhne"
assert_eq 0 "$CLI_RC" "org add"
org2=$CLI_OUT
cli_pw "$PW" user add --data "$KF_DATA" --email "$ADMIN_EMAIL" --org "$org2" --role reader --password-stdin
assert_eq 0 "$CLI_RC" "existing admin joins the second organisation"
client x
web x GET /login
pre=$(html_input _csrf)
form x /login "_csrf=$pre" "email=$ADMIN_EMAIL" "password=$PW"
assert_status 200
assert_body_contains "Ihre Organisationen"
assert_body_contains "Schreinerei Holz &amp; Söhne"
assert_body_contains "href=\"/o/$org2/\""
assert_body_contains 'href="/o/1/"'
web x GET "/o/$org2/team"
assert_status 200
assert_body_not_contains "Kontakt hinzufügen"

kf_stop
kf_done
