#!/usr/bin/env bash
# Reminders of tasks: an open task due today or overdue is told to its assignee once per day (without assignee:
# to the admins and Notfallleiter); tasks due later and done tasks are not told.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add edith@example.org "Edith Editor" editor # user 2
today=$(today_utc)
past=$(date -u -d '-2 days' +%Y-%m-%d)
future=$(date -u -d '+9 days' +%Y-%m-%d)
T=$O/tasks

api POST "$T" "{\"title\": \"Überfällig\", \"assignee_id\": 2, \"due_date\": \"$past\"}"
t_over=$(json .id)
api POST "$T" "{\"title\": \"Heute\", \"assignee_id\": 2, \"due_date\": \"$today\"}"
api POST "$T" "{\"title\": \"Ohne Zuständige\", \"due_date\": \"$past\"}"
api POST "$T" "{\"title\": \"Später\", \"assignee_id\": 2, \"due_date\": \"$future\"}"
api POST "$T" "{\"title\": \"Erledigt\", \"assignee_id\": 2, \"due_date\": \"$past\", \"status\": \"done\"}"
due() { db_sql "SELECT group_concat(param, ',') FROM (SELECT param FROM notification WHERE user_id = $1 AND kind = 'due' ORDER BY param)"; }

cli remind --data "$KF_DATA"
assert_eq 0 "$CLI_RC" "remind exit status"
assert_eq "Heute,Überfällig" "$(due 2)" "assignee told of the due and the overdue task"
assert_eq "Ohne Zuständige" "$(due 1)" "a task without assignee goes to the admin"
assert_eq "/o/1/tasks/$t_over" "$(db_sql "SELECT link FROM notification WHERE param = 'Überfällig' AND kind = 'due'")" "link to the task"
assert_eq 1 "$(db_sql "SELECT count(*) FROM reminder_log WHERE key = 'task:$t_over:$today'")" "one key per task and day"
cli remind --data "$KF_DATA"
assert_eq "Heute,Überfällig" "$(due 2)" "told once per day"

kf_done
