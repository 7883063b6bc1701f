#!/usr/bin/env bash
# Pages of the backup register (step 3): the register with its badges, the
# backup form (system checkboxes, frequency presets and "other", copy rows,
# every bad field beside its input, input kept, stale edit, delete with
# confirmation), the backup page with its checks and restore tests and their
# forms (future date refused), escaping, valid HTML, readers and isolation.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact anna '{"name": "Anna <b>Aktiv</b>"}'
kf_user_add bea@example.org "Bea Bearbeiterin" editor
login bea bea@example.org "$PW" || kf_die "login bea"
web_login w "$ADMIN_EMAIL" "$PW"
api POST "$O/systems" '{"name": "Warenwirtschaft <ERP>", "type": "application", "rto_hours": 4, "rpo_hours": 12}'
erp=$(json .id)
api POST "$O/systems" '{"name": "Dateiserver", "type": "fileserver"}'
fs=$(json .id)
past=$(date -u -d '-5 days' +%Y-%m-%d)
tomorrow=$(date -u -d '+1 day' +%Y-%m-%d)
today=$(today_utc)
de() { date -u -d "$1" +%d.%m.%Y; }

# ---- the empty register
web w GET /o/1/backups
assert_status 200
assert_contains "$BODY" 'class="purpose"' "one sentence what the page is for"
assert_contains "$BODY" 'class="empty"' "empty register explained"
assert_contains "$BODY" 'href="/o/1/backups/new"' "add button"
assert_match "$BODY" 'class="step-label">[^<]*3' "page belongs to step 3"

# ---- the form
web w GET /o/1/backups/new
assert_status 200
for f in title system method frequency frequency_hours copy_kind_0 copy_media_0 copy_kind_2 copy_media_2 retention_days encrypted responsible_contact_id notes; do
	html_input "$f" name >/dev/null && _kf_pass || fail "backup form has no field '$f'"
done
assert_eq 24 "$(html_input frequency)" "daily is preselected"
assert_contains "$BODY" "id=\"system-$erp\"" "systems as checkboxes"
assert_contains "$BODY" 'Warenwirtschaft &lt;ERP&gt;' "system names escaped"
assert_not_contains "$BODY" "<b>Aktiv</b>" "contact names escaped"
refresh_csrf w
# every bad field beside its input, input kept, nothing stored
form_csrf w /o/1/backups/new "title=" "system=$erp" "frequency=custom" "frequency_hours=9999" \
	"copy_kind_0=tape" "copy_media_0=Band im Schrank" "retention_days=0" "notes=Meine Notiz"
assert_status 422
assert_body_contains 'id="error-summary"'
for f in title frequency_hours copy_kind_0 retention_days; do
	assert_body_contains "id=\"err-$f\""
done
assert_contains "$(html_tag frequency_hours)" 'aria-invalid="true"' "frequency marked invalid"
assert_eq "Meine Notiz" "$(html_input notes)" "notes kept"
assert_eq "9999" "$(html_input frequency_hours)" "typed hours kept"
assert_eq custom "$(html_input frequency)" "frequency choice kept"
assert_eq "0" "$(html_input retention_days)" "typed retention kept"
assert_eq "Band im Schrank" "$(html_input copy_media_0)" "copy kept"
assert_contains "$BODY" "id=\"system-$erp\" value=\"$erp\" checked" "chosen system kept"
api GET "$O/backups"
assert_json 'length' 0

form_csrf w /o/1/backups/new "title=<script>alert(1)</script> ERP" "system=$erp" "method=Veeam & Co" "frequency=24" \
	"copy_kind_0=onsite" "copy_media_0=NAS <Keller>" "copy_kind_1=offline" "copy_media_1=USB im Tresor" \
	"copy_kind_2=cloud" "copy_media_2=" "retention_days=30" "encrypted=1" "responsible_contact_id=$anna"
