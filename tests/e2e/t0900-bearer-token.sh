#!/usr/bin/env bash
# API tokens: Bearer works without CSRF, keeps the user's role, only exact
# tokens are accepted, no cookies are needed or set.
. "$(dirname "$0")/lib.sh"

kf_init
kf_user_add editor@example.org "Eddi Editor" editor
kf_user_add reader@example.org "Rita Reader" reader
kf_token "$ADMIN_EMAIL" "Admin-Skript" tadmin
kf_token editor@example.org "Import" tedit
kf_token reader@example.org "Monitoring" tread
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
new_contact c '{"name": "Erika Muster"}'
snapshot contacts "$O/contacts"
snapshot contact "$O/contacts/$c"

bearer_client ta "$tadmin"
bearer_client te "$tedit"
bearer_client tr "$tread"

api_as ta GET /api/v1/orgs
assert_status 200
assert_json '.[0].role' admin
api_as te GET /api/v1/orgs
assert_json '.[0].role' editor
api_as tr GET /api/v1/orgs
assert_json '.[0].role' reader
assert_eq "" "$(set_cookie kf_session)" "Bearer request must not create a session cookie"

# writes without any CSRF header
api_as te POST "$O/contacts" '{"name": "Per Token", "phones": [{"kind": "office", "number": "0761 42"}]}'
assert_status 201
tid=$(json .id)
assert_eq "" "$(set_cookie kf_session)" "Bearer write must not create a session cookie"
api_as te PATCH "$O/contacts/$tid" '{"notes": "geändert"}' -H "$(im 1)"
assert_status 200
api_as te PUT "$O/contacts/$tid" '{"name": "Per Token 2"}' -H "$(im 2)"
assert_status 200
api_as te POST "$O/roles" "{\"name\": \"Token-Rolle\", \"primary_contact_id\": $tid}"
assert_status 201
trid=$(json .id)
api_as te DELETE "$O/roles/$trid" "" -H "$(im 1)"
assert_status 204
api_as te DELETE "$O/contacts/$tid" "" -H "$(im 3)"
assert_status 204
# a wrong CSRF header does not matter for Bearer
api_as ta POST "$O/contacts" '{"name": "Admin per Token"}' -H 'X-CSRF-Token: egal'
assert_status 201
aid=$(json .id)
api_as ta DELETE "$O/contacts/$aid" "" -H "$(im 1)"
assert_status 204
snapshot contacts "$O/contacts"

# reader token: reads, cannot write
api_as tr GET "$O/contacts/$c"
assert_status 200
api_as tr POST "$O/contacts" '{"name": "Leser"}'
assert_error 403 forbidden
api_as tr PATCH "$O/contacts/$c" '{"notes": "Leser"}' -H "$(im 1)"
assert_error 403 forbidden
assert_unchanged contacts
assert_unchanged contact

# invalid tokens: 401, nothing changed
bad=(
	"${tedit}x"
	"${tedit:0:${#tedit}-1}"
	"$(tr 'a-zA-Z' 'b-zaB-ZA' <<<"$tedit")"
	"$(tr 'a-z' 'A-Z' <<<"$tedit")"
	"kf_0000000000000000000000000000000000000000"
)
for t in "${bad[@]}"; do
	[[ $t == "$tedit" ]] && continue
	http POST "$O/contacts" -H "Authorization: Bearer $t" -H 'Content-Type: application/json' --data-binary '{"name": "Falscher Token"}'
	assert_error 401 unauthenticated
	http GET "$O/contacts" -H "Authorization: Bearer $t"
	assert_error 401 unauthenticated
done
http GET "$O/contacts" -H "Authorization: Bearer "
assert_error 401 unauthenticated
http GET "$O/contacts" -H "Authorization: Basic $(printf 'editor@example.org:%s' "$PW" | base64 -w0)"
assert_error 401 unauthenticated
http GET "$O/contacts" -H "Authorization: $tedit"
assert_error 401 unauthenticated
# the token is not a session cookie either
http GET "$O/contacts" -H "Cookie: kf_session=$tedit"
assert_error 401 unauthenticated
assert_unchanged contacts

# tokens created while the server runs work at once; tokens survive a restart
kf_token reader@example.org "Spaeter" tlate
bearer_client tl "$tlate"
api_as tl GET "$O/contacts"
assert_status 200
kf_stop
kf_start
api_as te GET "$O/contacts"
assert_status 200
api_as tl GET /api/v1/orgs
assert_json '.[0].role' reader

# only hashes are stored
for t in "$tadmin" "$tedit" "$tread" "$tlate"; do
	if grep -rqF "$t" "$KF_DATA"; then fail "token in plain text in the data dir"; else _kf_pass; fi
done

kf_stop
kf_done
