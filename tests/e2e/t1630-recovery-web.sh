#!/usr/bin/env bash
# Pages of step 3: the overview with the recovery order as one checklist, links to backups,
# runbooks and workarounds, the override form (reason required, stale edit, refused override shown);
# runbook pages (view with Markdown rendered safely, form with step rows, errors beside the fields
# with input kept, stale edit, delete); workaround pages; the start-page card; readers; valid HTML.
. "$(dirname "$0")/lib.sh"

kf_setup
new_role tech '{"name": "Technik"}'
web_login w "$ADMIN_EMAIL" "$PW"

tidy_ok() {
	local out
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
}
# (texts are checked in English: the German ones arrive when po/de-runbooks.txt is merged into de.po)
EN=(-H 'Accept-Language: en')

# ---- empty: step 3 is live in the navigation and on the start page
web w GET /o/1/ "${EN[@]}"
assert_status 200
assert_contains "$BODY" 'href="/o/1/recovery"' "navigation links step 3"
assert_contains "$(html_text)" "IT systems with a runbook: 0 of 0" "start-page card"
assert_contains "$BODY" 'href="/o/1/systems"' "card leads to the systems first"
tidy_ok "start page"
for p in /o/1/recovery /o/1/runbooks /o/1/workarounds /o/1/runbooks/new /o/1/workarounds/new; do
	web w GET "$p"
	assert_status 200
	tidy_ok "empty $p"
done

# ---- data: power <- server <- ERP (<script> in a name), a process
api POST "$O/systems" '{"name": "Stromversorgung", "type": "power"}'
strom=$(json .id)
api POST "$O/systems" "{\"name\": \"Server\", \"type\": \"server\", \"depends_on_ids\": [$strom]}"
server=$(json .id)
api POST "$O/systems" "{\"name\": \"ERP <script>x</script>\", \"type\": \"application\", \"depends_on_ids\": [$server]}"
erp=$(json .id)
api POST "$O/processes" "{\"name\": \"Auftragsannahme\", \"cost_per_hour\": 100, \"rto_hours\": 2, \"system_ids\": [$erp]}"
proc=$(json .id)

# ---- overview: one numbered checklist in recovery order
web w GET /o/1/recovery "${EN[@]}"
assert_status 200
assert_contains "$BODY" '<ol class="recovery-order">' "the order as one list"
assert_contains "$(html_text)" "Stromversorgung – Target: back within 2 h – Gap Write runbook" "first entry"
assert_match "$(html_text)" "Stromversorgung.*Server.*ERP <script>x</script>" "order follows the dependencies"
assert_not_contains "$BODY" "<script>x" "names escaped"
assert_contains "$BODY" 'href="/o/1/backups"' "links the backup register"
assert_contains "$BODY" 'href="/o/1/runbooks"' "links the runbooks"
assert_contains "$BODY" 'href="/o/1/workarounds"' "links the workarounds"
assert_contains "$BODY" "href=\"/o/1/runbooks/new?system=$strom\"" "links a new runbook"
assert_contains "$BODY" 'class="purpose"' "says what the step is for"
tidy_ok "overview"

# ---- runbook form: errors beside the fields, input kept
web w GET "/o/1/runbooks/new?system=$server"
assert_status 200
assert_eq "$server" "$(html_input system_id)" "system chosen from the link"
tidy_ok "new runbook form"
form_csrf w /o/1/runbooks/new "system_id=" "responsible_role_id=$tech" "expected_duration_minutes=viel" \
	"prerequisites=Schlüssel <b>holen</b>" "step_text=" "step_minutes=5" "step_text=Zweiter Schritt" "step_minutes=" \
	"step_text=" "step_minutes=" "checks=Anmelden"
assert_status 422
assert_contains "$BODY" 'id="err-system_id"' "error beside the system"
assert_contains "$BODY" 'id="err-expected_duration_minutes"' "error beside the duration"
assert_contains "$BODY" 'id="err-steps[0].text"' "error beside the empty step"
assert_contains "$BODY" 'aria-invalid="true"' "marked invalid"
assert_eq "Schlüssel <b>holen</b>" "$(html_input prerequisites)" "input kept"
assert_eq "viel" "$(html_input expected_duration_minutes)" "bad input kept"
assert_contains "$BODY" "Zweiter Schritt" "steps kept"
tidy_ok "runbook form with errors"
assert_eq 0 "$(db_sql 'SELECT count(*) FROM runbook')" "nothing stored"

