#!/usr/bin/env bash
# Recovery order (step 3): follows the dependencies, then the required RTO and the cost per day;
# the DOMAIN-DATA example; overrides need a reason, are applied where the dependencies allow and
# reported as warnings where not; the whole list with If-Match (0 first, stale 412, missing 428);
# readers read only; another organisation's systems are refused.
. "$(dirname "$0")/lib.sh"

kf_setup

new_system() { # VAR JSON
	api POST "$O/systems" "$2"
	[[ $STATUS == 201 ]] || { fail "creating system $2: expected 201, got $STATUS $BODY"; printf -v "$1" '%s' 0; return 1; }
	printf -v "$1" '%s' "$(json .id)"
}
new_process() { # JSON
	api POST "$O/processes" "$1"
	[[ $STATUS == 201 ]] || fail "creating process $1: expected 201, got $STATUS $BODY"
}
order() { json '[.items[].name] | join(" → ")'; }

# ---- nothing yet
api GET "$O/recovery-order"
assert_status 200
assert_json '.items | length' 0
assert_json '.warnings | length' 0
assert_json .overrides_version 0

# ---- the DOMAIN-DATA example, created in an unhelpful order
new_system clients '{"name": "Clients", "type": "client"}'
new_system strom '{"name": "Strom/Netz", "type": "power"}'
new_system storage "{\"name\": \"Storage\", \"type\": \"storage\", \"depends_on_ids\": [$strom]}"
new_system virt "{\"name\": \"Virtualisierung\", \"type\": \"virtualization\", \"depends_on_ids\": [$storage]}"
new_system ad "{\"name\": \"AD/DNS\", \"type\": \"directory\", \"depends_on_ids\": [$virt]}"
new_system db "{\"name\": \"Datenbanken\", \"type\": \"database\", \"depends_on_ids\": [$virt, $ad]}"
new_system erp "{\"name\": \"ERP/Warenwirtschaft\", \"type\": \"application\", \"depends_on_ids\": [$db]}"
new_system fibu "{\"name\": \"Buchhaltung\", \"type\": \"application\", \"depends_on_ids\": [$db]}"
new_system mail "{\"name\": \"E-Mail\", \"type\": \"email\", \"depends_on_ids\": [$virt, $ad]}"
new_system files "{\"name\": \"Fileserver\", \"type\": \"fileserver\", \"depends_on_ids\": [$storage, $ad]}"
api PATCH "$O/systems/$clients" "{\"depends_on_ids\": [$ad, $strom]}" -H "$(im 1)"
assert_status 200
new_process "{\"name\": \"Auftragsannahme\", \"cost_per_hour\": 500, \"rto_hours\": 4, \"system_ids\": [$erp]}"
new_process "{\"name\": \"Buchhaltung\", \"cost_per_hour\": 100, \"rto_hours\": 24, \"system_ids\": [$fibu]}"
new_process "{\"name\": \"Kommunikation\", \"cost_per_hour\": 50, \"rto_hours\": 24, \"system_ids\": [$mail]}"
new_process "{\"name\": \"Dokumente\", \"cost_per_hour\": 20, \"rto_hours\": 48, \"system_ids\": [$files]}"
new_process "{\"name\": \"Arbeitsplätze\", \"cost_per_hour\": 10, \"rto_hours\": 72, \"system_ids\": [$clients]}"
api GET "$O/recovery-order"
assert_status 200
assert_eq "Strom/Netz → Storage → Virtualisierung → AD/DNS → Datenbanken → ERP/Warenwirtschaft → Buchhaltung → E-Mail → Fileserver → Clients" "$(order)" "recovery order"
assert_json '[.items[].position] | map(tostring) | join(",")' "1,2,3,4,5,6,7,8,9,10"
assert_json '.items[0].required_rto_hours' 4
assert_json '.items[0].type' power
assert_json '.items[6].cost_per_day' 2400
assert_json '.items[7].cost_per_day' 1200
assert_json '.items[9].required_rto_hours' 72
assert_json '[.items[].override_reason] | unique | tostring' '[null]'
assert_json '.items[0].runbook_id' null
# a runbook shows up in the order
api POST "$O/runbooks" "{\"system_id\": $erp, \"steps\": [{\"text\": \"ERP starten\"}]}"
assert_status 201
rb=$(json .id)
api GET "$O/recovery-order"
assert_json '.items[5].runbook_id' "$rb"

