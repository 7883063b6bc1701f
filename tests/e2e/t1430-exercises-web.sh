#!/usr/bin/env bash
# Pages of step 5: the overview (review status with overdue badge, review
# form, list order), the start-page card, exercise forms (checkbox lists,
# every bad field beside its input, stale edit, delete with confirmation and
# the block while findings are open), the exercise page with its findings
# and their forms, escaping, valid HTML, readers and isolation.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact anna '{"name": "Anna <b>Aktiv</b>"}'
new_contact bernd '{"name": "Bernd & Co"}'
kf_user_add bea@example.org "Bea Bearbeiterin" editor
login bea bea@example.org "$PW" || kf_die "login bea"
web_login w "$ADMIN_EMAIL" "$PW"
past=$(date -u -d '-20 days' +%Y-%m-%d)
future=$(date -u -d '+30 days' +%Y-%m-%d)
later=$(date -u -d '+60 days' +%Y-%m-%d)
today=$(today_utc)
de() { date -u -d "$1" +%d.%m.%Y; }

# ---- start page: step 5 is live and offers the first exercise
web w GET /o/1/
assert_status 200
assert_contains "$BODY" 'href="/o/1/exercises"' "step 5 in the navigation"
assert_contains "$BODY" 'href="/o/1/exercises/new"' "start page: plan the first exercise"
assert_contains "$BODY" 'id="review-status" data-state="none"' "review status on the card"

# ---- overview before anything exists
web w GET /o/1/exercises
assert_status 200
assert_contains "$BODY" 'class="purpose"' "one sentence what the step is for"
assert_contains "$BODY" 'class="empty"' "empty list explained"
assert_contains "$BODY" 'data-state="none"' "no review yet"
assert_match "$(html_id_text review-status)" '.+' "review status in words"
assert_eq 0 "$(html_input version)" "review form starts at version 0"
assert_eq "$today" "$(html_input last_review_date)" "review date defaults to today"
assert_eq 12 "$(html_input review_interval_months)" "interval defaults to 12"

# ---- record a review: an old one is overdue
refresh_csrf w
form_csrf w /o/1/exercises/review "version=0" "last_review_date=2024-03-31" "review_interval_months=11" \
	"reviewer_contact_id=$anna" "notes=Durchgesehen <i>ok</i>"
assert_redirect 303 "/o/1/exercises?reviewed=1"
api GET "$O/review"
assert_json .version 1
assert_json .next_review_date 2025-02-28
web w GET "/o/1/exercises?reviewed=1"
assert_body_contains 'class="notice ok"'
status_line=$(html_id_text review-status)
assert_contains "$status_line" "31.03.2024" "last review in German date format"
assert_contains "$status_line" "28.02.2025" "next review, month end clamped"
assert_contains "$BODY" 'data-state="overdue"' "overdue"
assert_match "$BODY" 'data-state="overdue">[^<]*<span class="badge gap">' "overdue badge in the status line"
assert_contains "$(html_text)" "Anna <b>Aktiv</b>" "reviewer shown as text"
assert_not_contains "$BODY" "<b>Aktiv</b>" "reviewer escaped"
# errors beside the field, input kept, nothing stored
snapshot review "$O/review"
form_csrf w /o/1/exercises/review "version=1" "last_review_date=$future" "review_interval_months=40" "notes=Mein Text"
assert_status 422
assert_body_contains 'id="error-summary"'
assert_body_contains 'id="err-last_review_date"'
assert_body_contains 'id="err-review_interval_months"'
assert_contains "$(html_tag last_review_date)" 'aria-invalid="true"' "date marked invalid"
assert_eq "$future" "$(html_input last_review_date)" "date input kept"
assert_eq "Mein Text" "$(html_input notes)" "notes kept"
assert_contains "$BODY" '<details class="review-form" open>' "the form stays open on errors"
form_csrf w /o/1/exercises/review "version=1" "last_review_date=" "review_interval_months=12"
assert_status 422
assert_body_contains 'id="err-last_review_date"'
assert_unchanged review
# a stale review: 409 with the saved values
api PUT "$O/review" "{\"last_review_date\": \"$today\"}" -H "$(im 1)"
assert_status 200
snapshot review "$O/review"
form_csrf w /o/1/exercises/review "version=1" "last_review_date=$past" "review_interval_months=12"
assert_status 409
assert_body_contains 'class="notice warn"'
assert_body_contains 'class="saved"'
assert_eq 2 "$(html_input version)" "form carries the saved version"
assert_unchanged review
web w GET /o/1/exercises
assert_contains "$BODY" 'data-state="ok"' "reviewed today: not overdue"
assert_contains "$(html_id_text review-status)" "$(de "$today")" "today's review shown"

