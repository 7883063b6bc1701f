#!/usr/bin/env bash
# Safe concurrent editing on every web form that handles a stale version: the 409 page shows, beside each
# field (or group: checkbox lists, phone rows, runbook steps, backup copies) whose saved value differs, the
# saved value with the choice "keep my input / take the saved value"; posting that page back like a
# browser with one "take saved" and one "keep mine" stores exactly that mix.
. "$(dirname "$0")/lib.sh"

# post_form NAME [field=value | -field]... — submit the edit form in BODY (the one with a "version" field)
#   like a browser: every successful control as shown, then field=value replaces all values of that field
#   (given twice: two values), -field drops it. Radios "_take:X" are chosen the same way: "_take:X=saved".
post_form() {
	local name=$1 action
	local -a fields=()
	shift
	mapfile -d '' fields < <(KF_FORM_BODY=$BODY "$KF_PY" -c '
import html.parser, os, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []; self.cur = None; self.mode = None; self.buf = ""; self.sel = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.cur = {"action": a.get("action", ""), "f": []}; self.forms.append(self.cur); return
        if self.cur is None: return
        if self.mode == "select" and tag == "option":
            v = a.get("value", "")
            if self.sel is None: self.sel = [v, False]
            if "selected" in a and not self.sel[1]: self.sel = [v, True]
            return
        n = a.get("name")
        if not n or "disabled" in a: return
        if tag == "input":
            t = a.get("type", "text")
            if t in ("checkbox", "radio") and "checked" not in a: return
            if t in ("submit", "button"): return
            self.cur["f"].append((n, a.get("value", "on" if t in ("checkbox", "radio") else "")))
        elif tag == "textarea": self.mode = "textarea"; self.buf = ""; self.name = n
        elif tag == "select": self.mode = "select"; self.sel = None; self.name = n
    def handle_data(self, d):
        if self.mode == "textarea": self.buf += d
    def handle_endtag(self, tag):
        if tag == "form": self.cur = None
        elif self.mode == "textarea" and tag == "textarea":
            b = self.buf[1:] if self.buf.startswith("\n") else self.buf
            self.cur["f"].append((self.name, b)); self.mode = None
        elif self.mode == "select" and tag == "select":
            if self.sel: self.cur["f"].append((self.name, self.sel[0]))
            self.mode = None
p = P(); p.feed(os.environ["KF_FORM_BODY"]); p.close()
form = next((f for f in p.forms if any(k == "version" for k, _ in f["f"])), None)
if form is None: sys.exit(1)
fields = form["f"]
over = {}
for arg in sys.argv[1:]:
    if arg.startswith("-"): over.setdefault(arg[1:], [])
    else:
        k, v = arg.split("=", 1); over.setdefault(k, []).append(v)
out = [(k, v) for k, v in fields if k not in over]
for k, vs in over.items(): out += [(k, v) for v in vs]
sys.stdout.write(form["action"] + "\0")
for k, v in out: sys.stdout.write(k + "=" + v + "\0")
' "$@") || { fail "post_form: no edit form in the page"; return 1; }
	action=${fields[0]}
	form "$name" "$action" "${fields[@]:1}"
}

# assert_choice NAME... — the 409 page offers the saved value of each field or group with the choice
assert_choice() {
	local n
	for n in "$@"; do
		assert_body_contains "id=\"saved-$n\""
		assert_body_contains "name=\"_take:$n\""
	done
}

# assert_no_choice NAME... — no saved block where nothing differs
assert_no_choice() {
	local n
	for n in "$@"; do assert_body_not_contains "id=\"saved-$n\""; done
}

# stale_post NAME PAGE [overrides]... — open PAGE (the edit form of version 1 already loaded in BODY is
#   used as is), post it with the overrides; expects 409 with the conflict notice
stale_post() {
	local name=$1
	shift
	post_form "$name" "$@"
	assert_status 409
	assert_body_contains 'role="alert"'
	assert_body_contains 'id="conflict"'
}

kf_setup
kf_user_add bea@example.org "Bea Bearbeiterin" editor
login bea bea@example.org "$PW" || kf_die "login bea"
web_login w "$ADMIN_EMAIL" "$PW"

# ---------------------------------------------------------------- contact: phone rows and "external"
note "contact"
new_contact c '{"name": "Erika", "company": "Alt GmbH", "phones": [{"kind": "mobile", "number": "0170 1111111"}]}'
web w GET "/o/1/contacts/$c"
edit=$BODY
api_as bea PATCH "$O/contacts/$c" '{"company": "Bea GmbH", "external": true, "phones": [{"kind": "office", "number": "0761 2222222"}]}' -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "company=Admin AG" "phone_number_0=0170 3333333"
assert_choice company phones external
assert_no_choice name
assert_match "$BODY" 'fieldset class="phones" aria-describedby="saved-phones"' "phone rows described by their saved block"
assert_eq "0170 3333333" "$(html_input phone_number_0)" "the input is kept"
post_form w "_take:phones=saved" "_take:company=mine"
assert_redirect 303 /o/1/team
api GET "$O/contacts/$c"
assert_json .version 3
assert_json .company "Admin AG"
assert_json '.phones | length' 1
assert_json '.phones[0].number' "0761 2222222"
assert_json '.phones[0].kind' office
assert_json .external false

# ---------------------------------------------------------------- alarm chain: settings and a step
note "alarm plan settings"
new_role r1 '{"name": "Notfallleitung"}'
new_role r2 '{"name": "IT-Verantwortung"}'
api PUT "$O/alarm-plan" "{\"meeting_place\": \"Büro\", \"declare_role_ids\": [$r1]}" -H "$(im 0)"
assert_status 200
web w GET /o/1/alarm/plan
edit=$BODY
api_as bea PUT "$O/alarm-plan" "{\"meeting_place\": \"Lager\", \"phone_bridge\": \"0800 1\", \"declare_role_ids\": [$r2], \"breach_report_role_id\": $r2}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "meeting_place=Halle" "declare_role=$r1" "declare_role=$r2" "declare_criteria=Brand"
assert_choice meeting_place phone_bridge declare_role declare_criteria breach_report_role_id
assert_match "$BODY" 'aria-describedby="saved-declare_role"' "the role list is described by its saved block"
post_form w "_take:declare_role=saved" "_take:meeting_place=mine" "_take:breach_report_role_id=saved"
assert_redirect 303 /o/1/alarm
api GET "$O/alarm-plan"
assert_json .meeting_place Halle
assert_json '.declare_role_ids | tostring' "[$r2]"
assert_json .breach_report_role_id "$r2"
assert_json .phone_bridge ""
assert_json .declare_criteria Brand

note "alarm step"
new_contact k1 '{"name": "Karl"}'
new_contact k2 '{"name": "Kim"}'
api POST "$O/alarm-steps" "{\"callee_contact_id\": $k1, \"note\": \"alt\"}"
assert_status 201
st=$(json .id)
web w GET "/o/1/alarm/steps/$st"
edit=$BODY
api_as bea PATCH "$O/alarm-steps/$st" "{\"callee_contact_id\": $k2, \"channel\": \"sms\", \"escalate_after_minutes\": 10, \"escalate_to_contact_id\": $k1, \"note\": \"von Bea\"}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "note=vom Admin" "channel=email"
assert_choice callee_contact_id channel escalate_after_minutes escalate_to_contact_id note
post_form w "_take:callee_contact_id=saved" "_take:channel=mine" "_take:note=saved"
assert_redirect 303 /o/1/alarm
api GET "$O/alarm-steps/$st"
assert_json .callee_contact_id "$k2"
assert_json .channel email
assert_json .note "von Bea"
assert_json .escalate_after_minutes 0

# ---------------------------------------------------------------- runbook (steps as a group) and workaround
note "runbook"
api POST "$O/systems" '{"name": "Server", "type": "server"}'
sys=$(json .id)
api POST "$O/runbooks" "{\"system_id\": $sys, \"prerequisites\": \"Schlüssel\", \"steps\": [{\"text\": \"Einschalten\", \"minutes\": 5}], \"checks\": \"Anmelden\"}"
assert_status 201
rb=$(json .id)
web w GET "/o/1/runbooks/$rb/edit"
edit=$BODY
api_as bea PATCH "$O/runbooks/$rb" '{"prerequisites": "Schlüssel und Passwort", "steps": [{"text": "Strom prüfen"}, {"text": "Einschalten", "minutes": 10}], "expected_duration_minutes": 30}' -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "checks=Rechnung drucken" "prerequisites=Nur Schlüssel"
assert_choice steps prerequisites expected_duration_minutes
assert_match "$BODY" 'class="steps" aria-describedby="saved-steps"' "the steps are described by their saved block"
post_form w "_take:steps=saved" "_take:prerequisites=mine"
assert_status 303
api GET "$O/runbooks/$rb"
assert_json .prerequisites "Nur Schlüssel"
assert_json .checks "Rechnung drucken"
assert_json '.steps | map(.text) | join("|")' "Strom prüfen|Einschalten"
assert_json '.steps[1].minutes' 10
assert_json .expected_duration_minutes null

note "workaround"
api POST "$O/processes" '{"name": "Verkauf"}'
proc=$(json .id)
api POST "$O/workarounds" "{\"process_id\": $proc, \"title\": \"Papier\", \"procedure\": \"Quittungsblock\"}"
assert_status 201
wa=$(json .id)
web w GET "/o/1/workarounds/$wa"
edit=$BODY
api_as bea PATCH "$O/workarounds/$wa" "{\"title\": \"Papier (Bea)\", \"sustainable_hours\": 48, \"responsible_contact_id\": $k1}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "procedure=Kasse von Hand" "title=Papier (Admin)"
assert_choice title sustainable_hours responsible_contact_id procedure
post_form w "_take:title=mine" "_take:sustainable_hours=saved" "_take:responsible_contact_id=saved"
assert_status 303
api GET "$O/workarounds/$wa"
assert_json .title "Papier (Admin)"
assert_json .procedure "Kasse von Hand"
assert_json .sustainable_hours 48
assert_json .responsible_contact_id "$k1"

# ---------------------------------------------------------------- recovery order overrides (cells of a table)
note "recovery overrides"
api POST "$O/systems" '{"name": "Netz", "type": "network"}'
web w GET /o/1/recovery
edit=$BODY
api_as bea PUT "$O/recovery-overrides" "{\"overrides\": [{\"system_id\": $sys, \"position\": 2, \"reason\": \"Bea will es so\"}]}" -H "$(im 0)"
assert_status 200
BODY=$edit
stale_post w "position-$sys=1" "reason-$sys=Admin will es so"
assert_choice "position-$sys" "reason-$sys"
assert_match "$BODY" "id=\"f-position-$sys\"[^>]*aria-describedby=\"saved-position-$sys\"" "the cell is described by its saved block"
post_form w "_take:position-$sys=saved" "_take:reason-$sys=mine"
assert_status 303
api GET "$O/recovery-overrides"
assert_json '.overrides | length' 1
assert_json '.overrides[0].position' 2
assert_json '.overrides[0].reason' "Admin will es so"

# ---------------------------------------------------------------- risk scale and own risk categories
note "risk scale"
web w GET /o/1/risks/settings
edit=$BODY
api_as bea PUT "$O/risk-settings" '{"scale": "bsi-4x4"}' -H "$(im 0)"
assert_status 200
BODY=$edit
stale_post w "scale=5x5"
assert_choice scale
assert_match "$BODY" 'id="scale" aria-describedby="saved-scale"' "the scale is described by its saved block"
assert_eq 5x5 "$(grep -o '<input type="radio" name="scale" id="scale-[0-9]" value="[^"]*" checked' <<<"$BODY" | sed 's/.*value="\([^"]*\)".*/\1/')" "the input is kept"
post_form w "_take:scale=saved"
assert_status 303
api GET "$O/risk-settings"
assert_json .scale bsi-4x4

