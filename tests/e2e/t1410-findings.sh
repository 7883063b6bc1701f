#!/usr/bin/env bash
# Findings of an exercise: list and create under the exercise, read,
# replace, change and delete by id with versions and history; validation;
# responsible person of the organisation; isolation; an exercise with open
# findings cannot be deleted (409 in_use), with only done findings it can.
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
F=$O/findings
past=$(date -u -d '-10 days' +%Y-%m-%d)

new_contact anna '{"name": "Anna"}'
api_as other POST /api/v1/orgs/2/contacts '{"name": "Fremde Person"}'
foreign_contact=$(json .id)
api POST "$E" "{\"type\": \"tabletop\", \"title\": \"Planspiel\", \"date\": \"$past\", \"status\": \"done\"}"
ex=$(json .id)
api POST "$E" "{\"type\": \"alarm_test\", \"title\": \"Alarmtest\", \"date\": \"$past\"}"
ex2=$(json .id)
api_as other POST /api/v1/orgs/2/exercises "{\"type\": \"tabletop\", \"title\": \"Fremd\", \"date\": \"$past\"}"
foreign_ex=$(json .id)

api GET "$E/$ex/findings"
assert_status 200
assert_json 'length' 0
api GET "$E/999999/findings"
assert_error 404 not_found

# ---- create under the exercise
api POST "$E/$ex/findings" "{\"title\": \"Handynummer des Dienstleisters veraltet\", \"description\": \"Niemand erreicht\", \"severity\": \"high\", \"responsible_contact_id\": $anna, \"due_date\": \"2099-01-31\"}"
assert_status 201
f1=$(json .id)
assert_header Location "$F/$f1"
assert_header ETag '"1"'
assert_json .exercise_id "$ex"
assert_json .severity high
assert_json .status open
assert_json .responsible_contact_id "$anna"
assert_json .due_date 2099-01-31
api POST "$E/$ex/findings" '{"title": "Passwort für Sicherung fehlte", "exercise_id": 12345}'
assert_status 201
f2=$(json .id)
assert_json .exercise_id "$ex" "exercise_id in the body is ignored"
assert_json .severity medium
assert_json .responsible_contact_id null
assert_json .due_date null
api POST "$E/$ex2/findings" '{"title": "Liste ausdrucken", "severity": "low"}'
f3=$(json .id)
api POST "$E/999999/findings" '{"title": "x"}'
assert_error 404 not_found

api GET "$E/$ex/findings"
assert_json 'length' 2
assert_json 'map(.id | tostring) | join(",")' "$f1,$f2"
api GET "$E/$ex"
assert_json .open_findings 2
api GET "$F/$f1"
assert_status 200
assert_header ETag '"1"'
assert_json .title "Handynummer des Dienstleisters veraltet"

# ---- change
api PUT "$F/$f1" '{"title": "Nummer veraltet"}'
assert_error 428 precondition_required
api PUT "$F/$f1" '{"title": "Nummer veraltet"}' -H "$(im 5)"
assert_error 412 version_conflict
assert_json .current.version 1
api PUT "$F/$f1" '{"title": "Nummer veraltet", "status": "in_progress"}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .severity medium
assert_json .responsible_contact_id null
assert_json .exercise_id "$ex"
api PATCH "$F/$f1" "{\"responsible_contact_id\": $anna, \"exercise_id\": $ex2}" -H "$(im 2)"
assert_status 200
assert_json .version 3
assert_json .status in_progress
assert_json .exercise_id "$ex" "a finding stays with its exercise"

# ---- validation: every bad field named, nothing stored
snapshot f1 "$F/$f1"
long=$(printf 'x%.0s' {1..201})
api PATCH "$F/$f1" "{\"title\": \"$long\", \"description\": 5, \"severity\": \"dringend\", \"status\": \"closed\", \"responsible_contact_id\": \"anna\", \"due_date\": \"31.01.2099\", \"priority\": 1}" -H "$(im 3)"
for f in title description severity status responsible_contact_id due_date priority; do
	assert_field_error "$f"
done
api POST "$E/$ex/findings" '{}'
assert_field_error title
api PATCH "$F/$f1" "{\"responsible_contact_id\": $foreign_contact}" -H "$(im 3)"
assert_field_error responsible_contact_id
api PATCH "$F/$f1" "{\"title\": \"\", \"responsible_contact_id\": $foreign_contact}" -H "$(im 3)"
assert_field_error title
assert_field_error responsible_contact_id
assert_unchanged f1

# ---- isolation
api_as other GET "/api/v1/orgs/2/findings/$f1"
assert_error 404 not_found
api_as other GET "/api/v1/orgs/2/exercises/$ex/findings"
assert_error 404 not_found
api_as other POST "/api/v1/orgs/2/exercises/$ex/findings" '{"title": "eingeschmuggelt"}'
assert_error 404 not_found
api POST "$E/$foreign_ex/findings" '{"title": "eingeschmuggelt"}'
assert_error 404 not_found
api_as other PATCH "/api/v1/orgs/2/findings/$f1" '{"title": "x"}' -H "$(im 3)"
assert_error 404 not_found
api_as other DELETE "/api/v1/orgs/2/findings/$f1" "" -H "$(im 3)"
assert_error 404 not_found
assert_unchanged f1

# ---- reader
api_as leser GET "$E/$ex/findings"
assert_status 200
api_as leser GET "$F/$f1"
assert_status 200
api_as leser POST "$E/$ex/findings" '{"title": "x"}'
assert_error 403 forbidden
api_as leser PATCH "$F/$f1" '{"title": "x"}' -H "$(im 3)"
assert_error 403 forbidden

# ---- an exercise with open findings cannot be deleted
api DELETE "$E/$ex" "" -H "$(im 1)"
assert_error 409 in_use
assert_match "$(json .error.used_by)" '^2 ' "used_by counts the open findings"
api GET "$E/$ex"
assert_status 200
# in progress counts as open; done does not
api PATCH "$F/$f1" '{"status": "done"}' -H "$(im 3)"
assert_status 200
api DELETE "$E/$ex" "" -H "$(im 1)"
assert_error 409 in_use
assert_match "$(json .error.used_by)" '^1 ' "used_by counts the open findings"
# deleting a finding
api DELETE "$F/$f2" "" -H "$(im 9)"
assert_error 412 version_conflict
api DELETE "$F/$f2" "" -H "$(im 1)"
assert_status 204
api GET "$F/$f2"
assert_error 404 not_found
api GET "$E/$ex"
assert_json .open_findings 0
# only done findings left: the exercise may go, its findings stay in the database
api DELETE "$E/$ex" "" -H "$(im 1)"
assert_status 204
api GET "$E/$ex/findings"
assert_error 404 not_found
api GET "$F/$f1"
assert_error 404 not_found
assert_eq 1 "$(db_sql "SELECT count(*) FROM finding WHERE id = $f1 AND deleted_at IS NULL AND exercise_id = $ex")" "done finding kept with its exercise"
# the other exercise and its finding are untouched
api GET "$F/$f3"
assert_status 200

# history
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'finding' AND entity_id = $f1 ORDER BY id)")
assert_eq "create,update,update,update" "$n" "history of finding 1"
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'finding' AND entity_id = $f2 ORDER BY id)")
assert_eq "create,delete" "$n" "history of the deleted finding"

kf_stop
kf_done