# ---- create: steps in order, Markdown rendered safely
form_csrf w /o/1/runbooks/new "system_id=$server" "responsible_role_id=$tech" "expected_duration_minutes=90" \
	"prerequisites=Schlüssel aus dem **Tresor** <script>alert(1)</script>" \
	"step_text=Server einschalten" "step_minutes=5" "step_text=" "step_minutes=" \
	"step_text=[Handbuch](https://example.org/hb) und [böse](javascript:alert(2))" "step_minutes=10" \
	"checks=Anmeldung klappt"
assert_status 303
rb=$(db_sql "SELECT id FROM runbook WHERE system_id = $server")
assert_redirect 303 "/o/1/runbooks/$rb?saved=1"
web w GET "/o/1/runbooks/$rb" "${EN[@]}"
assert_status 200
assert_contains "$BODY" "<strong>Tresor</strong>" "Markdown rendered"
assert_contains "$BODY" "&lt;script&gt;alert(1)&lt;/script&gt;" "raw HTML escaped"
assert_not_contains "$BODY" "<script>alert" "no script"
assert_not_contains "$BODY" "javascript:" "no javascript: link"
assert_contains "$BODY" '<a href="https://example.org/hb" rel="noopener noreferrer">Handbuch</a> und böse' "allowed link kept, other one text"
assert_contains "$(html_text)" "Place in the recovery order 2" "place shown"
assert_contains "$(html_text)" "Technik" "role shown"
assert_contains "$(html_text)" "1 h 30 min" "duration shown"
assert_match "$(html_text)" "Server einschalten about 5 min .*Handbuch und böse about 10 min" "steps in order, empty row left out"
tidy_ok "runbook view"
api GET "$O/runbooks/$rb"
assert_json '.steps | length' 2
# one per system: the form offers only systems without a runbook
web w GET /o/1/runbooks/new
assert_not_contains "$BODY" "<option value=\"$server\"" "system with a runbook not offered"
form_csrf w /o/1/runbooks/new "system_id=$server" "step_text=x" "step_minutes="
assert_status 422
assert_contains "$BODY" 'id="err-system_id"' "second runbook refused beside the field"
tidy_ok "second runbook refused"

# ---- edit, stale edit, list, delete
web w GET "/o/1/runbooks/$rb/edit"
assert_status 200
assert_eq 1 "$(html_input version)" "version in the form"
assert_eq "Server einschalten" "$(html_input step_text)" "first step in its row"
tidy_ok "runbook edit"
form_csrf w "/o/1/runbooks/$rb/edit" "version=1" "system_id=$server" "step_text=Nur noch ein Schritt" "step_minutes=3"
assert_redirect 303 "/o/1/runbooks/$rb?saved=1"
form_csrf w "/o/1/runbooks/$rb/edit" "version=1" "system_id=$server" "step_text=Veraltet" "step_minutes="
assert_status 409
assert_contains "$BODY" "notice warn" "stale edit warned"
assert_contains "$BODY" "Veraltet" "input kept on a stale edit"
assert_eq 2 "$(html_input version)" "form carries the newer version"
tidy_ok "stale runbook edit"
web w GET /o/1/runbooks "${EN[@]}"
assert_status 200
assert_contains "$(html_text)" "IT systems with a runbook: 1 of 3" "list counts"
assert_contains "$BODY" "href=\"/o/1/runbooks/$rb\"" "list links the runbook"
tidy_ok "runbook list"
web w GET "/o/1/runbooks/$rb/delete"
assert_status 200
tidy_ok "delete confirmation"
form_csrf w "/o/1/runbooks/$rb/delete" "version=1"
assert_status 409
tidy_ok "stale delete"
form_csrf w "/o/1/runbooks/$rb/delete" "version=2"
assert_redirect 303 /o/1/runbooks
web w GET "/o/1/runbooks/$rb"
assert_status 404
tidy_ok "runbook gone"

