#!/usr/bin/env bash
# Organisations are isolated: another organisation answers 404 exactly like a
# missing one, its items are invisible, cannot be changed or referenced.
. "$(dirname "$0")/lib.sh"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
assert_eq 0 "$CLI_RC" "exit status of org add (stderr: $CLI_ERR)"
assert_eq 2 "$CLI_OUT" "id printed by org add"
cli org list --data "$KF_DATA"
assert_eq 0 "$CLI_RC" "exit status of org list"
assert_contains "$CLI_OUT" "$ORG_NAME" "org list"
assert_contains "$CLI_OUT" "Andere Firma" "org list"
cli org add --data "$KF_DATA" --name ""
assert_ne 0 "$CLI_RC" "exit status of org add with empty name"
kf_user_add other@example.org "Otto Other" admin 2
kf_user_add ed@example.org "Eddi Editor" editor 1
# a member of both: editor in 1, reader in 2
kf_user_add both@example.org "Berta Beide" editor 1
kf_user_add both@example.org "Berta Beide" reader 2
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login other other@example.org "$PW" || kf_die "login other"
login ed ed@example.org "$PW" || kf_die "login ed"
login both both@example.org "$PW" || kf_die "login both"

O2=/api/v1/orgs/2

# each sees only their own organisation
api GET /api/v1/orgs
assert_json 'map(.id) | map(tostring) | join(",")' 1
api_as other GET /api/v1/orgs
assert_json 'map(.id) | map(tostring) | join(",")' 2
assert_json '.[0].name' "Andere Firma"

# data in both organisations
new_contact a1 '{"name": "Erika Eins"}'
new_contact a2 '{"name": "Anton Eins"}'
new_role ar "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $a1}"
api_as other POST "$O2/contacts" '{"name": "Zacharias Zwei", "notes": "geheim"}'
assert_status 201
b1=$(json .id)
assert_eq "$O2/contacts/$b1" "$(hdr Location | sed -E 's#^https?://[^/]+##')" "Location in org 2"
api_as other POST "$O2/roles" "{\"name\": \"Krisenstab Zwei\", \"primary_contact_id\": $b1}"
assert_status 201
br=$(json .id)

snapshot o2contacts "$O2/contacts" other
snapshot o2contact "$O2/contacts/$b1" other
snapshot o2role "$O2/roles/$br" other
snapshot o1contacts "$O/contacts"
snapshot o1roles "$O/roles"

# lists never mix
api GET "$O/contacts"
assert_json 'map(.name) | join("|")' "Anton Eins|Erika Eins"
api_as other GET "$O2/contacts"
assert_json 'map(.name) | join("|")' "Zacharias Zwei"
api_as other GET "$O2/roles"
assert_json 'map(.name) | join("|")' "Krisenstab Zwei"

# a member of both organisations has her role in each
api_as both GET /api/v1/orgs
assert_json 'map("\(.id)=\(.role)") | sort | join(",")' "1=editor,2=reader"
api_as both GET "$O2/contacts"
assert_status 200
assert_json 'map(.name) | join("|")' "Zacharias Zwei"
api_as both POST "$O2/contacts" '{"name": "Nur Leserin hier"}'
assert_error 403 forbidden
api_as both POST "$O/contacts" '{"name": "Berta schreibt in Eins"}'
assert_status 201
bc=$(json .id)
# even she cannot mix organisations in a role
api_as both POST "$O/roles" "{\"name\": \"Gemischt\", \"primary_contact_id\": $b1}"
assert_field_error primary_contact_id
api_as both DELETE "$O/contacts/$bc" "" -H "$(im 1)"
assert_status 204
assert_unchanged o2contacts
assert_unchanged o1contacts

