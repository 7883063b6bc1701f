#!/usr/bin/env bash
# Exercises (step 5): create, read, list order, replace, change, delete with
# versions and history; validation naming every field (future + done,
# a person both participant and observer); the scenario must be a risk and
# the people contacts of the same organisation; isolation; reader reads only.
. "$(dirname "$0")/lib.sh"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
kf_user_add leser@example.org "Lea Leser" reader 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login other other@example.org "$PW" || kf_die "login other"
login leser leser@example.org "$PW" || kf_die "login reader"
E=$O/exercises

new_contact anna '{"name": "Anna Aktiv"}'
new_contact bernd '{"name": "Bernd Beobachter"}'
new_contact carla '{"name": "Carla"}'
api POST "$O/risks" '{"title": "Ransomware", "category": "cyber", "likelihood": 4, "impact": 5}'
risk=$(json .id)
api_as other POST /api/v1/orgs/2/risks '{"title": "Fremdes Risiko", "category": "cyber", "likelihood": 1, "impact": 1}'
foreign_risk=$(json .id)
api_as other POST /api/v1/orgs/2/contacts '{"name": "Fremde Person"}'
foreign_contact=$(json .id)
past=$(date -u -d '-30 days' +%Y-%m-%d)
future=$(date -u -d '+60 days' +%Y-%m-%d)
later=$(date -u -d '+90 days' +%Y-%m-%d)
today=$(today_utc)

api GET "$E"
assert_status 200
assert_json 'length' 0

# ---- create
ex="{\"type\": \"tabletop\", \"title\": \"Planspiel Ransomware\", \"date\": \"$past\", \"status\": \"done\", \"scenario_risk_id\": $risk, \"participant_ids\": [$anna, $carla], \"observer_ids\": [$bernd], \"goals\": \"Alle wissen, was zu tun ist\", \"went_well\": \"Kette lief\", \"to_improve\": \"Nummern veraltet\", \"achieved_rto_hours\": 6, \"achieved_rpo_hours\": 24, \"duration_minutes\": 90}"
api POST "$E" "$ex"
assert_status 201
e1=$(json .id)
assert_header Location "$E/$e1"
assert_header ETag '"1"'
assert_json .version 1
assert_json .type tabletop
assert_json .status done
assert_json .date "$past"
assert_json .scenario_risk_id "$risk"
assert_json '.participant_ids | map(tostring) | join(",")' "$anna,$carla"
assert_json '.observer_ids | map(tostring) | join(",")' "$bernd"
assert_json .achieved_rto_hours 6
assert_json .achieved_rpo_hours 24
assert_json .duration_minutes 90
assert_json .open_findings 0

# defaults: planned, nothing measured
api POST "$E" "{\"type\": \"alarm_test\", \"title\": \"Alarmierungstest\", \"date\": \"$later\"}"
assert_status 201
e2=$(json .id)
assert_json .status planned
assert_json .scenario_risk_id null
assert_json .achieved_rto_hours null
assert_json .duration_minutes null
assert_json '.participant_ids | length' 0
api POST "$E" "{\"type\": \"restore_test\", \"title\": \"Rücksicherung\", \"date\": \"$future\"}"
e3=$(json .id)
api POST "$E" "{\"type\": \"simulation\", \"title\": \"Abgesagt\", \"date\": \"$today\", \"status\": \"cancelled\"}"
e4=$(json .id)

# list: planned first (soonest first), then the others newest first
api GET "$E"
assert_json 'map(.id | tostring) | join(",")' "$e3,$e2,$e4,$e1"

api GET "$E/$e1"
assert_status 200
assert_header ETag '"1"'
assert_json .title "Planspiel Ransomware"

# ---- PUT (full replace), PATCH (given fields), versions
api PUT "$E/$e1" "{\"type\": \"walkthrough\", \"title\": \"Begehung\", \"date\": \"$past\"}"
assert_error 428 precondition_required
api PUT "$E/$e1" "{\"type\": \"walkthrough\", \"title\": \"Begehung\", \"date\": \"$past\"}" -H "$(im 7)"
assert_error 412 version_conflict
assert_json .current.version 1
api PUT "$E/$e1" "{\"type\": \"walkthrough\", \"title\": \"Begehung\", \"date\": \"$past\", \"participant_ids\": [$bernd]}" -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .type walkthrough
assert_json .status planned
assert_json .scenario_risk_id null
assert_json '.participant_ids | map(tostring) | join(",")' "$bernd"
assert_json '.observer_ids | length' 0
assert_json .goals ""
api PATCH "$E/$e1" "{\"status\": \"done\", \"observer_ids\": [$anna], \"went_well\": \"gut\"}" -H "$(im 2)"
assert_status 200
assert_json .version 3
assert_json .status done
assert_json .type walkthrough
assert_json '.participant_ids | map(tostring) | join(",")' "$bernd"
assert_json '.observer_ids | map(tostring) | join(",")' "$anna"
assert_json .went_well gut

# ---- validation: every bad field named, nothing stored
snapshot e1 "$E/$e1"
long=$(printf 'x%.0s' {1..201})
api PATCH "$E/$e1" "{\"type\": \"drill\", \"title\": \"$long\", \"date\": \"2026-02-30\", \"status\": \"fertig\", \"scenario_risk_id\": \"eins\", \"participant_ids\": [0], \"observer_ids\": \"x\", \"goals\": 1, \"went_well\": [], \"to_improve\": \"a\\u0001b\", \"achieved_rto_hours\": -1, \"achieved_rpo_hours\": 1.5, \"duration_minutes\": 99999, \"colour\": \"rot\"}" -H "$(im 3)"
for f in type title date status scenario_risk_id 'participant_ids[0]' observer_ids goals went_well to_improve achieved_rto_hours achieved_rpo_hours duration_minutes colour; do
	assert_field_error "$f"