note "own risk category"
api POST "$O/risk-categories" '{"name": "Lieferkette", "description": "alt"}'
assert_status 201
cat=$(json .id)
web w GET "/o/1/risks/categories/$cat"
edit=$BODY
api_as bea PATCH "$O/risk-categories/$cat" '{"name": "Lieferketten", "description": "von Bea"}' -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "name=Lieferanten" "description=vom Admin"
assert_choice name description
post_form w "_take:name=saved" "_take:description=mine"
assert_status 303
api GET "$O/risk-categories/$cat"
assert_json .name Lieferketten
assert_json .description "vom Admin"

# ---------------------------------------------------------------- role: deputies as a group
note "role"
new_role ro "{\"name\": \"Datenschutz\", \"duties\": \"alt\", \"primary_contact_id\": $k1}"
web w GET "/o/1/roles/$ro"
edit=$BODY
api_as bea PATCH "$O/roles/$ro" "{\"primary_contact_id\": $k2, \"deputy_contact_ids\": [$k1], \"duties\": \"von Bea\"}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "duties=vom Admin" "deputy_0=$c"
assert_choice primary_contact_id deputies duties
post_form w "_take:primary_contact_id=saved" "_take:deputies=saved" "_take:duties=mine"
assert_status 303
api GET "$O/roles/$ro"
assert_json .primary_contact_id "$k2"
assert_json '.deputy_contact_ids | tostring' "[$k1]"
assert_json .duties "vom Admin"