# a foreign organisation answers exactly like a missing one
for who in admin ed; do
	for p in /contacts /roles "/contacts/$b1" "/roles/$br"; do
		api_as "$who" GET "/api/v1/orgs/999$p"
		assert_error 404 not_found
		missing=$(jq -S . <<<"$BODY")
		api_as "$who" GET "$O2$p"
		assert_error 404 not_found
		assert_eq "$missing" "$(jq -S . <<<"$BODY")" "answer for org 2 vs. org 999 ($who GET $p)"
	done
	api_as "$who" POST "$O2/contacts" '{"name": "Eindringling"}'
	assert_error 404 not_found
	api_as "$who" POST "$O2/roles" '{"name": "Eindringling"}'
	assert_error 404 not_found
	api_as "$who" PUT "$O2/contacts/$b1" '{"name": "Eindringling"}' -H "$(im 1)"
	assert_error 404 not_found
	api_as "$who" PATCH "$O2/contacts/$b1" '{"notes": "gelesen"}' -H "$(im 1)"
	assert_error 404 not_found
	api_as "$who" DELETE "$O2/roles/$br" "" -H "$(im 1)"
	assert_error 404 not_found
	api_as "$who" DELETE "$O2/contacts/$b1" "" -H "$(im 1)"
	assert_error 404 not_found
done

# the foreign item's id under one's own organisation: 404
api GET "$O/contacts/$b1"
assert_error 404 not_found
api GET "$O/roles/$br"
assert_error 404 not_found
api PUT "$O/contacts/$b1" '{"name": "Eindringling"}' -H "$(im 1)"
assert_error 404 not_found
api PATCH "$O/roles/$br" '{"name": "Eindringling"}' -H "$(im 1)"
assert_error 404 not_found
api DELETE "$O/contacts/$b1" "" -H "$(im 1)"
assert_error 404 not_found
api DELETE "$O/roles/$br" "" -H "$(im 1)"
assert_error 404 not_found
# the other way round
api_as other GET "$O2/contacts/$a1"
assert_error 404 not_found
api_as other DELETE "$O2/contacts/$a2" "" -H "$(im 1)"
assert_error 404 not_found

# a foreign contact cannot fill a role
api POST "$O/roles" "{\"name\": \"Geklaut\", \"primary_contact_id\": $b1}"
assert_field_error primary_contact_id
api POST "$O/roles" "{\"name\": \"Geklaut\", \"deputy_contact_ids\": [$a2, $b1]}"
assert_field_error_prefix deputy_contact_ids
api PATCH "$O/roles/$ar" "{\"primary_contact_id\": $b1}" -H "$(im 1)"
assert_field_error primary_contact_id
api_as other PATCH "$O2/roles/$br" "{\"deputy_contact_ids\": [$a1]}" -H "$(im 1)"
assert_field_error_prefix deputy_contact_ids

assert_unchanged o2contacts
assert_unchanged o2contact
assert_unchanged o2role
assert_unchanged o1contacts
assert_unchanged o1roles

# the web pages of the foreign organisation: 404 as well
web_login web "$ADMIN_EMAIL" "$PW"
web web GET /o/2/team
assert_status 404
web web GET /o/999/team
assert_status 404
web web GET "/o/1/contacts/$b1"
assert_status 404
web web GET "/o/2/contacts/$b1"
assert_status 404
form_csrf web "/o/1/contacts/$b1/delete" version=1
assert_status 404
form_csrf web "/o/2/contacts/$b1/delete" version=1
assert_status 404
form_csrf web "/o/2/contacts/new" "name=Eindringling"
assert_status 404
assert_unchanged o2contacts
assert_unchanged o2contact

# an API token is bound to its user's organisations
kf_token other@example.org "Zwei" tok
bearer_client tok "$tok"
api_as tok GET "$O/contacts"
assert_error 404 not_found
api_as tok POST "$O/contacts" '{"name": "Per Token"}'
assert_error 404 not_found
api_as tok GET "$O2/contacts"
assert_status 200
assert_unchanged o1contacts

kf_stop
kf_done
