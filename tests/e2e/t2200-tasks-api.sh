#!/usr/bin/env bash
# Tasks API: create, read, replace, change, delete with versions and history; bad input names the field and
# changes nothing (unknown or non-member assignee, item of another organisation, bad date); filters; isolation;
# readers cannot write; the assignee is notified in the write's transaction, a refused write notifies nobody.
. "$(dirname "$0")/lib.sh"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add edith@example.org "Edith Editor" editor 1   # user 2
kf_user_add leser@example.org "Lea Leser" reader 1      # user 3
kf_user_add other@example.org "Otto Other" admin 2      # user 4, not of org 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login edith edith@example.org "$PW" || kf_die "login edith"
login leser leser@example.org "$PW" || kf_die "login reader"
login other other@example.org "$PW" || kf_die "login other"
T=$O/tasks
past=$(date -u -d '-3 days' +%Y-%m-%d)
notifs() { db_sql "SELECT count(*) FROM notification WHERE user_id = $1 AND kind = 'assignment'"; }

api POST "$O/systems" '{"name": "Warenwirtschaft", "type": "application"}'
[[ $STATUS == 201 ]] || kf_die "system: $STATUS $BODY"
sys=$(json .id)
api_as other POST /api/v1/orgs/2/systems '{"name": "Fremdsystem", "type": "server"}'
foreign_sys=$(json .id)

api GET "$T"
assert_status 200
assert_json length 0

# ---- create: assignment notifies the assignee
api POST "$T" "{\"title\": \"Notfallnummer des Dienstleisters eintragen\", \"assignee_id\": 2, \"due_date\": \"2099-01-31\", \"entity\": \"system\", \"entity_id\": $sys}"
assert_status 201
t1=$(json .id)
assert_header Location "$T/$t1"
assert_header ETag '"1"'
assert_json .status open
assert_json .assignee_id 2
assert_json .assignee_name "Edith Editor"
assert_json .entity system
assert_json .entity_id "$sys"
assert_json .entity_name Warenwirtschaft
assert_json .step 1 "the step follows the item"
assert_json .overdue false
assert_eq 1 "$(notifs 2)" "assignee notified"
assert_eq "/o/1/tasks/$t1" "$(db_sql "SELECT link FROM notification WHERE user_id = 2")" "notification link"
assert_eq "Notfallnummer des Dienstleisters eintragen" "$(db_sql "SELECT param FROM notification WHERE user_id = 2")" "notification names the task"

api POST "$T" "{\"title\": \"Rollen besprechen\", \"step\": 2, \"due_date\": \"$past\"}"
assert_status 201
t2=$(json .id)
assert_json .assignee_id null
assert_json .entity null
assert_json .step 2
assert_json .overdue true
# assigning oneself tells nobody
api POST "$T" '{"title": "Eigene Aufgabe", "assignee_id": 1, "status": "in_progress"}'
assert_status 201
t3=$(json .id)
assert_eq 0 "$(notifs 1)" "self-assignment notifies nobody"

# ---- bad input names the field, nothing stored, nobody notified
count() { db_sql "SELECT count(*) FROM task"; }
n_before=$(count)
api POST "$T" '{"title": "x", "assignee_id": 999}'
assert_field_error assignee_id
api POST "$T" '{"title": "x", "assignee_id": 4}'
assert_field_error assignee_id
api POST "$T" "{\"title\": \"x\", \"entity\": \"system\", \"entity_id\": $foreign_sys}"
assert_field_error entity_id
api POST "$T" '{"title": "x", "entity": "spaceship", "entity_id": 1}'
assert_field_error entity
api POST "$T" '{"title": "x", "entity_id": 1}'
assert_field_error entity
api POST "$T" '{"title": "x", "due_date": "2025-02-30"}'
assert_field_error due_date
api POST "$T" '{"title": "x", "due_date": "morgen"}'
assert_field_error due_date
api POST "$T" '{"title": "", "status": "later", "step": 9}'
assert_field_error title
assert_field_error status
assert_field_error step
api POST "$T" '{"title": "x", "colour": "red"}'
assert_field_error colour
# a refused write with a valid assignee notifies nobody
api POST "$T" "{\"title\": \"x\", \"assignee_id\": 3, \"entity\": \"system\", \"entity_id\": $foreign_sys}"
assert_field_error entity_id
assert_eq "$n_before" "$(count)" "no task stored on refusals"
assert_eq 0 "$(notifs 3)" "refused write notifies nobody"

