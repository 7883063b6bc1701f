#!/usr/bin/env bash
# Safe concurrent editing over the API: for every register, an update with the old version answers
# 412 version_conflict with the current item in the body, and the stored item stays unchanged.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact erika '{"name": "Erika Muster"}'

stale_check() { # PATH CREATE-JSON PATCH-JSON
	local path=$1 create=$2 change=$3 id
	api POST "$O/$path" "$create"
	assert_status 201
	id=$(json .id)
	[[ -n $id && $id != null ]] || { fail "$path: created nothing: $BODY"; return; }
	api PATCH "$O/$path/$id" "$change" -H "$(im 1)"
	assert_status 200
	assert_json .version 2
	snapshot item "$O/$path/$id"
	api PATCH "$O/$path/$id" "$change" -H "$(im 1)"
	assert_error 412 version_conflict
	assert_json .current.version 2
	assert_json .current.id "$id"
	api PUT "$O/$path/$id" "$create" -H "$(im 1)"
	assert_status 412
	assert_json .current.version 2
	assert_unchanged item
}

stale_check contacts '{"name": "Anton Aal"}' '{"notes": "neu"}'
stale_check roles "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $erika}" '{"duties": "neu"}'
stale_check risks '{"title": "Feuer", "category": "environment", "likelihood": 1, "impact": 5}' '{"measures": "neu"}'
stale_check processes '{"name": "Auftrag"}' '{"description": "neu"}'
stale_check systems '{"name": "Server", "type": "server"}' '{"notes": "neu"}'
stale_check backups '{"title": "Tägliche Sicherung", "frequency_hours": 24, "copies": [{"kind": "onsite", "media": "NAS"}]}' '{"notes": "neu"}'
stale_check comm-templates '{"audience": "customers", "title": "Kunden", "body": "Text"}' '{"body": "neu"}'
stale_check risk-categories '{"name": "Lieferkette"}' '{"description": "neu"}'
stale_check exercises '{"type": "tabletop", "title": "Planspiel", "date": "2026-01-10", "status": "done"}' '{"title": "neu"}'

kf_stop
kf_done
