#!/usr/bin/env bash
# Roles: create, read, list (sorted), replace, patch, delete; contacts that
# fill a role cannot be deleted (409 in_use).
. "$(dirname "$0")/lib.sh"

kf_setup

new_contact c1 '{"name": "Erika Muster"}'
new_contact c2 '{"name": "Anton Aal"}'
new_contact c3 '{"name": "Berta Bach"}'
new_contact c4 '{"name": "IT-Partner Süd", "external": true}'

api GET "$O/roles"
assert_status 200
assert_json 'length' 0

api POST "$O/roles" "{\"name\": \"Notfallleitung\", \"duties\": \"Koordiniert die Bewältigung.\", \"primary_contact_id\": $c1, \"deputy_contact_ids\": [$c3, $c2]}"
assert_status 201
r1=$(json .id)
assert_eq "$O/roles/$r1" "$(hdr Location | sed -E 's#^https?://[^/]+##')" "Location"
assert_header ETag '"1"'
assert_json .version 1
assert_json .name Notfallleitung
assert_json .duties "Koordiniert die Bewältigung."
assert_json .primary_contact_id "$c1"
assert_json '.deputy_contact_ids | map(tostring) | join(",")' "$c3,$c2"
assert_match "$(json .created_at)" '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$' "created_at"
created=$(jq -S . <<<"$BODY")

api GET "$O/roles/$r1"
assert_status 200
assert_header ETag '"1"'
assert_eq "$created" "$(jq -S . <<<"$BODY")" "GET after POST"

# minimal role: no people yet
api POST "$O/roles" '{"name": "Datenschutz"}'
assert_status 201
r2=$(json .id)
assert_json .primary_contact_id null
assert_json '.deputy_contact_ids | length' 0
assert_json .duties ""
api POST "$O/roles" "{\"name\": \"IT-Dienstleister\", \"primary_contact_id\": $c4, \"deputy_contact_ids\": []}"
assert_status 201
r3=$(json .id)

api GET "$O/roles"
assert_status 200
assert_json 'length' 3
assert_json '[.[].name] | join("|")' "Datenschutz|IT-Dienstleister|Notfallleitung"

# PUT replaces everything
api PUT "$O/roles/$r1" "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $c2, \"deputy_contact_ids\": [$c1]}" -H "$(im 1)"
assert_status 200
assert_header ETag '"2"'
assert_json .version 2
assert_json .primary_contact_id "$c2"
assert_json '.deputy_contact_ids | map(tostring) | join(",")' "$c1"
assert_json .duties ""
# PATCH changes the order of deputies only
api PATCH "$O/roles/$r1" "{\"deputy_contact_ids\": [$c3, $c1]}" -H "$(im 2)"
assert_status 200
assert_json .version 3
assert_json .primary_contact_id "$c2"
assert_json '.deputy_contact_ids | map(tostring) | join(",")' "$c3,$c1"
api PATCH "$O/roles/$r1" "{\"deputy_contact_ids\": [$c1, $c3]}" -H "$(im 3)"
assert_status 200
assert_json '.deputy_contact_ids | map(tostring) | join(",")' "$c1,$c3"
api PATCH "$O/roles/$r1" '{"duties": "Ruft den Krisenstab zusammen."}' -H "$(im 4)"
assert_status 200
assert_json .version 5
assert_json '.deputy_contact_ids | map(tostring) | join(",")' "$c1,$c3"
api GET "$O/roles/$r1"
assert_json .duties "Ruft den Krisenstab zusammen."
assert_header ETag '"5"'

# contacts in a role cannot be deleted: primary (c2), deputy (c3)
snapshot contacts "$O/contacts"
snapshot role "$O/roles/$r1"
api DELETE "$O/contacts/$c2" "" -H "$(im 1)"
assert_error 409 in_use
api DELETE "$O/contacts/$c3" "" -H "$(im 1)"
assert_error 409 in_use
api DELETE "$O/contacts/$c4" "" -H "$(im 1)"
assert_error 409 in_use
assert_unchanged contacts
assert_unchanged role

# editing such a contact is fine
api PATCH "$O/contacts/$c2" '{"function": "Geschäftsführer"}' -H "$(im 1)"
assert_status 200

# after removing the contact from the role it can be deleted
api PATCH "$O/roles/$r1" "{\"deputy_contact_ids\": [$c1]}" -H "$(im 5)"
assert_status 200
api DELETE "$O/contacts/$c3" "" -H "$(im 1)"
assert_status 204
api PATCH "$O/roles/$r1" '{"primary_contact_id": null}' -H "$(im 6)"
assert_status 200
assert_json .primary_contact_id null
api DELETE "$O/contacts/$c2" "" -H "$(im 2)"
assert_status 204

# deleting a role frees its people
api DELETE "$O/roles/$r3" "" -H "$(im 1)"
assert_status 204
assert_eq "" "$BODY" "body of 204"
api GET "$O/roles/$r3"
assert_error 404 not_found
api DELETE "$O/contacts/$c4" "" -H "$(im 1)"
assert_status 204

api GET "$O/roles"
assert_json 'length' 2
assert_json '[.[].name] | join("|")' "Datenschutz|Notfallleitung"
api GET "$O/roles/$r2"
assert_json .version 1

# unknown / malformed role ids
api GET "$O/roles/987654"
assert_error 404 not_found
api GET "$O/roles/xyz"
assert_error 400 bad_request
api DELETE "$O/roles/987654" "" -H "$(im 1)"
assert_error 404 not_found

kf_stop
kf_done
