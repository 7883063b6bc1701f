#!/usr/bin/env bash
# Backups of step 3: create, read, replace, change and delete with versions
# and history; validation naming every bad field (copies, systems,
# frequency); systems and people of another organisation refused; the
# computed 3-2-1 check and targets of the covered systems; isolation.
. "$(dirname "$0")/lib.sh"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
kf_user_add leser@example.org "Lea Leser" reader 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login other other@example.org "$PW" || kf_die "login other"
login leser leser@example.org "$PW" || kf_die "login reader"
B=$O/backups

new_contact anna '{"name": "Anna"}'
api POST "$O/systems" '{"name": "Dateiserver", "type": "fileserver", "rto_hours": 8, "rpo_hours": 24}'
fs=$(json .id)
api POST "$O/systems" '{"name": "Warenwirtschaft", "type": "application", "rto_hours": 4, "rpo_hours": 12}'
erp=$(json .id)
api_as other POST /api/v1/orgs/2/systems '{"name": "Fremdsystem", "type": "server"}'
foreign_sys=$(json .id)
api_as other POST /api/v1/orgs/2/contacts '{"name": "Fremde Person"}'
foreign_contact=$(json .id)

api GET "$B"
assert_status 200
assert_json 'length' 0

# ---- create
api POST "$B" "{\"title\": \"Dateiserver komplett\", \"system_ids\": [$fs], \"method\": \"Veeam auf NAS\", \"frequency_hours\": 24, \"copies\": [{\"kind\": \"onsite\", \"media\": \"NAS im Serverraum\"}, {\"kind\": \"offline\", \"media\": \"USB-Platte im Tresor\"}], \"retention_days\": 30, \"encrypted\": true, \"responsible_contact_id\": $anna, \"notes\": \"Schlüssel im Safe\"}"
assert_status 201
b1=$(json .id)
assert_header Location "$B/$b1"
assert_header ETag '"1"'
assert_json .title "Dateiserver komplett"
assert_json '.system_ids | map(tostring) | join(",")' "$fs"
assert_json .frequency_hours 24
assert_json '.copies | length' 2
assert_json '.copies[1].kind' offline
assert_json '.copies[1].media' "USB-Platte im Tresor"
assert_json .retention_days 30
assert_json .encrypted true
assert_json .responsible_contact_id "$anna"
# computed checks: 2 copies, 2 kinds, one offline
assert_json .checks.rule_321.ok false
assert_json '.checks.rule_321.missing | join(",")' copies
assert_json .checks.rule_321.copies 2
assert_json .checks.rule_321.kinds 2
assert_json .checks.rule_321.offsite true
assert_json .checks.restore_test.state never_tested
assert_json .checks.restore_test.max_age_months 12
assert_json .checks.rto.state not_measured
assert_json .checks.rto.required_rto_hours 8
assert_json .checks.rpo.state ok
assert_json .checks.rpo.required_rpo_hours 24
assert_json '.checks.gaps | join(",")' "too_few_copies,never_tested"

api POST "$B" '{"title": "Mails", "frequency_hours": 1}'
assert_status 201
b2=$(json .id)
assert_json .retention_days null
assert_json .encrypted false
assert_json .responsible_contact_id null
assert_json '.copies | length' 0
assert_json '.checks.rule_321.missing | join(",")' "copies,kinds,offsite"
assert_json .checks.rto.state no_target
assert_json .checks.rpo.state no_target

api GET "$B"
assert_json 'length' 2
assert_json 'map(.title) | join(",")' "Dateiserver komplett,Mails"
api GET "$B/$b1"
assert_status 200
assert_header ETag '"1"'

# ---- change: the strictest target of the covered systems counts
api PUT "$B/$b1" '{"title": "x", "frequency_hours": 24}'
assert_error 428 precondition_required
api PUT "$B/$b1" '{"title": "x", "frequency_hours": 24}' -H "$(im 7)"
assert_error 412 version_conflict
assert_json .current.version 1
api PUT "$B/$b1" "{\"title\": \"Server\", \"system_ids\": [$fs, $erp], \"frequency_hours\": 24, \"copies\": [{\"kind\": \"onsite\", \"media\": \"NAS\"}, {\"kind\": \"onsite\", \"media\": \"zweites NAS\"}, {\"kind\": \"cloud\", \"media\": \"Online-Backup\"}]}" -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .encrypted false
assert_json .retention_days null
assert_json .responsible_contact_id null
assert_json .checks.rule_321.ok true
assert_json '.checks.rule_321.missing | length' 0
assert_json .checks.rto.required_rto_hours 4
assert_json .checks.rto.system_id "$erp"
assert_json .checks.rpo.required_rpo_hours 12
assert_json .checks.rpo.system_id "$erp"
assert_json .checks.rpo.state gap
assert_json '.checks.gaps | join(",")' "never_tested,backup_too_rare"
# exactly the RPO is enough
api PATCH "$B/$b1" '{"frequency_hours": 12, "checks": {"rule_321": {"ok": false}}}' -H "$(im 2)"
assert_status 200
assert_json .version 3
assert_json .title Server
assert_json .checks.rpo.state ok
# a stricter system target changes the check without touching the backup
api PATCH "$O/systems/$erp" '{"rpo_hours": 6}' -H "$(im 1)"
assert_status 200
api GET "$B/$b1"
assert_json .version 3
assert_json .checks.rpo.state gap
assert_json .checks.rpo.required_rpo_hours 6