# ---- a stricter RTO moves a free system forward: E-Mail now before Buchhaltung
api PATCH "$O/systems/$mail" '{"rto_hours": 8}' -H "$(im 1)"
assert_status 200
api GET "$O/recovery-order"
assert_eq "Strom/Netz → Storage → Virtualisierung → AD/DNS → Datenbanken → ERP/Warenwirtschaft → E-Mail → Buchhaltung → Fileserver → Clients" "$(order)" "after a stricter RTO"
api PATCH "$O/systems/$mail" '{"rto_hours": null}' -H "$(im 2)"
assert_status 200

# ---- overrides: the whole list, If-Match "0" first
api GET "$O/recovery-overrides"
assert_status 200
assert_header ETag '"0"'
assert_json .version 0
assert_json '.overrides | length' 0
ov="{\"overrides\": [{\"system_id\": $files, \"position\": 7, \"reason\": \"Angebote liegen auf dem Fileserver\"}]}"
api PUT "$O/recovery-overrides" "$ov"
assert_error 428 precondition_required
api PUT "$O/recovery-overrides" "$ov" -H "$(im 1)"
assert_error 412 version_conflict
assert_json .current.version 0
api PUT "$O/recovery-overrides" "$ov" -H "$(im 0)"
assert_status 200
assert_header ETag '"1"'
assert_json .version 1
assert_json '.overrides[0].reason' "Angebote liegen auf dem Fileserver"
assert_json '.overrides[0].applied' true
api GET "$O/recovery-order"
assert_eq "Strom/Netz → Storage → Virtualisierung → AD/DNS → Datenbanken → ERP/Warenwirtschaft → Fileserver → Buchhaltung → E-Mail → Clients" "$(order)" "with an override"
assert_json '.items[6].override_reason' "Angebote liegen auf dem Fileserver"
assert_json '.items[6].computed_position' 9
assert_json '.items[7].override_reason' null
assert_json .overrides_version 1
assert_json '.warnings | length' 0
assert_eq 1 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'recovery_overrides'")" "history of the overrides"

# ---- stale If-Match: 412 with the current list, nothing stored
api PUT "$O/recovery-overrides" '{"overrides": []}' -H "$(im 0)"
assert_error 412 version_conflict
assert_json .current.version 1
assert_json '.current.overrides | length' 1

# ---- an override that would put a system before what it needs: stored, not applied, a warning
ov="{\"overrides\": [{\"system_id\": $erp, \"position\": 1, \"reason\": \"Chef will das ERP zuerst\"}, {\"system_id\": $files, \"position\": 7, \"reason\": \"Angebote\"}]}"
api PUT "$O/recovery-overrides" "$ov" -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json '.overrides | map(.applied | tostring) | join(",")' "false,true"
api GET "$O/recovery-order" -H 'Accept-Language: en'
assert_json '.items[0].name' "Strom/Netz"
assert_json '.items[5].name' "ERP/Warenwirtschaft"
assert_json '.items[6].name' "Fileserver"
assert_json '.warnings | length' 1
assert_json '.warnings[0].system_id' "$erp"
assert_json '.warnings[0].position' 1
assert_json '.warnings[0].reason' "Chef will das ERP zuerst"
assert_json '.warnings[0].problem' before_need
assert_json '.warnings[0].other_system_id' "$db"
assert_json '.warnings[0].message' "It would come before “Datenbanken”, which it needs."
api GET "$O/recovery-order"
assert_contains "$(json '.warnings[0].message')" "Datenbanken" "German warning"
# and after something that needs it
ov="{\"overrides\": [{\"system_id\": $strom, \"position\": 10, \"reason\": \"Strom zuletzt\"}]}"
api PUT "$O/recovery-overrides" "$ov" -H "$(im 2)"
assert_status 200
assert_json '.overrides[0].applied' false
api GET "$O/recovery-order"
assert_json '.warnings[0].problem' after_dependent
assert_json '.items[0].name' "Strom/Netz"