# ---- new exercise form
web w GET /o/1/exercises/new
assert_status 200
for f in title type date status scenario_risk_id goals participant observer went_well to_improve achieved_rto_hours achieved_rpo_hours duration_minutes; do
	html_input "$f" name >/dev/null && _kf_pass || fail "exercise form has no field '$f'"
done
assert_contains "$BODY" "id=\"f-participant-$anna\"" "participants as checkboxes"
assert_contains "$BODY" "id=\"f-observer-$bernd\"" "observers as checkboxes"
assert_contains "$BODY" 'value="full_drill"' "all kinds offered"
assert_not_contains "$BODY" "<b>Aktiv</b>" "contact names escaped in the form"
refresh_csrf w
# every bad field beside its input, input kept
form_csrf w /o/1/exercises/new "title=" "type=drill" "date=$future" "status=done" "participant=$anna" \
	"observer=$anna" "achieved_rto_hours=-3" "achieved_rpo_hours=x" "duration_minutes=99999" "goals=Meine Ziele"
assert_status 422
for f in title type status observer_ids achieved_rto_hours achieved_rpo_hours duration_minutes; do
	assert_body_contains "id=\"err-$f\""
done
assert_eq "Meine Ziele" "$(html_input goals)" "goals kept"
assert_eq "$future" "$(html_input date)" "date kept"
assert_contains "$BODY" "id=\"f-participant-$anna\" value=\"$anna\" checked" "participant kept"
form_csrf w /o/1/exercises/new "title=Ohne Datum" "type=tabletop" "date=" "status=planned"
assert_status 422
assert_body_contains 'id="err-date"'
api GET "$O/exercises"
assert_json 'length' 0

api POST "$O/risks" '{"title": "Ransomware <script>", "category": "cyber", "likelihood": 4, "impact": 5}'
risk=$(json .id)
web w GET /o/1/exercises/new
assert_contains "$BODY" "value=\"$risk\"" "risks offered as scenario"
refresh_csrf w
form_csrf w /o/1/exercises/new "title=<script>alert(1)</script> Planspiel" "type=tabletop" "date=$past" "status=done" \
	"scenario_risk_id=$risk" "participant=$anna" "observer=$bernd" "goals=Ziel" "went_well=Gut & schnell" \
	"to_improve=Liste fehlte" "achieved_rto_hours=5" "achieved_rpo_hours=" "duration_minutes=60"
