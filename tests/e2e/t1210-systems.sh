#!/usr/bin/env bash
# IT systems: CRUD with versions and history, validation naming every field, computed values
# (required RTO/RPO, SPoF, cost per day), a dependency cycle refused naming it and nothing stored,
# in_use on delete, and isolation against a second organisation.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact erika '{"name": "Erika Muster"}'

new_system() { # VAR JSON
	api POST "$O/systems" "$2"
	[[ $STATUS == 201 ]] || { fail "creating system $2: expected 201, got $STATUS $BODY"; printf -v "$1" '%s' 0; return 1; }
	printf -v "$1" '%s' "$(json .id)"
}

# ---- create and read
new_system strom '{"name": "Stromversorgung", "type": "power", "location": "Keller"}'
assert_json .version 1
assert_json .rto_hours null
assert_json .required_rto_hours null
assert_json .spof false
assert_json .cost_per_day 0
assert_header Location "/api/v1/orgs/1/systems/$strom"
new_system server "{\"name\": \"Server\", \"type\": \"server\", \"depends_on_ids\": [$strom], \"owner_contact_id\": $erika}"
new_system db "{\"name\": \"Datenbank\", \"type\": \"database\", \"depends_on_ids\": [$server], \"rpo_hours\": 24}"
new_system erp "{\"name\": \"ERP\", \"type\": \"application\", \"depends_on_ids\": [$db], \"rto_hours\": 48, \"provider_contact_id\": $erika}"
assert_json '.depends_on_ids | tostring' "[$db]"
assert_json .provider_contact_id "$erika"
api GET "$O/systems"
assert_status 200
assert_json 'length' 4
assert_json '[.[].name] | join(",")' "Datenbank,ERP,Server,Stromversorgung"
# own target of ERP binds what it depends on
assert_json ".[] | select(.id == $strom) | .required_rto_hours" 48
assert_json ".[] | select(.id == $server) | .required_rpo_hours" 24
assert_json ".[] | select(.id == $erp) | .required_rpo_hours" null

# ---- processes roll down: the strictest wins, SPoF, cost per day
api POST "$O/processes" "{\"name\": \"Auftragsannahme\", \"cost_per_hour\": 100, \"rto_hours\": 8, \"rpo_hours\": 4, \"system_ids\": [$erp]}"
assert_status 201
p1=$(json .id)
assert_json .cost_per_day 2400
api POST "$O/processes" "{\"name\": \"Buchhaltung\", \"cost_per_hour\": 50, \"rto_hours\": 72, \"system_ids\": [$db]}"
assert_status 201
api GET "$O/systems/$strom"
assert_status 200
assert_json .required_rto_hours 8
assert_json .required_rpo_hours 4
assert_json .spof true
assert_json .process_count 2
assert_json .cost_per_day 3600
api GET "$O/systems/$erp"
assert_json .spof false
assert_json .required_rto_hours 8
assert_json .cost_per_day 2400
ver=$(hdr ETag)
assert_eq '"1"' "$ver" "ETag of a new system"

# ---- update with If-Match, history written
api PATCH "$O/systems/$erp" '{"notes": "Vertrag 4711"}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .notes "Vertrag 4711"
assert_json .required_rto_hours 8 # computed values in the answer
api PUT "$O/systems/$erp" "{\"name\": \"ERP\", \"type\": \"application\", \"depends_on_ids\": [$db]}" -H "$(im 1)"
assert_error 412 version_conflict
api PUT "$O/systems/$erp" "{\"name\": \"ERP\", \"type\": \"application\", \"depends_on_ids\": [$db]}"
assert_error 428 precondition_required
assert_eq 2 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'system' AND entity_id = $erp")" "history: create and update"