done
api POST "$E" '{}'
assert_field_error title
assert_field_error type
assert_field_error date
api POST "$E" "{\"type\": \"tabletop\", \"title\": \"   \", \"date\": \"$past\"}"
assert_field_error title
# a date in the future cannot be done
api PATCH "$E/$e1" "{\"date\": \"$future\"}" -H "$(im 3)"
assert_field_error status
assert_json '.error.fields | keys | join(",")' status
api POST "$E" "{\"type\": \"tabletop\", \"title\": \"Zukunft\", \"date\": \"$future\", \"status\": \"done\"}"
assert_field_error status
# nobody both participant and observer; nobody twice
api PATCH "$E/$e1" "{\"participant_ids\": [$anna, $bernd], \"observer_ids\": [$carla, $anna]}" -H "$(im 3)"
assert_field_error 'observer_ids[1]'
api PATCH "$E/$e1" "{\"participant_ids\": [$anna, $anna]}" -H "$(im 3)"
assert_field_error 'participant_ids[1]'
# scenario and people of another organisation, or unknown
api PATCH "$E/$e1" "{\"scenario_risk_id\": $foreign_risk}" -H "$(im 3)"
assert_field_error scenario_risk_id
api PATCH "$E/$e1" "{\"scenario_risk_id\": 999999, \"participant_ids\": [$foreign_contact], \"observer_ids\": [999999]}" -H "$(im 3)"
assert_field_error scenario_risk_id
assert_field_error 'participant_ids[0]'
assert_field_error 'observer_ids[0]'
# each entry is named at its own place, also after a bad one
api PATCH "$E/$e1" "{\"participant_ids\": [\"x\", $foreign_contact, $anna], \"observer_ids\": [$anna]}" -H "$(im 3)"
assert_field_error 'participant_ids[0]'
assert_field_error 'participant_ids[1]'
assert_field_error 'observer_ids[0]'
assert_json '.error.fields | keys | join(",")' 'observer_ids[0],participant_ids[0],participant_ids[1]'
# other mistakes and foreign references are named together
api PATCH "$E/$e1" "{\"title\": \"\", \"scenario_risk_id\": $foreign_risk}" -H "$(im 3)"
assert_field_error title
assert_field_error scenario_risk_id
api POST "$E" "{\"type\": \"tabletop\", \"title\": \"Fremd\", \"date\": \"$past\", \"scenario_risk_id\": $foreign_risk}"
assert_field_error scenario_risk_id
api PATCH "$E/$e1" 'nope' -H "$(im 3)"
assert_error 400 malformed_json
assert_unchanged e1
api GET "$E"
assert_json 'length' 4

# a scenario risk deleted meanwhile reads as none
api POST "$O/risks" '{"title": "Stromausfall", "category": "environment", "likelihood": 2, "impact": 3}'
risk2=$(json .id)
api PATCH "$E/$e2" "{\"scenario_risk_id\": $risk2}" -H "$(im 1)"
assert_json .scenario_risk_id "$risk2"
api DELETE "$O/risks/$risk2" "" -H "$(im 1)"
assert_status 204
api GET "$E/$e2"
assert_json .scenario_risk_id null

# ---- isolation
api_as other GET /api/v1/orgs/2/exercises
assert_status 200
assert_json 'length' 0
api_as other GET "$E"
assert_error 404 not_found
api_as other GET "/api/v1/orgs/2/exercises/$e1"
assert_error 404 not_found
api_as other PATCH "/api/v1/orgs/2/exercises/$e1" '{"title": "x"}' -H "$(im 3)"
assert_error 404 not_found
api_as other DELETE "/api/v1/orgs/2/exercises/$e1" "" -H "$(im 3)"
assert_error 404 not_found
api_as other POST /api/v1/orgs/2/exercises "{\"type\": \"tabletop\", \"title\": \"Mit fremder Person\", \"date\": \"$past\", \"participant_ids\": [$anna]}"
assert_field_error 'participant_ids[0]'
assert_unchanged e1

# ---- reader reads, may not write
api_as leser GET "$E"
assert_status 200
assert_json 'length' 4
api_as leser PATCH "$E/$e1" '{"title": "x"}' -H "$(im 3)"
assert_error 403 forbidden
api_as leser POST "$E" "{\"type\": \"tabletop\", \"title\": \"x\", \"date\": \"$past\"}"
assert_error 403 forbidden

# ---- delete
api DELETE "$E/$e4" ""
assert_error 428 precondition_required
api DELETE "$E/$e4" "" -H "$(im 9)"
assert_error 412 version_conflict
api DELETE "$E/$e4" "" -H "$(im 1)"
assert_status 204
api GET "$E/$e4"
assert_error 404 not_found
api GET "$E"
assert_json 'length' 3
api GET "$E/abc"
assert_error 400 bad_request

# history: one record per write, in the same transaction
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'exercise' AND entity_id = $e1 ORDER BY id)")
assert_eq "create,update,update" "$n" "history of exercise 1"
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'exercise' AND entity_id = $e4 ORDER BY id)")
assert_eq "create,delete" "$n" "history of the deleted exercise"
assert_eq 1 "$(db_sql "SELECT count(*) FROM exercise WHERE id = $e4 AND deleted_at IS NOT NULL")" "soft delete"

kf_stop
kf_done