# ---------------------------------------------------------------- backup and restore test
note "backup"
api POST "$O/backups" "{\"title\": \"Server\", \"system_ids\": [$sys], \"frequency_hours\": 24, \"copies\": [{\"kind\": \"onsite\", \"media\": \"NAS\"}]}"
assert_status 201
b=$(json .id)
web w GET "/o/1/backups/$b/edit"
edit=$BODY
api_as bea PATCH "$O/backups/$b" "{\"frequency_hours\": 12, \"copies\": [{\"kind\": \"offline\", \"media\": \"USB im Tresor\"}], \"retention_days\": 30, \"encrypted\": true, \"responsible_contact_id\": $k1, \"system_ids\": []}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "method=Veeam" "notes=vom Admin" "copy_media_0=NAS (Admin)"
assert_choice frequency frequency_hours copies retention_days encrypted responsible_contact_id system
assert_match "$BODY" 'fieldset class="copies" aria-describedby="saved-copies"' "the copy rows are described by their saved block"
post_form w "_take:copies=saved" "_take:frequency=saved" "_take:frequency_hours=saved" "_take:encrypted=saved" "_take:system=mine" "_take:retention_days=mine"
assert_status 303
api GET "$O/backups/$b"
assert_json .method Veeam
assert_json .notes "vom Admin"
assert_json .frequency_hours 12
assert_json '.copies | length' 1
assert_json '.copies[0].media' "USB im Tresor"
assert_json .encrypted true
assert_json '.system_ids | tostring' "[$sys]"
assert_json .retention_days null
assert_json .responsible_contact_id null

