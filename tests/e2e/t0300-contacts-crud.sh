#!/usr/bin/env bash
# Contacts: create, read, list (sorted), replace, patch, delete.
. "$(dirname "$0")/lib.sh"

kf_setup

api GET "$O/contacts"
assert_status 200
assert_header_contains Content-Type application/json
assert_json 'type' array
assert_json 'length' 0

erika='{
  "name": "Erika Muster", "company": "Muster GmbH", "function": "IT-Leitung",
  "phones": [{"kind": "mobile", "number": "+49 170 1234567"},
             {"kind": "office", "number": "0761 123456"}],
  "email": "erika@example.org", "notes": "Schlüssel für den Serverraum",
  "external": false, "last_verified": "2024-10-01"
}'
api POST "$O/contacts" "$erika"
assert_status 201
id=$(json .id)
assert_match "$id" '^[1-9][0-9]*$' "id"
assert_eq "$O/contacts/$id" "$(hdr Location | sed -E 's#^https?://[^/]+##')" "Location"
assert_header ETag '"1"'
assert_json .version 1
assert_json .name "Erika Muster"
assert_json .company "Muster GmbH"
assert_json .function "IT-Leitung"
assert_json '.phones | length' 2
assert_json '.phones[0].kind' mobile
assert_json '.phones[0].number' "+49 170 1234567"
assert_json '.phones[1].kind' office
assert_json '.phones[1].number' "0761 123456"
assert_json .email erika@example.org
assert_json .notes "Schlüssel für den Serverraum"
assert_json .external false
assert_json .last_verified 2024-10-01
assert_match "$(json .created_at)" '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$' "created_at"
assert_match "$(json .updated_at)" '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$' "updated_at"
created=$(jq -S . <<<"$BODY")
created_at=$(json .created_at)

# GET answers the same item
api GET "$O/contacts/$id"
assert_status 200
assert_header ETag '"1"'
assert_eq "$created" "$(jq -S . <<<"$BODY")" "GET after POST"

# more contacts; list sorted by name; UTF-8 and \u escapes survive
api POST "$O/contacts" '{"name": "Anton Aal", "external": true, "phones": [], "last_verified": null}'
assert_status 201
id_anton=$(json .id)
assert_json .external true
assert_json .last_verified null
assert_json .company ""
assert_json .email ""
assert_json '.phones | length' 0
api POST "$O/contacts" '{"name": "J\u00fcrgen M\u00f6ller-Stra\u00df", "company": "IT-Partner Süd"}'
assert_status 201
id_juergen=$(json .id)
assert_json .name "Jürgen Möller-Straß"
assert_json .company "IT-Partner Süd"

# read-only fields are ignored on input
api POST "$O/contacts" '{"name": "Zora Zett", "id": 999, "version": 42, "created_at": "2000-01-01T00:00:00Z"}'
assert_status 201
id_zora=$(json .id)
assert_ne 999 "$id_zora" "id of a contact posted with id 999"
assert_json .version 1
assert_ne "2000-01-01T00:00:00Z" "$(json .created_at)" "created_at posted by the client"

api GET "$O/contacts"
assert_status 200
assert_json 'length' 4
assert_json '[.[].name] | join("|")' "Anton Aal|Erika Muster|Jürgen Möller-Straß|Zora Zett"
assert_json "map(select(.id == $id))[0].phones[1].number" "0761 123456"

# PUT: full replace (missing fields take their defaults)
api PUT "$O/contacts/$id" '{"name": "Erika Muster-Neu", "phones": [{"kind": "private", "number": "0761 999"}], "external": true}' -H "$(im 1)"
assert_status 200
assert_header ETag '"2"'
assert_json .id "$id"
assert_json .version 2
assert_json .name "Erika Muster-Neu"
assert_json .company ""
assert_json .function ""
assert_json .email ""
assert_json .notes ""
assert_json .external true
assert_json .last_verified null
assert_json '.phones | length' 1
assert_json '.phones[0].kind' private
assert_json .created_at "$created_at"

# PATCH: only the given fields
api PATCH "$O/contacts/$id" '{"notes": "Vertretung: Anton", "company": "Muster AG"}' -H "$(im 2)"
assert_status 200
assert_header ETag '"3"'
assert_json .version 3
assert_json .name "Erika Muster-Neu"
assert_json .notes "Vertretung: Anton"
assert_json .company "Muster AG"
assert_json .external true
assert_json '.phones[0].number' "0761 999"
assert_json .created_at "$created_at"
patched=$(jq -S . <<<"$BODY")
api GET "$O/contacts/$id"
assert_status 200
assert_header ETag '"3"'
assert_eq "$patched" "$(jq -S . <<<"$BODY")" "GET after PATCH"

# PATCH with null last_verified / date
api PATCH "$O/contacts/$id" '{"last_verified": "2020-02-29"}' -H "$(im 3)"
assert_status 200
assert_json .last_verified 2020-02-29
api PATCH "$O/contacts/$id" '{"last_verified": null}' -H "$(im 4)"
assert_status 200
assert_json .last_verified null
assert_json .version 5

# DELETE
api DELETE "$O/contacts/$id_zora" "" -H "$(im 1)"
assert_status 204
assert_eq "" "$BODY" "body of 204"
api GET "$O/contacts/$id_zora"
assert_error 404 not_found
api GET "$O/contacts"
assert_json 'length' 3
assert_json "map(select(.id == $id_zora)) | length" 0
# deleting again: 404
api DELETE "$O/contacts/$id_zora" "" -H "$(im 1)"
assert_error 404 not_found
api PUT "$O/contacts/$id_zora" '{"name": "Wieder da"}' -H "$(im 1)"
assert_error 404 not_found
api GET "$O/contacts"
assert_json 'length' 3

# a new contact never reuses a deleted id
api POST "$O/contacts" '{"name": "Neu Nach Löschen"}'
assert_status 201
assert_ne "$id_zora" "$(json .id)" "id of a contact created after a delete"

# unknown ids and non-numeric ids
api GET "$O/contacts/987654"
assert_error 404 not_found
api GET "$O/contacts/abc"
assert_error 400 bad_request
api GET "$O/contacts/12abc"
assert_error 400 bad_request
api GET "$O/contacts/-1"
assert_status 400 404

# unknown API path
api GET /api/v1/does-not-exist
assert_error 404 not_found
api GET "$O/nothing-here"
assert_error 404 not_found

# method not allowed, with Allow
snapshot list "$O/contacts"
api POST "$O/contacts/$id" '{"name": "X"}'
assert_error 405 method_not_allowed
allow=$(hdr Allow)
for m in GET PUT PATCH DELETE; do assert_contains "$allow" "$m" "Allow"; done
api DELETE "$O/contacts" "" -H "$(im 1)"
assert_error 405 method_not_allowed
allow=$(hdr Allow)
for m in GET POST; do assert_contains "$allow" "$m" "Allow"; done
api POST /api/v1/orgs '{"name": "Neue Org"}'
assert_error 405 method_not_allowed
assert_contains "$(hdr Allow)" GET "Allow"
assert_unchanged list

kf_stop
kf_done