# ---- validation: every bad field named, nothing stored
snapshot b1 "$B/$b1"
long=$(printf 'x%.0s' {1..201})
api PATCH "$B/$b1" "{\"title\": \"\", \"method\": \"$long\", \"frequency_hours\": 0, \"retention_days\": 0, \"encrypted\": \"ja\", \"responsible_contact_id\": \"anna\", \"notes\": 5, \"system_ids\": [$fs, \"x\", $fs], \"copies\": [{\"kind\": \"tape\", \"media\": \"Band\"}, {\"kind\": \"cloud\", \"media\": \"\"}, {\"kind\": \"onsite\", \"color\": 1}, 7], \"colour\": \"blau\"}" -H "$(im 3)"
for f in title method frequency_hours retention_days encrypted responsible_contact_id notes 'system_ids[1]' 'system_ids[2]' 'copies[0].kind' 'copies[1].media' 'copies[2].color' 'copies[3]' colour; do
	assert_field_error "$f"
done
api PATCH "$B/$b1" '{"frequency_hours": 8761}' -H "$(im 3)"
assert_field_error frequency_hours
api PATCH "$B/$b1" '{"copies": [{"media": "ohne Art"}]}' -H "$(im 3)"
assert_field_error 'copies[0].kind'
many=$(jq -nc '[range(11) | {kind: "onsite", media: "NAS"}]')
api PATCH "$B/$b1" "{\"copies\": $many}" -H "$(im 3)"
assert_field_error copies
api POST "$B" '{}'
assert_field_error title
assert_field_error frequency_hours
# systems and people of another organisation are refused, named by index
api PATCH "$B/$b1" "{\"system_ids\": [$fs, $foreign_sys], \"responsible_contact_id\": $foreign_contact}" -H "$(im 3)"
assert_field_error 'system_ids[1]'
assert_field_error responsible_contact_id
api PATCH "$B/$b1" "{\"title\": \"\", \"system_ids\": [$foreign_sys]}" -H "$(im 3)"
assert_field_error title
assert_field_error 'system_ids[0]'
api POST "$B" "{\"title\": \"Fremd\", \"frequency_hours\": 24, \"system_ids\": [$foreign_sys]}"
assert_field_error 'system_ids[0]'
assert_unchanged b1
api GET "$B"
assert_json 'length' 2

# ---- isolation
api_as other GET "/api/v1/orgs/2/backups"
assert_json 'length' 0
api_as other GET "/api/v1/orgs/2/backups/$b1"
assert_error 404 not_found
api_as other PATCH "/api/v1/orgs/2/backups/$b1" '{"title": "gekapert"}' -H "$(im 3)"
assert_error 404 not_found
api_as other DELETE "/api/v1/orgs/2/backups/$b1" "" -H "$(im 3)"
assert_error 404 not_found
api_as other GET "$B/$b1"
assert_error 404 not_found
assert_unchanged b1

# ---- reader
api_as leser GET "$B/$b1"
assert_status 200
api_as leser POST "$B" '{"title": "x", "frequency_hours": 1}'
assert_error 403 forbidden
api_as leser PATCH "$B/$b1" '{"title": "x"}' -H "$(im 3)"
assert_error 403 forbidden

# ---- a deleted system drops out of the backup
api DELETE "$O/systems/$fs" "" -H "$(im 1)"
assert_status 204
api GET "$B/$b1"
assert_json '.system_ids | map(tostring) | join(",")' "$erp"

# ---- delete
api DELETE "$B/$b2" "" -H "$(im 5)"
assert_error 412 version_conflict
api DELETE "$B/$b2" "" -H "$(im 1)"
assert_status 204
api GET "$B/$b2"
assert_error 404 not_found
api GET "$B"
assert_json 'length' 1
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'backup' AND entity_id = $b1 ORDER BY id)")
assert_eq "create,update,update" "$n" "history of backup 1"
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'backup' AND entity_id = $b2 ORDER BY id)")
assert_eq "create,delete" "$n" "history of the deleted backup"
assert_eq 1 "$(db_sql "SELECT count(*) FROM backup WHERE id = $b2 AND deleted_at IS NOT NULL")" "deletion is soft"

kf_stop
kf_done