note "restore test"
api POST "$O/backups/$b/restore-tests" '{"date": "2025-01-10", "result": "success", "duration_minutes": 30}'
assert_status 201
rt=$(json .id)
web w GET "/o/1/restore-tests/$rt"
edit=$BODY
api_as bea PATCH "$O/restore-tests/$rt" "{\"result\": \"partial\", \"duration_minutes\": 90, \"tested_by_contact_id\": $k2}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "notes=vom Admin" "duration_minutes=45"
assert_choice result duration_minutes tested_by_contact_id
post_form w "_take:result=saved" "_take:duration_minutes=mine" "_take:tested_by_contact_id=saved"
assert_status 303
api GET "$O/restore-tests/$rt"
assert_json .result partial
assert_json .duration_minutes 45
assert_json .tested_by_contact_id "$k2"
assert_json .notes "vom Admin"

# ---------------------------------------------------------------- exercise, finding, review
note "exercise"
api POST "$O/exercises" "{\"type\": \"tabletop\", \"title\": \"Planspiel\", \"date\": \"2025-03-01\", \"participant_ids\": [$k1]}"
assert_status 201
ex=$(json .id)
web w GET "/o/1/exercises/$ex/edit"
edit=$BODY
api_as bea PATCH "$O/exercises/$ex" "{\"type\": \"alarm_test\", \"status\": \"done\", \"participant_ids\": [$k2], \"observer_ids\": [$k1], \"duration_minutes\": 60}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "goals=Alle erreichen" "title=Planspiel (Admin)"
assert_choice type status participant observer duration_minutes
post_form w "_take:type=saved" "_take:status=mine" "_take:participant=saved" "_take:observer=saved" "_take:duration_minutes=saved"
assert_status 303
api GET "$O/exercises/$ex"
assert_json .type alarm_test
assert_json .status planned
assert_json .title "Planspiel (Admin)"
assert_json .goals "Alle erreichen"
assert_json '.participant_ids | tostring' "[$k2]"
assert_json '.observer_ids | tostring' "[$k1]"
assert_json .duration_minutes 60

note "finding"
api POST "$O/exercises/$ex/findings" '{"title": "Nummer veraltet", "severity": "low"}'
assert_status 201
fi=$(json .id)
web w GET "/o/1/findings/$fi"
edit=$BODY
api_as bea PATCH "$O/findings/$fi" "{\"severity\": \"high\", \"status\": \"done\", \"responsible_contact_id\": $k1, \"due_date\": \"2099-01-31\"}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "description=vom Admin" "status=in_progress"
assert_choice severity status responsible_contact_id due_date
post_form w "_take:severity=saved" "_take:status=mine" "_take:responsible_contact_id=saved"
assert_status 303
api GET "$O/findings/$fi"
assert_json .severity high
assert_json .status in_progress
assert_json .responsible_contact_id "$k1"
assert_json .due_date null
assert_json .description "vom Admin"