# ---- overrides: reason required beside the field, then applied; a refused one shown as a warning
web w GET /o/1/recovery
form_csrf w /o/1/recovery/overrides "version=0" "position-$server=1" "reason-$server=" "position-$erp=" "reason-$erp="
assert_status 422
assert_contains "$BODY" "id=\"err-reason-$server\"" "reason required beside the field"
assert_eq 1 "$(html_input "position-$server")" "place kept"
tidy_ok "override form with errors"
form_csrf w /o/1/recovery/overrides "version=0" "position-$server=1" "reason-$server=Chef will den Server zuerst"
assert_redirect 303 "/o/1/recovery?saved=1#h-order"
web w GET /o/1/recovery "${EN[@]}"
assert_contains "$BODY" "notice warn" "refused override warned"
assert_contains "$(html_text)" "Server – place 1: It would come before “Stromversorgung”, which it needs." "warning names the reason"
assert_eq "Chef will den Server zuerst" "$(html_input "reason-$server")" "override in the form"
tidy_ok "overview with a warning"
form_csrf w /o/1/recovery/overrides "version=1" "position-$erp=3" "reason-$erp=Zuletzt, weil <b>egal</b>"
assert_status 303
web w GET /o/1/recovery "${EN[@]}"
assert_not_contains "$BODY" "notice warn" "no warning"
assert_contains "$(html_text)" "Place fixed by the team: Zuletzt, weil <b>egal</b>" "reason shown"
assert_not_contains "$BODY" "<b>egal" "reason escaped"
# stale: the other version wins, input kept
form_csrf w /o/1/recovery/overrides "version=1" "position-$strom=1" "reason-$strom=Strom zuerst"
assert_status 409
assert_eq "Strom zuerst" "$(html_input "reason-$strom")" "input kept on a stale save"
assert_eq 2 "$(html_input version)" "form carries the newer version"
tidy_ok "stale override form"

# ---- workarounds: form errors, create, list by process, edit, delete
web w GET "/o/1/workarounds/new?process=$proc"
assert_eq "$proc" "$(html_input process_id)" "process chosen from the link"
form_csrf w /o/1/workarounds/new "process_id=$proc" "title=" "procedure=" "sustainable_hours=-1"
assert_status 422
assert_contains "$BODY" 'id="err-title"' "error beside the title"
assert_contains "$BODY" 'id="err-procedure"' "error beside the procedure"
assert_contains "$BODY" 'id="err-sustainable_hours"' "error beside the hours"
tidy_ok "workaround form with errors"
form_csrf w /o/1/workarounds/new "process_id=$proc" "title=Aufträge auf Papier" \
	"procedure=1. Formular nehmen <script>alert(3)</script>" "preparation=Formulare *drucken*" "sustainable_hours=48"
assert_status 303
wid=$(db_sql "SELECT id FROM workaround")
assert_redirect 303 "/o/1/workarounds#workaround-$wid"
web w GET /o/1/workarounds "${EN[@]}"
assert_status 200
assert_contains "$(html_text)" "Business processes with a workaround: 1 of 1" "counts"
assert_contains "$BODY" "<em>drucken</em>" "Markdown rendered"
assert_not_contains "$BODY" "<script>alert" "escaped"
tidy_ok "workaround list"
web w GET "/o/1/workarounds/$wid"
assert_status 200
tidy_ok "workaround edit"
form_csrf w "/o/1/workarounds/$wid" "version=1" "process_id=$proc" "title=Aufträge auf Papier" "procedure=Neu"
assert_status 303
form_csrf w "/o/1/workarounds/$wid" "version=1" "process_id=$proc" "title=Veraltet" "procedure=x"
assert_status 409
assert_eq "Veraltet" "$(html_input title)" "input kept"
tidy_ok "stale workaround edit"
web w GET "/o/1/workarounds/$wid/delete"
tidy_ok "workaround delete confirmation"
form_csrf w "/o/1/workarounds/$wid/delete" "version=2"
assert_redirect 303 /o/1/workarounds

# ---- the start-page card names the next runbook to write
web w GET /o/1/ "${EN[@]}"
assert_contains "$(html_text)" "IT systems with a runbook: 0 of 3 · Workarounds: 0" "card counts"
assert_contains "$(html_text)" "Write the runbook for Stromversorgung" "next action"
tidy_ok "start page with step 3"

# ---- readers see everything, change nothing
kf_user_add rita@example.org "Rita Leserin" reader
web_login r rita@example.org "$PW"
web r GET /o/1/recovery
assert_status 200
assert_not_contains "$BODY" "Write runbook" "no write link for readers"
assert_contains "$BODY" "readonly" "override form read-only"
tidy_ok "overview for readers"
web r GET /o/1/runbooks/new
assert_status 403
form_csrf r /o/1/recovery/overrides "version=2"
assert_status 403

kf_stop
kf_done
