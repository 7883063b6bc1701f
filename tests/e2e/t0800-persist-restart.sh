#!/usr/bin/env bash
# Data survives a stop and a start: contacts, roles, versions, users, tokens.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add reader@example.org "Rita Reader" reader
kf_token admin@example.org "Skript" tok

new_contact c1 '{"name": "Erika Muster", "company": "Muster GmbH", "function": "IT-Leitung", "phones": [{"kind": "mobile", "number": "+49 170 1234567"}, {"kind": "office", "number": "0761 123456"}], "email": "erika@example.org", "notes": "Zeile 1\nZeile 2 – „Anführung“", "external": false, "last_verified": "2024-10-01"}'
new_contact c2 '{"name": "IT-Partner Süd", "external": true}'
new_contact c3 '{"name": "Wird gelöscht"}'
api PATCH "$O/contacts/$c2" '{"notes": "Vertrag 2024"}' -H "$(im 1)"
assert_status 200
api DELETE "$O/contacts/$c3" "" -H "$(im 1)"
assert_status 204
new_role r1 "{\"name\": \"Notfallleitung\", \"duties\": \"Koordiniert\", \"primary_contact_id\": $c1, \"deputy_contact_ids\": [$c2]}"
new_role r2 '{"name": "Datenschutz"}'

dump() { # everything the API shows, normalised
	local out=
	api GET "$O/contacts"
	out+=$(jq -S . <<<"$BODY")
	api GET "$O/roles"
	out+=$(jq -S . <<<"$BODY")
	for id in "$c1" "$c2"; do
		api GET "$O/contacts/$id"
		out+="$(hdr ETag)$(jq -S . <<<"$BODY")"
	done
	for id in "$r1" "$r2"; do
		api GET "$O/roles/$id"
		out+="$(hdr ETag)$(jq -S . <<<"$BODY")"
	done
	api GET /api/v1/orgs
	out+=$(jq -S . <<<"$BODY")
	printf '%s' "$out"
}
before=$(dump)
assert_contains "$before" "Anführung" "dump before restart"

kf_stop
kf_start
login admin "$ADMIN_EMAIL" "$PW"
assert_status 200
after=$(dump)
assert_eq "$before" "$after" "API view after restart"
api GET "$O/contacts/$c3"
assert_error 404 not_found

# other users and tokens survive
login reader reader@example.org "$PW"
assert_status 200
api_as reader GET "$O/contacts"
assert_json 'length' 2
bearer_client tok "$tok"
api_as tok GET "$O/roles"
assert_status 200
assert_json 'length' 2

# versions continue, ids are not reused
api PATCH "$O/contacts/$c2" '{"notes": "Vertrag 2025"}' -H "$(im 2)"
assert_status 200
assert_json .version 3
api POST "$O/contacts" '{"name": "Nach Neustart"}'
assert_status 201
c4=$(json .id)
for old in "$c1" "$c2" "$c3"; do assert_ne "$old" "$c4" "id of the new contact"; done

# a second restart keeps the new state as well
before=$(dump)
kf_stop
kf_start
login admin "$ADMIN_EMAIL" "$PW"
assert_status 200
assert_eq "$before" "$(dump)" "API view after second restart"
api GET "$O/contacts/$c4"
assert_json .name "Nach Neustart"

# a changed password survives the restart; the old one is gone
kf_stop
printf '%s' 'ganz neues Passwort 2' | "$KRISENFEST" user passwd --data "$KF_DATA" --email reader@example.org --password-stdin >/dev/null 2>&1
assert_eq 0 "$?" "exit status of user passwd"
kf_start
login reader reader@example.org "$PW"
assert_error 401 invalid_credentials
login reader reader@example.org 'ganz neues Passwort 2'
assert_status 200

kf_stop
kf_done