note "plan review"
api PUT "$O/review" "{\"last_review_date\": \"2025-01-31\", \"review_interval_months\": 12, \"notes\": \"alt\"}" -H "$(im 0)"
assert_status 200
web w GET /o/1/exercises
edit=$BODY
api_as bea PUT "$O/review" "{\"last_review_date\": \"2025-02-28\", \"review_interval_months\": 6, \"reviewer_contact_id\": $k2, \"notes\": \"von Bea\"}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "notes=vom Admin" "last_review_date=2025-03-15"
assert_choice last_review_date review_interval_months reviewer_contact_id notes
post_form w "_take:review_interval_months=saved" "_take:reviewer_contact_id=saved" "_take:notes=mine" "_take:last_review_date=mine"
assert_status 303
api GET "$O/review"
assert_json .last_review_date 2025-03-15
assert_json .review_interval_months 6
assert_json .reviewer_contact_id "$k2"
assert_json .notes "vom Admin"

# ---------------------------------------------------------------- documents: copy, acknowledgement, template
note "plan copy"
api POST "$O/plan-copies" '{"kind": "print", "location": "Büro", "plan_date": "2025-01-01"}'
assert_status 201
pc=$(json .id)
web w GET "/o/1/documents/copies/$pc"
edit=$BODY
api_as bea PATCH "$O/plan-copies/$pc" "{\"kind\": \"usb\", \"holder_contact_id\": $k1, \"location\": \"Tresor\"}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "location=Lager" "notes=vom Admin"
assert_choice kind holder_contact_id location
post_form w "_take:kind=saved" "_take:holder_contact_id=saved" "_take:location=mine"
assert_status 303
api GET "$O/plan-copies/$pc"
assert_json .kind usb
assert_json .holder_contact_id "$k1"
assert_json .location Lager
assert_json .notes "vom Admin"

note "acknowledgement"
api POST "$O/acknowledgements" "{\"contact_id\": $k1, \"confirmed_on\": \"2025-01-10\", \"how\": \"email\"}"
assert_status 201
ack=$(json .id)
web w GET "/o/1/documents/acknowledgements/$ack"
edit=$BODY
api_as bea PATCH "$O/acknowledgements/$ack" "{\"contact_id\": $k2, \"how\": \"signature\", \"notes\": \"von Bea\"}" -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "notes=vom Admin" "confirmed_on=2025-01-11"
assert_choice contact_id how notes
post_form w "_take:contact_id=saved" "_take:how=saved" "_take:notes=mine"
assert_status 303
api GET "$O/acknowledgements/$ack"
assert_json .contact_id "$k2"
assert_json .how signature
assert_json .notes "vom Admin"
assert_json .confirmed_on 2025-01-11

note "communication template"
api POST "$O/comm-templates" '{"audience": "customers", "title": "Ausfall", "body": "Text"}'
assert_status 201
ct=$(json .id)
web w GET "/o/1/documents/templates/$ct"
edit=$BODY
api_as bea PATCH "$O/comm-templates/$ct" '{"audience": "staff", "subject": "Betreff von Bea", "body": "Text von Bea"}' -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "title=Ausfall (Admin)" "body=Text vom Admin"
assert_choice audience subject body
post_form w "_take:audience=saved" "_take:subject=saved" "_take:body=mine"
assert_status 303
api GET "$O/comm-templates/$ct"
assert_json .audience staff
assert_json .subject "Betreff von Bea"
assert_json .body "Text vom Admin"
assert_json .title "Ausfall (Admin)"

# ---------------------------------------------------------------- task
note "task"
api POST "$O/tasks" '{"title": "Liste drucken", "assignee_id": 1, "step": 2}'
assert_status 201
tk=$(json .id)
web w GET "/o/1/tasks/$tk"
edit=$BODY
api_as bea PATCH "$O/tasks/$tk" '{"assignee_id": 2, "status": "done", "step": 4, "due_date": "2099-02-01"}' -H "$(im 1)"
assert_status 200
BODY=$edit
stale_post w "description=vom Admin"
assert_choice assignee_id status step due_date
post_form w "_take:assignee_id=saved" "_take:status=mine" "_take:step=saved"
assert_status 303
api GET "$O/tasks/$tk"
assert_json .assignee_id 2
assert_json .status open
assert_json .step 4
assert_json .due_date null
assert_json .description "vom Admin"

# ---------------------------------------------------------------- the drill webhook (one field)
note "drill webhook"
web w GET /o/1/drills
edit=$BODY
api_as bea PUT "$O/drill-settings" '{"webhook_url": "https://sms.example.de/bea"}' -H "$(im 0)"
assert_status 200
BODY=$edit
stale_post w "webhook_url=https://sms.example.de/admin"
assert_choice webhook_url
assert_eq "https://sms.example.de/admin" "$(html_input webhook_url)" "the input is kept"
post_form w "_take:webhook_url=saved"
assert_status 303
api GET "$O/drill-settings"
assert_json .webhook_url "https://sms.example.de/bea"

kf_stop
kf_done