# ---- validation: a reason is required, places within the number of systems, no system or place twice
snapshot ov "$O/recovery-overrides"
api PUT "$O/recovery-overrides" "{\"overrides\": [{\"system_id\": $erp, \"position\": 2, \"reason\": \"  \"}, {\"system_id\": $erp, \"position\": 2, \"reason\": \"x\"}, {\"system_id\": $db, \"position\": 11, \"reason\": \"x\"}, {\"system_id\": 999, \"position\": 0, \"reason\": 5}, {\"system_id\": $fibu, \"position\": 3, \"reason\": \"ok\", \"colour\": 1}], \"extra\": 1}" -H "$(im 3)"
assert_field_error 'overrides[0].reason'
assert_field_error 'overrides[1].system_id'
assert_field_error 'overrides[1].position'
assert_field_error 'overrides[2].position'
assert_field_error 'overrides[3].position'
assert_field_error 'overrides[3].reason'
assert_field_error 'overrides[4].colour'
assert_field_error extra
api PUT "$O/recovery-overrides" "{\"overrides\": [{\"system_id\": 999, \"position\": 1, \"reason\": \"x\"}]}" -H "$(im 3)"
assert_field_error 'overrides[0].system_id'
api PUT "$O/recovery-overrides" '{"overrides": 5}' -H "$(im 3)"
assert_field_error overrides
api PUT "$O/recovery-overrides" '[]' -H "$(im 3)"
assert_status 400
assert_unchanged ov

# ---- a deleted system's override is dropped from the list
new_system drucker '{"name": "Drucker", "type": "client"}'
api PUT "$O/recovery-overrides" "{\"overrides\": [{\"system_id\": $drucker, \"position\": 1, \"reason\": \"Lieferscheine\"}]}" -H "$(im 3)"
assert_status 200
api GET "$O/recovery-order"
assert_json '.items[0].name' Drucker
api DELETE "$O/systems/$drucker" -H "$(im 1)"
assert_status 204
api GET "$O/recovery-overrides"
assert_json '.overrides | length' 0
api GET "$O/recovery-order"
assert_json '.items[0].name' "Strom/Netz"

# ---- readers read, do not write
kf_user_add rita@example.org "Rita Leserin" reader
login rita rita@example.org "$PW" || kf_die "login rita"
api_as rita GET "$O/recovery-order"
assert_status 200
api_as rita GET "$O/recovery-overrides"
assert_status 200
api_as rita PUT "$O/recovery-overrides" '{"overrides": []}' -H "$(im 4)"
assert_error 403 forbidden

# ---- isolation
cli org add --data "$KF_DATA" --name "Tischlerei Holz"
kf_user_add otto@example.org "Otto Other" admin 2
login otto otto@example.org "$PW" || kf_die "login otto"
api_as otto GET /api/v1/orgs/2/recovery-order
assert_status 200
assert_json '.items | length' 0
api_as otto PUT /api/v1/orgs/2/recovery-overrides "{\"overrides\": [{\"system_id\": $erp, \"position\": 1, \"reason\": \"fremd\"}]}" -H "$(im 0)"
assert_field_error 'overrides[0].system_id'
api_as otto GET /api/v1/orgs/1/recovery-order
assert_error 404 not_found
api_as otto PUT /api/v1/orgs/1/recovery-overrides '{"overrides": []}' -H "$(im 4)"
assert_error 404 not_found
api GET "$O/recovery-overrides"
assert_json .version 4

kf_stop
kf_done
