#!/usr/bin/env bash
# Alarm plan settings: version 0 before the first write, first PUT with
# If-Match "0", stale 412 with the current settings, 428 without If-Match,
# validation naming every field, roles of other organisations refused,
# roles named by the plan cannot be deleted, reader may read only.
. "$(dirname "$0")/lib.sh"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
kf_user_add leser@example.org "Lea Leser" reader 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login other other@example.org "$PW" || kf_die "login other"
login leser leser@example.org "$PW" || kf_die "login reader"
P=$O/alarm-plan

new_role lead '{"name": "Notfallleitung"}'
new_role deputy '{"name": "Stellvertretung"}'
new_role dsb '{"name": "Datenschutz"}'
api_as other POST /api/v1/orgs/2/roles '{"name": "Fremde Rolle"}'
foreign_role=$(json .id)

# before the first write: version 0, empty
api GET "$P"
assert_status 200
assert_header ETag '"0"'
assert_json .version 0
assert_json .id null
assert_json .meeting_place ""
assert_json '.declare_role_ids | length' 0
assert_json .breach_report_role_id null

# the first write needs If-Match "0"
plan="{\"meeting_place\": \"Besprechungsraum 1\\nHauptstraße 5\", \"meeting_fallback\": \"Gartenweg 2\", \"phone_bridge\": \"0800 1234567, PIN 4711\", \"declare_role_ids\": [$lead, $deputy], \"declare_criteria\": \"Wichtiges System länger als 4 Stunden aus\", \"breach_report_role_id\": $dsb, \"breach_notes\": \"Online-Formular\"}"
api PUT "$P" "$plan"
assert_error 428 precondition_required
api PUT "$P" "$plan" -H "$(im 1)"
assert_error 412 version_conflict
assert_json .current.version 0
api GET "$P"
assert_json .version 0
api PUT "$P" "$plan" -H "$(im 0)"
assert_status 200
assert_header ETag '"1"'
assert_json .version 1
assert_json .meeting_place "Besprechungsraum 1
Hauptstraße 5"
assert_json '.declare_role_ids | map(tostring) | join(",")' "$lead,$deputy"
assert_json .breach_report_role_id "$dsb"
assert_match "$(json .id)" '^[0-9]+$' "id after the first write"
saved=$(jq -S . <<<"$BODY")
api GET "$P"
assert_header ETag '"1"'
assert_eq "$saved" "$(jq -S . <<<"$BODY")" "GET after PUT"

# "0" again is stale now: 412 with the current settings
api PUT "$P" '{"meeting_place": "Keller"}' -H "$(im 0)"
assert_error 412 version_conflict
assert_json .current.version 1
assert_json .current.meeting_place "Besprechungsraum 1
Hauptstraße 5"
assert_header ETag '"1"'

# PUT is a full replace
api PUT "$P" "{\"meeting_place\": \"Keller\", \"declare_role_ids\": [$deputy]}" -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .meeting_place Keller
assert_json .meeting_fallback ""
assert_json .breach_report_role_id null
assert_json '.declare_role_ids | map(tostring) | join(",")' "$deputy"

# validation: every bad field named, nothing stored
snapshot plan "$P"
long=$(printf 'x%.0s' {1..1001})
api PUT "$P" "{\"meeting_place\": \"$long\", \"meeting_fallback\": 3, \"declare_role_ids\": [$lead, $lead, -1], \"breach_report_role_id\": \"eins\", \"colour\": 1}" -H "$(im 2)"
assert_field_error meeting_place
assert_field_error meeting_fallback
assert_field_error 'declare_role_ids[1]'
assert_field_error 'declare_role_ids[2]'
assert_field_error breach_report_role_id
assert_field_error colour
api PUT "$P" '{"declare_role_ids": 5}' -H "$(im 2)"
assert_field_error declare_role_ids
api PUT "$P" "{\"phone_bridge\": \"a\\u0001b\"}" -H "$(im 2)"
assert_field_error phone_bridge
# roles of another organisation
api PUT "$P" "{\"declare_role_ids\": [$foreign_role], \"breach_report_role_id\": $foreign_role}" -H "$(im 2)"
assert_field_error 'declare_role_ids[0]'
assert_field_error breach_report_role_id
api PUT "$P" 'nope' -H "$(im 2)"
assert_error 400 malformed_json
assert_unchanged plan

# the other organisation has its own, empty settings
api_as other GET /api/v1/orgs/2/alarm-plan
assert_status 200
assert_json .version 0
api_as other GET "$P"
assert_error 404 not_found

# reader reads, may not write
api_as leser GET "$P"
assert_status 200
assert_json .meeting_place Keller
api_as leser PUT "$P" '{"meeting_place": "x"}' -H "$(im 2)"
assert_error 403 forbidden
assert_unchanged plan

# roles named by the settings cannot be deleted
api PUT "$P" "{\"declare_role_ids\": [$deputy], \"breach_report_role_id\": $dsb}" -H "$(im 2)"
assert_status 200
api DELETE "$O/roles/$dsb" "" -H "$(im 1)"
assert_error 409 in_use
api DELETE "$O/roles/$deputy" "" -H "$(im 1)"
assert_error 409 in_use
api DELETE "$O/roles/$lead" "" -H "$(im 1)"
assert_status 204

# history: one record per write, in the same transaction
pid=$(db_sql "SELECT id FROM alarm_plan WHERE org_id = 1")
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'alarm_plan' AND entity_id = $pid ORDER BY id)")
assert_eq "create,update,update" "$n" "history of the settings"

kf_stop
kf_done
