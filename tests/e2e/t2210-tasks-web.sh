#!/usr/bin/env bash
# Task pages: "My tasks" in the header, the list with its filters, the form (bad fields beside their input, input
# kept, nothing stored), overdue tasks marked in words, delete with confirmation; one click from an exercise
# finding and from a Plan-Check gap; open tasks on the start page per step; the tasks of a system on its page;
# readers read only; valid HTML.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add edith@example.org "Edith Editor" editor   # user 2
kf_user_add leser@example.org "Lea Leser" reader      # user 3
web_login w "$ADMIN_EMAIL" "$PW"
web_login lea leser@example.org "$PW"
past=$(date -u -d '-5 days' +%Y-%m-%d)
T=$O/tasks

api POST "$O/systems" '{"name": "Kassensystem", "type": "application"}'
sys=$(json .id)
api POST "$T" "{\"title\": \"Wiederanlauf <b>prüfen</b>\", \"assignee_id\": 1, \"due_date\": \"$past\", \"entity\": \"system\", \"entity_id\": $sys}"
t_over=$(json .id)
api POST "$T" '{"title": "Telefonliste drucken", "assignee_id": 2, "step": 2}'
t_edith=$(json .id)
api POST "$T" '{"title": "Erledigte Sache", "step": 2, "status": "done"}'

# ---- header link and my tasks
web w GET /o/1/
assert_contains "$BODY" 'id="mytasks-link"' "My tasks in the header"
assert_contains "$BODY" 'href="/o/1/tasks/mine"' "header link target"
web w GET /o/1/tasks/mine
assert_status 200
assert_contains "$BODY" "Wiederanlauf &lt;b&gt;prüfen&lt;/b&gt;" "my task listed, escaped"
assert_not_contains "$BODY" "Telefonliste drucken" "others' tasks not in my tasks"
assert_contains "$BODY" 'class="badge overdue">überfällig<' "overdue in words, not colour alone"
assert_contains "$BODY" '<tr class="overdue">' "overdue row marked"

# ---- the list and its filters
web w GET /o/1/tasks
assert_status 200
assert_contains "$BODY" "Telefonliste drucken"
assert_contains "$BODY" "Erledigte Sache"
web w GET '/o/1/tasks?filter=open'
assert_not_contains "$BODY" "Erledigte Sache" "open filter"
web w GET '/o/1/tasks?filter=overdue'
assert_contains "$BODY" "Wiederanlauf"
assert_not_contains "$BODY" "Telefonliste drucken" "overdue filter"
web w GET '/o/1/tasks?filter=mine'
assert_not_contains "$BODY" "Telefonliste drucken" "mine filter"
web w GET '/o/1/tasks?step=2'
assert_contains "$BODY" "Telefonliste drucken"
assert_not_contains "$BODY" "Wiederanlauf" "step filter"

# ---- start page: open tasks per step
web w GET /o/1/
assert_contains "$BODY" 'id="step-tasks-1" data-open="1" data-overdue="1"' "step 1: counts with overdue"
assert_match "$(html_id_text step-tasks-1)" '^1 .*, 1 ' "step 1: counts in words (1 offene Aufgabe, 1 überfällig)"
assert_contains "$BODY" 'id="step-tasks-2" data-open="1" data-overdue="0"' "step 2: the done task is not counted"
assert_contains "$BODY" 'href="/o/1/tasks?step=1&amp;filter=open"' "step 1: link to its tasks"
assert_contains "$BODY" 'href="/o/1/tasks?step=2&amp;filter=open"' "step 2: open task linked"

# ---- the form: bad input beside the field, kept, nothing stored
n=$(db_sql "SELECT count(*) FROM task")
web w GET /o/1/tasks/new
refresh_csrf w
form_csrf w /o/1/tasks/new "title=Neue Aufgabe" "assignee_id=99" "due_date=2025-02-30" "status=open" "step=3"
assert_status 422
assert_contains "$BODY" 'id="err-assignee_id"' "assignee error beside the field"
assert_contains "$BODY" 'id="err-due_date"' "date error beside the field"
assert_eq "Neue Aufgabe" "$(html_input title)" "input kept"
assert_eq "$n" "$(db_sql "SELECT count(*) FROM task")" "nothing stored"
form_csrf w /o/1/tasks/new "title=Neue Aufgabe" "assignee_id=2" "due_date=2099-05-01" "status=open" "step=3"
assert_redirect 303 /o/1/tasks
new=$(db_sql "SELECT max(id) FROM task")
assert_eq "3|2" "$(db_sql "SELECT step, assignee_id FROM task WHERE id = $new")" "stored"
assert_eq 2 "$(db_sql "SELECT count(*) FROM notification WHERE user_id = 2 AND kind = 'assignment'")" "assignee notified from the form"