assert_status 303
e1=$(location_path)
e1=${e1##*/}
assert_match "$e1" '^[0-9]+$' "redirect to the exercise page"
api GET "$O/exercises/$e1"
assert_json .title "<script>alert(1)</script> Planspiel"
assert_json .achieved_rto_hours 5
assert_json .achieved_rpo_hours null
assert_json '.participant_ids | map(tostring) | join(",")' "$anna"
api POST "$O/exercises" "{\"type\": \"alarm_test\", \"title\": \"Alarmtest spät\", \"date\": \"$later\"}"
e2=$(json .id)
api POST "$O/exercises" "{\"type\": \"restore_test\", \"title\": \"Rücksicherung bald\", \"date\": \"$future\"}"
e3=$(json .id)

# ---- the exercise page
web w GET "/o/1/exercises/$e1"
assert_status 200
assert_not_contains "$BODY" "<script>alert" "title escaped"
assert_contains "$BODY" "&lt;script&gt;alert(1)&lt;/script&gt; Planspiel" "escaped title shown"
assert_not_contains "$BODY" "Ransomware <script>" "scenario escaped"
assert_contains "$BODY" "href=\"/o/1/risks/$risk\"" "scenario links the risk"
txt=$(html_text)
assert_contains "$txt" "Anna <b>Aktiv</b>" "participant named"
assert_contains "$txt" "Bernd & Co" "observer named"
assert_contains "$txt" "Gut & schnell" "went well shown"
assert_contains "$txt" "$(de "$past")" "date in German format"
assert_contains "$BODY" "href=\"/o/1/exercises/$e1/findings/new\"" "add finding"
assert_contains "$BODY" "href=\"/o/1/exercises/$e1/edit\"" "edit link"

# ---- the overview: planned first (soonest first), then done
web w GET /o/1/exercises
order=$(grep -o 'href="/o/1/exercises/[0-9]*"' <<<"$BODY" | tr '\n' ' ')
assert_eq "href=\"/o/1/exercises/$e3\" href=\"/o/1/exercises/$e2\" href=\"/o/1/exercises/$e1\" " "$order" "list order"
assert_not_contains "$BODY" "<script>alert" "list escapes titles"

# ---- findings through the forms
web w GET "/o/1/exercises/$e1/findings/new"
assert_status 200
for f in title description severity status responsible_contact_id due_date; do
	html_input "$f" name >/dev/null && _kf_pass || fail "finding form has no field '$f'"
done
refresh_csrf w
form_csrf w "/o/1/exercises/$e1/findings/new" "title=" "severity=dringend" "due_date=morgen" "description=Text"
assert_status 422
for f in title severity due_date; do assert_body_contains "id=\"err-$f\""; done
assert_eq "Text" "$(html_input description)" "description kept"
form_csrf w "/o/1/exercises/$e1/findings/new" "title=Nummer <veraltet>" "severity=high" "status=open" \
	"responsible_contact_id=$bernd" "due_date=2020-01-01" "description=Anrufen"
assert_redirect 303 "/o/1/exercises/$e1"
api GET "$O/exercises/$e1/findings"
f1=$(json '.[0].id')
assert_json '.[0].title' "Nummer <veraltet>"
web w GET "/o/1/exercises/$e1"
assert_contains "$BODY" "href=\"/o/1/findings/$f1\"" "finding listed on the exercise page"
assert_contains "$BODY" "Nummer &lt;veraltet&gt;" "finding title escaped"
assert_contains "$(html_text)" "01.01.2020" "due date shown"
web w GET /o/1/exercises
assert_contains "$BODY" '<span class="badge gap">1</span>' "open findings counted in the list"
web w GET /o/1/
assert_contains "$(html_text)" "Offene Feststellungen: 1" "open findings on the start page"
# edit the finding, then a stale edit
web w GET "/o/1/findings/$f1"
assert_status 200
assert_eq 1 "$(html_input version)" "finding version"
assert_eq high "$(html_input severity)" "severity selected"
assert_eq "$bernd" "$(html_input responsible_contact_id)" "responsible selected"
refresh_csrf w
form_csrf w "/o/1/findings/$f1" "version=1" "title=Nummer veraltet" "severity=medium" "status=in_progress" \
	"responsible_contact_id=" "due_date="
assert_redirect 303 "/o/1/exercises/$e1"
api GET "$O/findings/$f1"
assert_json .version 2
assert_json .status in_progress
assert_json .due_date null
api_as bea PATCH "$O/findings/$f1" '{"title": "Von Bea"}' -H "$(im 2)"
snapshot finding "$O/findings/$f1"
form_csrf w "/o/1/findings/$f1" "version=2" "title=Von Admin" "severity=low"
assert_status 409
assert_contains "$(html_text)" "Von Bea" "saved title shown"
assert_eq "Von Admin" "$(html_input title)" "own input kept"
assert_unchanged finding

# ---- an exercise with open findings cannot be deleted
web w GET "/o/1/exercises/$e1/delete"
assert_status 200
assert_body_contains 'class="notice error"'
assert_not_contains "$BODY" 'class="danger"' "no delete button while findings are open"
refresh_csrf w
form_csrf w "/o/1/exercises/$e1/delete" "version=1"
assert_status 409
api GET "$O/exercises/$e1"
assert_status 200
# delete the finding through its confirmation
web w GET "/o/1/findings/$f1/delete"
assert_status 200
assert_contains "$(html_text)" "Von Bea" "confirmation names the finding"
refresh_csrf w
form_csrf w "/o/1/findings/$f1/delete" "version=3"
assert_redirect 303 "/o/1/exercises/$e1"
api GET "$O/findings/$f1"
assert_error 404 not_found

# ---- edit the exercise: values shown, stale edit, then delete
web w GET "/o/1/exercises/$e1/edit"
assert_status 200
assert_eq tabletop "$(html_input type)" "type selected"
assert_eq done "$(html_input status)" "status selected"
assert_eq "$risk" "$(html_input scenario_risk_id)" "scenario selected"
assert_eq 5 "$(html_input achieved_rto_hours)" "RTO shown"
assert_eq "" "$(html_input achieved_rpo_hours)" "RPO empty"
assert_contains "$BODY" "id=\"f-participant-$anna\" value=\"$anna\" checked" "participant checked"
assert_contains "$BODY" "id=\"f-observer-$bernd\" value=\"$bernd\" checked" "observer checked"
refresh_csrf w
form_csrf w "/o/1/exercises/$e1/edit" "version=1" "title=Planspiel" "type=tabletop" "date=$past" "status=done" \
	"participant=$anna" "participant=$bernd" "went_well=Gut"
assert_redirect 303 "/o/1/exercises/$e1"
api GET "$O/exercises/$e1"
assert_json .version 2
assert_json '.participant_ids | length' 2
assert_json '.observer_ids | length' 0
assert_json .scenario_risk_id null
api_as bea PATCH "$O/exercises/$e1" '{"title": "Planspiel (Bea)"}' -H "$(im 2)"
snapshot ex "$O/exercises/$e1"
form_csrf w "/o/1/exercises/$e1/edit" "version=2" "title=Planspiel (Admin)" "type=tabletop" "date=$past" "status=done"
assert_status 409
assert_contains "$(html_text)" "Planspiel (Bea)" "saved title shown"
assert_eq 3 "$(html_input version)" "saved version in the form"
assert_unchanged ex
web w GET "/o/1/exercises/$e1/delete"
assert_contains "$BODY" 'class="danger"' "delete button once no finding is open"
refresh_csrf w
form_csrf w "/o/1/exercises/$e1/delete" "version=2"
assert_status 409
assert_unchanged ex
form_csrf w "/o/1/exercises/$e1/delete" "version=3"
assert_redirect 303 /o/1/exercises
web w GET "/o/1/exercises/$e1"
assert_status 404

# ---- valid HTML (tidy), with data that needs escaping
if command -v tidy >/dev/null; then
	tidy_ok() {
		local out
		out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
		if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
	}
	api POST "$O/exercises/$e2/findings" '{"title": "Offen <&>", "severity": "low"}'
	f2=$(json .id)
	for p in /o/1/ /o/1/exercises /o/1/exercises/new "/o/1/exercises/$e2" "/o/1/exercises/$e2/edit" \
		"/o/1/exercises/$e2/delete" "/o/1/exercises/$e2/findings/new" "/o/1/findings/$f2" "/o/1/findings/$f2/delete"; do
		web w GET "$p"
		tidy_ok "$p"
	done
	refresh_csrf w
	form_csrf w /o/1/exercises/new "title=" "type=x" "observer=$anna" "participant=$anna"
	assert_status 422
	tidy_ok "exercise form with errors"
	form_csrf w /o/1/exercises/review "version=2" "last_review_date=x"
	assert_status 422
	tidy_ok "overview with review errors"
fi

# ---- readers read, without forms to write
kf_user_add leser@example.org "Lea Leser" reader
web_login rw leser@example.org "$PW"
web rw GET /o/1/exercises
assert_status 200
assert_not_contains "$BODY" 'href="/o/1/exercises/new"' "no plan button for readers"
assert_not_contains "$BODY" 'action="/o/1/exercises/review"' "no review form for readers"
web rw GET "/o/1/exercises/$e2"
assert_status 200
assert_not_contains "$BODY" "/o/1/exercises/$e2/delete" "no delete link for readers"
web rw GET "/o/1/exercises/$e2/edit"
assert_status 200
assert_contains "$(html_tag title)" "readonly" "read-only form for readers"
web rw GET /o/1/exercises/new
assert_status 403
web rw GET "/o/1/exercises/$e2/findings/new"
assert_status 403

# ---- isolation
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
login other other@example.org "$PW"
api_as other POST /api/v1/orgs/2/exercises "{\"type\": \"tabletop\", \"title\": \"Geheime Übung\", \"date\": \"$past\"}"
foreign=$(json .id)
api_as other POST "/api/v1/orgs/2/exercises/$foreign/findings" '{"title": "Geheim"}'
foreign_f=$(json .id)
for p in "/o/1/exercises/$foreign" "/o/1/exercises/$foreign/edit" "/o/1/exercises/$foreign/delete" \
	"/o/1/findings/$foreign_f" "/o/2/exercises"; do
	web w GET "$p"
	assert_status 404
done
web w GET /o/1/exercises
refresh_csrf w
form_csrf w "/o/1/exercises/$foreign/findings/new" "title=eingeschmuggelt"
assert_status 404
form_csrf w "/o/1/findings/$foreign_f" "version=1" "title=gekapert"
assert_status 404
web w GET /o/1/exercises
assert_not_contains "$BODY" "Geheime Übung" "other organisation's exercise not listed"

kf_stop
kf_done
