#!/usr/bin/env bash
# Permissions: anonymous gets 401 on every API route, readers cannot write
# (403), editors, notfallleiter and admins can; session writes need CSRF.
. "$(dirname "$0")/lib.sh"

kf_setup
for r in reader editor notfallleiter; do
	kf_user_add "$r@example.org" "Nutzer $r" "$r"
	login "$r" "$r@example.org" "$PW" || kf_die "login $r"
done

new_contact c '{"name": "Erika Muster"}'
new_contact c2 '{"name": "Anton Aal"}'
new_role r "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $c}"
snapshot contacts "$O/contacts"
snapshot contact "$O/contacts/$c"
snapshot roles "$O/roles"
snapshot role "$O/roles/$r"

# ---- anonymous: 401 everywhere (also with a bad token or cookie)
routes=(
	"GET /api/v1/session"
	"DELETE /api/v1/session"
	"GET /api/v1/orgs"
	"GET $O/contacts"
	"POST $O/contacts"
	"GET $O/contacts/$c"
	"PUT $O/contacts/$c"
	"PATCH $O/contacts/$c"
	"DELETE $O/contacts/$c"
	"GET $O/roles"
	"POST $O/roles"
	"GET $O/roles/$r"
	"PUT $O/roles/$r"
	"PATCH $O/roles/$r"
	"DELETE $O/roles/$r"
	"GET /api/v1/orgs/999/contacts"
	"POST /api/v1/orgs/999/roles"
)
for rt in "${routes[@]}"; do
	m=${rt%% *} p=${rt#* }
	body=
	[[ $m == POST || $m == PUT || $m == PATCH ]] && body='{"name": "Anonym"}'
	api_as anon "$m" "$p" "$body" -H "$(im 1)"
	assert_error 401 unauthenticated
	assert_jq '.error | has("fields") | not'
	api_as anon "$m" "$p" "$body" -H "$(im 1)" -H 'Authorization: Bearer kf_not_a_real_token_0123456789'
	assert_error 401 unauthenticated
	api_as anon "$m" "$p" "$body" -H "$(im 1)" -H 'Cookie: kf_session=forged0123456789forged0123456789'
	assert_error 401 unauthenticated
done
assert_unchanged contacts
assert_unchanged contact
assert_unchanged roles
assert_unchanged role

# ---- reader: reads everything, writes nothing
api_as reader GET /api/v1/orgs
assert_json '.[0].role' reader
api_as reader GET "$O/contacts"
assert_status 200
assert_json 'length' 2
api_as reader GET "$O/contacts/$c"
assert_status 200
api_as reader GET "$O/roles"
assert_status 200
api_as reader GET "$O/roles/$r"
assert_status 200
api_as reader POST "$O/contacts" '{"name": "Leser"}'
assert_error 403 forbidden
api_as reader PUT "$O/contacts/$c" '{"name": "Leser"}' -H "$(im 1)"
assert_error 403 forbidden
api_as reader PATCH "$O/contacts/$c" '{"notes": "Leser"}' -H "$(im 1)"
assert_error 403 forbidden
api_as reader DELETE "$O/contacts/$c2" "" -H "$(im 1)"
assert_error 403 forbidden
api_as reader POST "$O/roles" '{"name": "Leser"}'
assert_error 403 forbidden
api_as reader PUT "$O/roles/$r" '{"name": "Leser"}' -H "$(im 1)"
assert_error 403 forbidden
api_as reader PATCH "$O/roles/$r" '{"duties": "Leser"}' -H "$(im 1)"
assert_error 403 forbidden
api_as reader DELETE "$O/roles/$r" "" -H "$(im 1)"
assert_error 403 forbidden
# forbidden beats validation: no field details leak
api_as reader POST "$O/contacts" '{"name": ""}'
assert_error 403 forbidden
# a reader's API token cannot write either
kf_token reader@example.org "Leser-Token" rtok
bearer_client rtok "$rtok"
api_as rtok GET "$O/contacts"
assert_status 200
api_as rtok POST "$O/contacts" '{"name": "Leser"}'
assert_error 403 forbidden
api_as rtok DELETE "$O/contacts/$c2" "" -H "$(im 1)"
assert_error 403 forbidden
assert_unchanged contacts
assert_unchanged contact
assert_unchanged roles
assert_unchanged role

# reader on the web: the write forms are refused too
web_login rweb reader@example.org "$PW"
web rweb GET /o/1/team
assert_status 200
form_csrf rweb /o/1/contacts/new "name=Leser"
assert_status 403
form_csrf rweb "/o/1/contacts/$c" "name=Leser" "version=1"
assert_status 403
form_csrf rweb "/o/1/contacts/$c2/delete" "version=1"
assert_status 403
form_csrf rweb "/o/1/roles/$r/delete" "version=1"
assert_status 403
assert_unchanged contacts
assert_unchanged roles

# ---- session writes need the CSRF header, also for editors
KF_NO_CSRF=1 api_as editor POST "$O/contacts" '{"name": "Ohne CSRF"}'
assert_error 403 csrf_failed
KF_NO_CSRF=1 api_as editor PATCH "$O/contacts/$c" '{"notes": "Ohne CSRF"}' -H "$(im 1)"
assert_error 403 csrf_failed
KF_NO_CSRF=1 api_as editor DELETE "$O/roles/$r" "" -H "$(im 1)"
assert_error 403 csrf_failed
KF_NO_CSRF=1 api_as editor POST "$O/contacts" '{"name": "Falsches CSRF"}' -H 'X-CSRF-Token: 0000000000000000'
assert_error 403 csrf_failed
KF_NO_CSRF=1 api_as editor POST "$O/contacts" '{"name": "Fremdes CSRF"}' -H "X-CSRF-Token: ${KF_CSRF[reader]}"
assert_error 403 csrf_failed
assert_unchanged contacts
assert_unchanged contact
assert_unchanged roles

# ---- editor, notfallleiter and admin write
for who in editor notfallleiter admin; do
	api_as "$who" GET /api/v1/orgs
	assert_json '.[0].role' "$who"
	api_as "$who" POST "$O/contacts" "{\"name\": \"Von $who\"}"
	assert_status 201
	id=$(json .id)
	api_as "$who" PATCH "$O/contacts/$id" '{"notes": "geändert"}' -H "$(im 1)"
	assert_status 200
	api_as "$who" PUT "$O/contacts/$id" "{\"name\": \"Von $who (neu)\"}" -H "$(im 2)"
	assert_status 200
	api_as "$who" POST "$O/roles" "{\"name\": \"Rolle $who\", \"primary_contact_id\": $id}"
	assert_status 201
	rid=$(json .id)
	api_as "$who" PATCH "$O/roles/$rid" '{"duties": "x"}' -H "$(im 1)"
	assert_status 200
	api_as "$who" DELETE "$O/roles/$rid" "" -H "$(im 2)"
	assert_status 204
	api_as "$who" DELETE "$O/contacts/$id" "" -H "$(im 3)"
	assert_status 204
done

# reads by every role see the writes of the others
api_as notfallleiter PATCH "$O/contacts/$c" '{"notes": "von der Notfallleiterin"}' -H "$(im 1)"
assert_status 200
api_as reader GET "$O/contacts/$c"
assert_json .notes "von der Notfallleiterin"

kf_stop
kf_done
