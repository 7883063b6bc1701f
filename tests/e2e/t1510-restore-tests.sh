#!/usr/bin/env bash
# Restore tests of a backup: list and create under the backup, read,
# replace, change and delete by id with versions and history; a date in the
# future is refused; validation; tester of the organisation; isolation; the
# backup's computed checks (test age, restore time against the RTO) follow
# the tests.
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
T=$O/restore-tests
today=$(today_utc)
past=$(date -u -d '-10 days' +%Y-%m-%d)
tomorrow=$(date -u -d '+1 day' +%Y-%m-%d)
old=$(date -u -d '-13 months' +%Y-%m-%d)
year=$(date -u -d '-12 months' +%Y-%m-%d)

new_contact anna '{"name": "Anna"}'
api_as other POST /api/v1/orgs/2/contacts '{"name": "Fremde Person"}'
foreign_contact=$(json .id)
api POST "$O/systems" '{"name": "Warenwirtschaft", "type": "application", "rto_hours": 4, "rpo_hours": 24}'
erp=$(json .id)
api POST "$B" "{\"title\": \"ERP-Datenbank\", \"system_ids\": [$erp], \"frequency_hours\": 24, \"copies\": [{\"kind\": \"onsite\", \"media\": \"NAS\"}, {\"kind\": \"offsite\", \"media\": \"NAS in der Filiale\"}, {\"kind\": \"cloud\", \"media\": \"Online-Backup\"}]}"
b=$(json .id)
api POST "$B" '{"title": "Zweites", "frequency_hours": 168}'
b2=$(json .id)
api_as other POST /api/v1/orgs/2/backups '{"title": "Fremd", "frequency_hours": 24}'
foreign_b=$(json .id)

api GET "$B/$b"
assert_json .checks.restore_test.state never_tested
assert_json .checks.rto.state not_measured
assert_json '.checks.gaps | join(",")' never_tested

api GET "$B/$b/restore-tests"
assert_status 200
assert_json 'length' 0
api GET "$B/999999/restore-tests"
assert_error 404 not_found

# ---- a failed test: tested, but never successful
api POST "$B/$b/restore-tests" "{\"date\": \"$past\", \"result\": \"failed\", \"duration_minutes\": 30, \"tested_by_contact_id\": $anna, \"notes\": \"Passwort fehlte\"}"
assert_status 201
t1=$(json .id)
assert_header Location "$T/$t1"
assert_header ETag '"1"'
assert_json .backup_id "$b"
assert_json .result failed
assert_json .duration_minutes 30
assert_json .tested_by_contact_id "$anna"
api GET "$B/$b"
assert_json .checks.restore_test.state never_successful
assert_json .checks.restore_test.tests 1
assert_json .checks.restore_test.last_test_result failed
assert_json .checks.restore_test.last_success_date null
assert_json '.checks.gaps | join(",")' no_successful_test

# ---- an old successful test: too old, and slower than the RTO
api POST "$B/$b/restore-tests" "{\"date\": \"$old\", \"result\": \"success\", \"duration_minutes\": 360, \"backup_id\": $b2}"
assert_status 201
t2=$(json .id)
assert_json .backup_id "$b" "backup_id in the body is ignored"
assert_json .tested_by_contact_id null
api GET "$B/$b"
assert_json .checks.restore_test.state too_old
assert_json .checks.restore_test.last_test_date "$past"
assert_json .checks.restore_test.last_success_date "$old"
assert_json .checks.rto.state gap
assert_json .checks.rto.restore_minutes 360
assert_json .checks.rto.required_rto_hours 4
assert_json '.checks.gaps | join(",")' "restore_test_too_old,restore_too_slow"

# ---- exactly 12 months ago still counts as recent; exactly the RTO is in time
api PUT "$T/$t2" "{\"date\": \"$year\", \"result\": \"success\", \"duration_minutes\": 240}" -H "$(im 1)"
assert_status 200
assert_json .version 2
api GET "$B/$b"
assert_json .checks.restore_test.state ok
assert_json .checks.rto.state ok
assert_json '.checks.gaps | length' 0