# ---- a cycle is refused with 422 naming it, nothing stored
snapshot list "$O/systems"
api PATCH "$O/systems/$strom" "{\"depends_on_ids\": [$erp]}" -H "$(im 1)"
assert_field_error depends_on_ids
assert_json '.error.fields.depends_on_ids | contains("Stromversorgung → ERP → Datenbank → Server → Stromversorgung")' true
api PATCH "$O/systems/$server" "{\"depends_on_ids\": [$strom, $erp]}" -H "$(im 1)" -H 'Accept-Language: en'
assert_field_error depends_on_ids
assert_json .error.fields.depends_on_ids "would create a cycle: Server → ERP → Datenbank → Server"
api PATCH "$O/systems/$db" "{\"name\": \"DB\", \"depends_on_ids\": [$erp]}" -H "$(im 1)"
assert_field_error depends_on_ids
assert_json '.error.fields.depends_on_ids | contains("DB → ERP → DB")' true
# on itself
api PATCH "$O/systems/$db" "{\"depends_on_ids\": [$db]}" -H "$(im 1)"
assert_field_error 'depends_on_ids[0]'
assert_unchanged list
assert_eq 1 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'system' AND entity_id = $strom")" "no history for refusals"

# ---- validation: every bad field named
api POST "$O/systems" '{"name": "", "type": "mainframe", "rto_hours": -1, "rpo_hours": "4", "depends_on_ids": [999, 0], "owner_contact_id": 999, "provider_contact_id": 998, "colour": "red"}'
assert_field_error name
assert_field_error type
assert_field_error rto_hours
assert_field_error rpo_hours
assert_field_error 'depends_on_ids[1]'
assert_field_error colour
api POST "$O/systems" '{"name": "X", "type": "server", "depends_on_ids": [999], "owner_contact_id": 999, "provider_contact_id": 998}'
assert_field_error 'depends_on_ids[0]'
assert_field_error owner_contact_id
assert_field_error provider_contact_id
api POST "$O/systems" '{"name": "X"}'
assert_field_error type
api POST "$O/systems" '{"name": "X", "type": "server", "depends_on_ids": 5}'
assert_field_error depends_on_ids
assert_unchanged list

# ---- delete: refused while needed (409 in_use naming who), then allowed
api GET "$O/systems/$db"
dbv=$(json .version)
api DELETE "$O/systems/$db" -H "$(im "$dbv")"
assert_error 409 in_use
assert_json '.error.used_by | contains("Buchhaltung")' true
assert_json '.error.used_by | contains("ERP")' true
api DELETE "$O/systems/$strom" -H "$(im 1)"
assert_error 409 in_use
assert_json .error.used_by Server
new_system drucker '{"name": "Drucker", "type": "client"}'
api DELETE "$O/systems/$drucker" -H "$(im 7)"
assert_error 412 version_conflict
api DELETE "$O/systems/$drucker" -H "$(im 1)"
assert_status 204
api GET "$O/systems/$drucker"
assert_error 404 not_found
assert_eq 1 "$(db_sql "SELECT count(*) FROM system WHERE id = $drucker AND deleted_at IS NOT NULL")" "soft delete"
# deleting the process frees the database of it
api DELETE "$O/processes/$p1" -H "$(im 1)"
assert_status 204
api GET "$O/systems/$strom"
assert_json .process_count 1
assert_json .spof false
assert_json .required_rto_hours 48

# ---- readers read, do not write
kf_user_add rita@example.org "Rita Leserin" reader
login rita rita@example.org "$PW" || kf_die "login rita"
api_as rita GET "$O/systems"
assert_status 200
api_as rita POST "$O/systems" '{"name": "X", "type": "server"}'
assert_error 403 forbidden

# ---- isolation: a second organisation neither sees nor references these systems
cli org add --data "$KF_DATA" --name "Tischlerei Holz"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add otto@example.org "Otto Other" admin 2
login otto otto@example.org "$PW" || kf_die "login otto"
api_as otto GET /api/v1/orgs/2/systems
assert_status 200
assert_json 'length' 0
api_as otto GET "/api/v1/orgs/2/systems/$erp"
assert_error 404 not_found
api_as otto POST /api/v1/orgs/2/systems "{\"name\": \"Fremd\", \"type\": \"server\", \"depends_on_ids\": [$erp]}"
assert_field_error 'depends_on_ids[0]'
api_as otto POST /api/v1/orgs/2/processes "{\"name\": \"Fremd\", \"system_ids\": [$erp]}"
assert_field_error 'system_ids[0]'
api_as otto GET "$O/systems"
assert_error 404 not_found
api_as otto GET "$O/systems/graph.svg"
assert_status 404

kf_stop # the exit status shows leaks in the ASan build
kf_done