# ---- edit and delete with confirmation
web w GET "/o/1/tasks/$new"
assert_status 200
assert_eq 1 "$(html_input version)"
refresh_csrf w
form_csrf w "/o/1/tasks/$new" "version=1" "title=Geändert" "status=done" "step=3"
assert_redirect 303 /o/1/tasks
form_csrf w "/o/1/tasks/$new" "version=1" "title=Veraltet" "status=open" "step=3"
assert_status 409
web w GET "/o/1/tasks/$new/delete"
assert_status 200
assert_contains "$BODY" "Geändert"
refresh_csrf w
form_csrf w "/o/1/tasks/$new/delete" "version=2"
assert_redirect 303 /o/1/tasks
api GET "$T/$new"
assert_error 404 not_found

# ---- one click from an exercise finding
api POST "$O/exercises" "{\"type\": \"tabletop\", \"title\": \"Planspiel\", \"date\": \"$past\", \"status\": \"done\"}"
ex=$(json .id)
api POST "$O/exercises/$ex/findings" '{"title": "Handynummer veraltet", "due_date": "2099-01-31"}'
f=$(json .id)
web w GET "/o/1/findings/$f"
assert_contains "$BODY" "action=\"/o/1/findings/$f/task\"" "finding offers Create as task"
refresh_csrf w
form_csrf w "/o/1/findings/$f/task"
assert_status 303
loc=$(location_path)
assert_match "$loc" '^/o/1/tasks/[0-9]+\?created=1$' "goes to the new task's form"
tf=${loc#/o/1/tasks/}
tf=${tf%%\?*}
api GET "$T/$tf"
assert_json .title "Handynummer veraltet"
assert_json .entity finding
assert_json .entity_id "$f"
assert_json .finding_id "$f"
assert_json .step 5
assert_json .due_date 2099-01-31
web w GET "$loc"
assert_contains "$BODY" 'class="notice ok"' "created notice"
web w GET "/o/1/findings/$f"
assert_contains "$BODY" "href=\"/o/1/tasks/$tf\"" "the finding links to its task"

# ---- one click from a Plan-Check gap
api POST "$O/risks" '{"title": "Brand im Lager", "category": "environment", "likelihood": 2, "impact": 4}'
risk=$(json .id)
web w GET /o/1/check
assert_contains "$BODY" 'action="/o/1/tasks/from-gap"' "gaps offer Create as task"
refresh_csrf w
form_csrf w /o/1/tasks/from-gap "kind=risk_without_owner" "link=risks/$risk"
assert_status 303
loc=$(location_path)
tg=${loc#/o/1/tasks/}
tg=${tg%%\?*}
api GET "$T/$tg"
assert_json .entity risk
assert_json .entity_id "$risk"
assert_json .step 1
assert_contains "$(json .title)" "Brand im Lager" "title from the gap"
form_csrf w /o/1/tasks/from-gap "kind=risk_without_owner" "link=risks/999"
assert_status 404

# ---- the tasks of a system on its page
web w GET "/o/1/systems/$sys"
assert_contains "$BODY" 'id="h-item-tasks"' "system page lists its tasks"
assert_contains "$BODY" "href=\"/o/1/tasks/$t_over\""
assert_contains "$BODY" "href=\"/o/1/tasks/new?entity=system&amp;entity_id=$sys\"" "add a task for the system"
web w GET "/o/1/tasks/new?entity=system&entity_id=$sys"
assert_eq system "$(html_input entity)" "prefilled link"
assert_eq "$sys" "$(html_input entity_id)"

# ---- readers read only
web lea GET "/o/1/tasks/$t_edith"
assert_status 200
assert_contains "$BODY" 'class="notice ok"' "read-only notice"
assert_not_contains "$BODY" "/o/1/tasks/$t_edith/delete" "no delete for readers"
web lea GET /o/1/check
assert_not_contains "$BODY" 'action="/o/1/tasks/from-gap"' "no one-click for readers"
refresh_csrf lea
form_csrf lea "/o/1/tasks/$t_edith" "version=1" "title=Leser" "status=open"
assert_status 403
form_csrf lea "/o/1/findings/$f/task"
assert_status 403

# ---- valid HTML (tidy) of every task page
if command -v tidy >/dev/null; then
	for p in /o/1/ /o/1/tasks /o/1/tasks/mine '/o/1/tasks?filter=overdue' /o/1/tasks/new "/o/1/tasks/$t_over" \
		"/o/1/tasks/$t_over/delete" "/o/1/findings/$f" /o/1/check "/o/1/systems/$sys"; do
		web w GET "$p"
		out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
		assert_eq "" "$out" "valid HTML: $p"
	done
	refresh_csrf w
	form_csrf w /o/1/tasks/new "title=" "due_date=kaputt"
	assert_status 422
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	assert_eq "" "$out" "valid HTML: form with errors"
fi

kf_done