# ---- a recent successful test without a time: restore time unknown
api POST "$B/$b/restore-tests" "{\"date\": \"$today\", \"result\": \"success\"}"
assert_status 201
t3=$(json .id)
assert_json .duration_minutes null
api GET "$B/$b"
assert_json .checks.restore_test.state ok
assert_json .checks.restore_test.last_success_date "$today"
assert_json .checks.rto.state not_measured
assert_json '.checks.gaps | join(",")' restore_not_measured
api PATCH "$T/$t3" '{"duration_minutes": 45}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .result success
api GET "$B/$b"
assert_json .checks.rto.state ok
assert_json .checks.rto.restore_minutes 45
api GET "$B/$b/restore-tests"
assert_json 'map(.id | tostring) | join(",")' "$t3,$t1,$t2"
# the other backup is untouched
api GET "$B/$b2"
assert_json .checks.restore_test.state never_tested

# ---- validation: every bad field named, future date refused, nothing stored
snapshot t3 "$T/$t3"
api PATCH "$T/$t3" "{\"date\": \"$tomorrow\"}" -H "$(im 2)"
assert_field_error date
api POST "$B/$b/restore-tests" "{\"date\": \"$tomorrow\", \"result\": \"success\"}"
assert_field_error date
api PATCH "$T/$t3" '{"date": "31.01.2026", "result": "ok", "duration_minutes": -1, "tested_by_contact_id": "anna", "notes": 3, "colour": 1}' -H "$(im 2)"
for f in date result duration_minutes tested_by_contact_id notes colour; do
	assert_field_error "$f"
done
api PATCH "$T/$t3" '{"duration_minutes": 43201}' -H "$(im 2)"
assert_field_error duration_minutes
api POST "$B/$b/restore-tests" '{}'
assert_field_error date
api PATCH "$T/$t3" "{\"tested_by_contact_id\": $foreign_contact}" -H "$(im 2)"
assert_field_error tested_by_contact_id
api PATCH "$T/$t3" "{\"date\": \"\", \"tested_by_contact_id\": $foreign_contact}" -H "$(im 2)"
assert_field_error date
assert_field_error tested_by_contact_id
assert_unchanged t3
api GET "$B/$b/restore-tests"
assert_json 'length' 3

# ---- isolation
api_as other GET "/api/v1/orgs/2/restore-tests/$t1"
assert_error 404 not_found
api_as other GET "/api/v1/orgs/2/backups/$b/restore-tests"
assert_error 404 not_found
api_as other POST "/api/v1/orgs/2/backups/$b/restore-tests" "{\"date\": \"$past\", \"result\": \"success\"}"
assert_error 404 not_found
api POST "$B/$foreign_b/restore-tests" "{\"date\": \"$past\", \"result\": \"success\"}"
assert_error 404 not_found
api_as other PATCH "/api/v1/orgs/2/restore-tests/$t3" '{"notes": "x"}' -H "$(im 2)"
assert_error 404 not_found
api_as other DELETE "/api/v1/orgs/2/restore-tests/$t3" "" -H "$(im 2)"
assert_error 404 not_found
assert_unchanged t3

# ---- reader
api_as leser GET "$T/$t1"
assert_status 200
api_as leser POST "$B/$b/restore-tests" "{\"date\": \"$past\", \"result\": \"success\"}"
assert_error 403 forbidden
api_as leser DELETE "$T/$t1" "" -H "$(im 1)"
assert_error 403 forbidden

# ---- delete: the checks follow
api DELETE "$T/$t3" "" -H "$(im 1)"
assert_error 412 version_conflict
api DELETE "$T/$t3" "" -H "$(im 2)"
assert_status 204
api GET "$T/$t3"
assert_error 404 not_found
api GET "$B/$b"
assert_json .checks.restore_test.last_success_date "$year"
assert_json .checks.rto.restore_minutes 240
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'restore_test' AND entity_id = $t3 ORDER BY id)")
assert_eq "create,update,delete" "$n" "history of the deleted test"

# ---- a deleted backup takes its tests out of service
api DELETE "$B/$b" "" -H "$(im 1)"
assert_status 204
api GET "$T/$t1"
assert_error 404 not_found
api GET "$B/$b/restore-tests"
assert_error 404 not_found
api POST "$B/$b/restore-tests" "{\"date\": \"$past\", \"result\": \"success\"}"
assert_error 404 not_found

kf_stop
kf_done