# ---- read, change
api GET "$T/$t1"
assert_status 200
assert_header ETag '"1"'
snapshot t1 "$T/$t1"
api PUT "$T/$t1" '{"title": "y", "assignee_id": 4}' -H "$(im 1)"
assert_field_error assignee_id
api PATCH "$T/$t1" '{"due_date": "31.01.2099"}' -H "$(im 1)"
assert_field_error due_date
api PATCH "$T/$t1" '{"assignee_id": 3}' -H "$(im 7)"
assert_error 412 version_conflict
api PATCH "$T/$t1" '{"assignee_id": 3}'
assert_error 428 precondition_required
assert_unchanged t1
assert_eq 0 "$(notifs 3)" "stale or refused change notifies nobody"

api PATCH "$T/$t1" '{"status": "in_progress", "assignee_id": 3}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .status in_progress
assert_json .title "Notfallnummer des Dienstleisters eintragen"
assert_json .entity system
assert_eq 1 "$(notifs 3)" "new assignee notified"
api PATCH "$T/$t1" '{"status": "done"}' -H "$(im 2)"
assert_status 200
assert_eq 1 "$(notifs 3)" "same assignee: no second notification"
api PUT "$T/$t1" '{"title": "Neu"}' -H "$(im 3)"
assert_status 200
assert_json .assignee_id null "PUT replaces every field"
assert_json .entity null
assert_json .status open

# ---- filters
api GET "$T?assignee=me"
assert_json 'map(.id) | tostring' "[$t3]"
api GET "$T?overdue=1"
assert_json 'map(.id) | tostring' "[$t2]"
api GET "$T?status=in_progress"
assert_json 'map(.id) | tostring' "[$t3]"
api PATCH "$T/$t1" "{\"entity\": \"system\", \"entity_id\": $sys}" -H "$(im 4)"
assert_status 200
api GET "$T?entity=system&entity_id=$sys"
assert_json 'map(.id) | tostring' "[$t1]"
api GET "$T?status=later"
assert_field_error status
api GET "$T?assignee=nobody"
assert_field_error assignee

# ---- isolation and roles
api_as other GET "/api/v1/orgs/2/tasks/$t1"
assert_error 404 not_found
api_as other GET "$T/$t1"
assert_error 404 not_found
api_as other GET /api/v1/orgs/2/tasks
assert_json length 0
api_as leser GET "$T/$t1"
assert_status 200
snapshot t1b "$T/$t1"
api_as leser POST "$T" '{"title": "Leser"}'
assert_error 403 forbidden
api_as leser PATCH "$T/$t1" '{"title": "Leser"}' -H "$(im 5)"
assert_error 403 forbidden
api_as leser DELETE "$T/$t1" -H "$(im 5)"
assert_error 403 forbidden
assert_unchanged t1b
api_as edith PATCH "$T/$t1" '{"title": "Von Edith"}' -H "$(im 5)"
assert_status 200

# ---- delete (soft, with history)
api DELETE "$T/$t1" -H "$(im 1)"
assert_error 412 version_conflict
api DELETE "$T/$t1" -H "$(im 6)"
assert_status 204
api GET "$T/$t1"
assert_error 404 not_found
assert_eq 1 "$(db_sql "SELECT count(*) FROM task WHERE id = $t1 AND deleted_at IS NOT NULL")" "soft delete"
assert_eq 7 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'task' AND entity_id = $t1")" "history per write"

kf_done