assert_status 303
b1=$(location_path)
b1=${b1##*/}
assert_match "$b1" '^[0-9]+$' "redirect to the backup page"
api GET "$O/backups/$b1"
assert_json .title "<script>alert(1)</script> ERP"
assert_json .frequency_hours 24
assert_json '.copies | length' 2
assert_json .encrypted true
assert_json .retention_days 30
form_csrf w /o/1/backups/new "title=Mails" "frequency=custom" "frequency_hours=12" \
	"copy_kind_0=onsite" "copy_media_0=A" "copy_kind_1=onsite" "copy_media_1=B" "copy_kind_2=cloud" "copy_media_2=C"
assert_status 303
api GET "$O/backups"
b2=$(json '.[] | select(.title == "Mails") | .id')
assert_json '.[] | select(.title == "Mails") | .frequency_hours' 12

# ---- the register: badges with words
web w GET /o/1/backups
assert_status 200
assert_not_contains "$BODY" "<script>alert" "titles escaped"
assert_not_contains "$BODY" "NAS <Keller>" "media escaped"
assert_contains "$BODY" "href=\"/o/1/backups/$b1\"" "backup linked"
txt=$(html_text)
assert_contains "$txt" "Warenwirtschaft <ERP>" "covered system named"
assert_contains "$txt" "USB im Tresor" "copies listed"
assert_contains "$BODY" 'data-state="never_tested"' "never tested"
assert_contains "$BODY" 'data-rpo="gap"' "RPO gap: daily, but 12 h allowed"
assert_contains "$BODY" 'data-rto="not_measured"' "RTO not measured yet"
assert_contains "$BODY" '<span class="badge gap">' "gap badges"
assert_contains "$BODY" '<span class="badge ok">' "ok badge (3-2-1 of the mails)"
assert_match "$(html_id_text backup-summary)" '2 / 2' "summary counts backups with gaps"

# ---- the backup page: checks and restore tests
web w GET "/o/1/backups/$b1"
assert_status 200
assert_contains "$BODY" "&lt;script&gt;alert(1)&lt;/script&gt; ERP" "escaped title shown"
assert_contains "$BODY" "href=\"/o/1/systems/$erp\"" "covered system linked"
assert_contains "$BODY" 'data-gap="too_few_copies"' "3-2-1 gap listed"
assert_contains "$BODY" 'data-gap="never_tested"' "never tested listed"
assert_contains "$BODY" 'data-gap="backup_too_rare"' "RPO gap listed"
assert_contains "$(html_id_text backup-gaps)" "Warenwirtschaft <ERP>" "the gap names the system"
assert_contains "$BODY" "href=\"/o/1/backups/$b1/restore-tests/new\"" "record test"
assert_contains "$BODY" "href=\"/o/1/backups/$b1/edit\"" "edit link"

# ---- restore tests through the forms
web w GET "/o/1/backups/$b1/restore-tests/new"
assert_status 200
assert_eq "$today" "$(html_input date)" "date defaults to today"
for f in date result duration_minutes tested_by_contact_id notes; do
	html_input "$f" name >/dev/null && _kf_pass || fail "restore test form has no field '$f'"
done
refresh_csrf w
form_csrf w "/o/1/backups/$b1/restore-tests/new" "date=$tomorrow" "result=gut" "duration_minutes=lang" "notes=Mein Test"
assert_status 422
for f in date result duration_minutes; do assert_body_contains "id=\"err-$f\""; done
assert_eq "Mein Test" "$(html_input notes)" "notes kept"
assert_eq "lang" "$(html_input duration_minutes)" "typed duration kept"
assert_eq "$tomorrow" "$(html_input date)" "date kept"
form_csrf w "/o/1/backups/$b1/restore-tests/new" "date=$past" "result=success" "duration_minutes=360" \
	"tested_by_contact_id=$anna" "notes=Alles <da>"
assert_redirect 303 "/o/1/backups/$b1"
api GET "$O/backups/$b1/restore-tests"
t1=$(json '.[0].id')
assert_json '.[0].notes' "Alles <da>"
web w GET "/o/1/backups/$b1"
assert_contains "$BODY" "href=\"/o/1/restore-tests/$t1\"" "test listed"
assert_contains "$BODY" "Alles &lt;da&gt;" "notes escaped"
assert_contains "$(html_text)" "$(de "$past")" "test date in German format"
assert_contains "$BODY" 'data-gap="restore_too_slow"' "the restore took 6 h, the RTO is 4 h"
assert_not_contains "$BODY" 'data-gap="never_tested"' "tested now"
assert_contains "$(html_id_text backup-gaps)" "6" "the gap says how long the restore took"
# edit the test, then a stale edit
web w GET "/o/1/restore-tests/$t1"
assert_status 200
assert_eq 1 "$(html_input version)" "test version"
assert_eq success "$(html_input result)" "result selected"
assert_eq "$anna" "$(html_input tested_by_contact_id)" "tester selected"
assert_eq 360 "$(html_input duration_minutes)" "duration shown"
refresh_csrf w
form_csrf w "/o/1/restore-tests/$t1" "version=1" "date=$past" "result=success" "duration_minutes=200"
assert_redirect 303 "/o/1/backups/$b1"
web w GET "/o/1/backups/$b1"
assert_contains "$BODY" 'data-rto="ok"' "RTO met after the faster restore"
api_as bea PATCH "$O/restore-tests/$t1" '{"notes": "Von Bea"}' -H "$(im 2)"
snapshot t1 "$O/restore-tests/$t1"
form_csrf w "/o/1/restore-tests/$t1" "version=2" "date=$past" "result=failed" "notes=Von Admin"
assert_status 409
assert_contains "$(html_text)" "Von Bea" "saved notes shown"
assert_eq "Von Admin" "$(html_input notes)" "own input kept"
assert_unchanged t1
# delete the test through its confirmation
web w GET "/o/1/restore-tests/$t1/delete"
assert_status 200
assert_contains "$(html_text)" "$(de "$past")" "confirmation names the test by its date"
refresh_csrf w
form_csrf w "/o/1/restore-tests/$t1/delete" "version=3"
assert_redirect 303 "/o/1/backups/$b1"
api GET "$O/restore-tests/$t1"
assert_error 404 not_found

# ---- edit the backup: values shown, stale edit, delete
web w GET "/o/1/backups/$b1/edit"
assert_status 200
assert_eq 24 "$(html_input frequency)" "daily selected"
assert_eq "" "$(html_input frequency_hours)" "no custom hours"
assert_eq offline "$(html_input copy_kind_1)" "copy kind selected"
assert_eq "USB im Tresor" "$(html_input copy_media_1)" "copy media shown"
assert_eq "" "$(html_input copy_media_2)" "an empty row to add a copy"
assert_contains "$(html_tag encrypted)" "checked" "encrypted checked"
web w GET "/o/1/backups/$b2/edit"
assert_eq custom "$(html_input frequency)" "other selected for 12 h"
assert_eq 12 "$(html_input frequency_hours)" "12 hours shown"
refresh_csrf w
form_csrf w "/o/1/backups/$b1/edit" "version=1" "title=ERP" "system=$erp" "system=$fs" "frequency=1" \
	"copy_kind_0=onsite" "copy_media_0=NAS" "copy_kind_1=cloud" "copy_media_1=Cloud"
assert_redirect 303 "/o/1/backups/$b1"
api GET "$O/backups/$b1"
assert_json .version 2
assert_json .frequency_hours 1
assert_json '.system_ids | length' 2
assert_json .encrypted false
assert_json .responsible_contact_id null
api_as bea PATCH "$O/backups/$b1" '{"title": "ERP (Bea)"}' -H "$(im 2)"
snapshot b1 "$O/backups/$b1"
form_csrf w "/o/1/backups/$b1/edit" "version=2" "title=ERP (Admin)" "frequency=24"
assert_status 409
assert_body_contains 'class="notice warn"'
assert_contains "$(html_text)" "ERP (Bea)" "saved title shown"
assert_eq 3 "$(html_input version)" "saved version in the form"
assert_eq "ERP (Admin)" "$(html_input title)" "own input kept"
assert_unchanged b1
web w GET "/o/1/backups/$b1/delete"
assert_status 200
assert_contains "$(html_text)" "ERP (Bea)" "confirmation names the backup"
refresh_csrf w
form_csrf w "/o/1/backups/$b1/delete" "version=2"
assert_status 409
assert_unchanged b1

# ---- valid HTML (tidy), with data that needs escaping
if command -v tidy >/dev/null; then
	tidy_ok() {
		local out
		out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
		if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
	}
	api POST "$O/backups/$b1/restore-tests" "{\"date\": \"$past\", \"result\": \"partial\", \"notes\": \"<&>\"}"
	t2=$(json .id)
	for p in /o/1/backups /o/1/backups/new "/o/1/backups/$b1" "/o/1/backups/$b1/edit" "/o/1/backups/$b1/delete" \
		"/o/1/backups/$b1/restore-tests/new" "/o/1/restore-tests/$t2" "/o/1/restore-tests/$t2/delete"; do
		web w GET "$p"
		tidy_ok "$p"
	done
	refresh_csrf w
	form_csrf w /o/1/backups/new "title=" "frequency=custom" "system=x" "copy_kind_0=x" "copy_media_0=y"
	assert_status 422
	tidy_ok "backup form with errors"
	form_csrf w "/o/1/backups/$b1/restore-tests/new" "date=x" "result=y"
	assert_status 422
	tidy_ok "restore test form with errors"
fi

# ---- readers read, without forms to write
kf_user_add leser@example.org "Lea Leser" reader
web_login rw leser@example.org "$PW"
web rw GET /o/1/backups
assert_status 200
assert_not_contains "$BODY" 'href="/o/1/backups/new"' "no add button for readers"
web rw GET "/o/1/backups/$b1"
assert_status 200
assert_not_contains "$BODY" "/o/1/backups/$b1/delete" "no delete link for readers"
assert_not_contains "$BODY" "/restore-tests/new" "no record button for readers"
web rw GET "/o/1/backups/$b1/edit"
assert_status 200
assert_contains "$(html_tag title)" "readonly" "read-only form for readers"
web rw GET /o/1/backups/new
assert_status 403
web rw GET "/o/1/backups/$b1/restore-tests/new"
assert_status 403

# ---- isolation
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
login other other@example.org "$PW"
api_as other POST /api/v1/orgs/2/backups '{"title": "Geheime Sicherung", "frequency_hours": 24}'
foreign=$(json .id)
api_as other POST "/api/v1/orgs/2/backups/$foreign/restore-tests" "{\"date\": \"$past\", \"result\": \"success\"}"
foreign_t=$(json .id)
api_as other POST /api/v1/orgs/2/systems '{"name": "Fremdsystem", "type": "server"}'
foreign_sys=$(json .id)
for p in "/o/1/backups/$foreign" "/o/1/backups/$foreign/edit" "/o/1/backups/$foreign/delete" \
	"/o/1/restore-tests/$foreign_t" "/o/1/backups/$foreign/restore-tests/new" "/o/2/backups"; do
	web w GET "$p"
	assert_status 404
done
web w GET /o/1/backups
refresh_csrf w
form_csrf w "/o/1/backups/$foreign/restore-tests/new" "date=$past" "result=success"
assert_status 404
form_csrf w "/o/1/restore-tests/$foreign_t" "version=1" "date=$past" "result=failed"
assert_status 404
form_csrf w /o/1/backups/new "title=Mit fremdem System" "frequency=24" "system=$foreign_sys"
assert_status 422
assert_body_contains 'id="err-system_ids"'
web w GET /o/1/backups
assert_not_contains "$BODY" "Geheime Sicherung" "other organisation's backup not listed"

kf_stop
kf_done
