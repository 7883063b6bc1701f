#!/usr/bin/env bash
# Business processes: CRUD with versions and history, every rule (rto <= mtpd, ranges, impact per
# horizon), references checked (contact, systems of this organisation), nothing stored on refusal,
# and isolation against a second organisation.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact erika '{"name": "Erika Muster"}'
api POST "$O/systems" '{"name": "ERP", "type": "application"}'
erp=$(json .id)
api POST "$O/systems" '{"name": "Kasse", "type": "client"}'
kasse=$(json .id)

# ---- create with everything
api POST "$O/processes" "{\"name\": \"  Auftragsannahme  \", \"description\": \"Telefon und Shop\", \"responsible_contact_id\": $erika,
	\"cost_per_hour\": 250, \"impact\": [0, 1, 2, 3, 4, 4], \"mtpd_hours\": 24, \"rto_hours\": 8, \"rpo_hours\": 4,
	\"critical_periods\": \"Monatsende, Weihnachtsgeschäft\", \"emergency_level_percent\": 50, \"system_ids\": [$erp, $kasse]}"
assert_status 201
p=$(json .id)
assert_json .name Auftragsannahme
assert_json .version 1
assert_json .cost_per_day 6000
assert_json '.impact | tostring' '[0,1,2,3,4,4]'
assert_json '.system_ids | tostring' "[$erp,$kasse]"
assert_json .responsible_contact_id "$erika"
assert_json .emergency_level_percent 50
assert_json .critical_periods "Monatsende, Weihnachtsgeschäft"
assert_header Location "/api/v1/orgs/1/processes/$p"
# the minimum: a name; the rest has defaults
api POST "$O/processes" '{"name": "Lohnabrechnung"}'
assert_status 201
p2=$(json .id)
assert_json .cost_per_hour 0
assert_json .cost_per_day 0
assert_json '.impact | tostring' '[0,0,0,0,0,0]'
assert_json .rto_hours null
assert_json .mtpd_hours null
assert_json .emergency_level_percent null
assert_json .responsible_contact_id null
api GET "$O/processes"
assert_status 200
assert_json '[.[].name] | join(",")' "Auftragsannahme,Lohnabrechnung"

# ---- change with If-Match; history
api PATCH "$O/processes/$p" '{"cost_per_hour": 300, "rto_hours": null}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .cost_per_day 7200
assert_json .rto_hours null
assert_json .mtpd_hours 24
api PUT "$O/processes/$p" '{"name": "Auftragsannahme"}' -H "$(im 1)"
assert_error 412 version_conflict
assert_json .current.version 2
api PUT "$O/processes/$p" "{\"name\": \"Auftragsannahme\", \"system_ids\": [$kasse]}" -H "$(im 2)"
assert_status 200
assert_json '.system_ids | tostring' "[$kasse]"
assert_json .cost_per_hour 0 # PUT replaces the whole item
assert_eq 3 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'process' AND entity_id = $p")" "history records"

# ---- validation: every bad field named, nothing stored
snapshot list "$O/processes"
api POST "$O/processes" '{"name": "", "cost_per_hour": -5, "impact": [0, 5, 0, 0, 0, "x"], "mtpd_hours": 4, "rto_hours": 8,
	"rpo_hours": 1.5, "emergency_level_percent": 101, "system_ids": [999, 999], "responsible_contact_id": 999, "foo": 1}'
assert_field_error name
assert_field_error cost_per_hour
assert_field_error 'impact[1]'
assert_field_error 'impact[5]'
assert_field_error rto_hours
assert_field_error rpo_hours
assert_field_error emergency_level_percent
assert_field_error 'system_ids[1]'
assert_field_error foo
api POST "$O/processes" '{"name": "X", "system_ids": [999], "responsible_contact_id": 999}'
assert_field_error 'system_ids[0]'
assert_field_error responsible_contact_id
api POST "$O/processes" '{"name": "X", "impact": [1, 2, 3]}'
assert_field_error impact
api POST "$O/processes" '{"name": "X", "mtpd_hours": 100001}'
assert_field_error mtpd_hours
api POST "$O/processes" '{"name": "X", "cost_per_hour": null}'
assert_field_error cost_per_hour
api PATCH "$O/processes/$p2" '{"mtpd_hours": 2, "rto_hours": 3}' -H "$(im 1)"
assert_field_error rto_hours
assert_unchanged list

# ---- delete with If-Match
api DELETE "$O/processes/$p2" -H "$(im 9)"
assert_error 412 version_conflict
api DELETE "$O/processes/$p2" -H "$(im 1)"
assert_status 204
api GET "$O/processes/$p2"
assert_error 404 not_found
assert_eq 1 "$(db_sql "SELECT count(*) FROM process WHERE id = $p2 AND deleted_at IS NOT NULL")" "soft delete"

# ---- a deleted contact reads as nobody
api POST "$O/processes" "{\"name\": \"Versand\", \"responsible_contact_id\": $erika}"
assert_status 201
p3=$(json .id)
api DELETE "$O/contacts/$erika" -H "$(im 1)"
assert_status 204
api GET "$O/processes/$p3"
assert_json .responsible_contact_id null

# ---- isolation
cli org add --data "$KF_DATA" --name "Tischlerei Holz"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add otto@example.org "Otto Other" admin 2
login otto otto@example.org "$PW" || kf_die "login otto"
api_as otto GET /api/v1/orgs/2/processes
assert_json 'length' 0
api_as otto GET "/api/v1/orgs/2/processes/$p"
assert_error 404 not_found
api_as otto PATCH "/api/v1/orgs/2/processes/$p" '{"name": "Fremd"}' -H "$(im 3)"
assert_error 404 not_found
api_as otto DELETE "/api/v1/orgs/2/processes/$p" -H "$(im 3)"
assert_error 404 not_found
api_as otto GET "$O/processes/$p"
assert_error 404 not_found
api GET "$O/processes/$p"
assert_json .name Auftragsannahme

kf_stop # the exit status shows leaks in the ASan build
kf_done
