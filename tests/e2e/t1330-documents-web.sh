#!/usr/bin/env bash
# Step 4 pages: the overview (copies with the stale badge, acknowledgements,
# templates, the note on what follows later), the forms of each register
# (create, errors beside the fields, edit, stale edit, delete with
# confirmation), the start-page card, readers, and valid HTML.
. "$(dirname "$0")/lib.sh"

kf_setup
today=$(date -u +%F)
yesterday=$(date -u -d yesterday +%F)
tomorrow=$(date -u -d tomorrow +%F)
new_contact erika '{"name": "Erika <b>Muster</b>"}'
new_contact max '{"name": "Max Mitarbeiter"}'
kf_user_add bea@example.org "Bea Bearbeiterin" editor
login bea bea@example.org "$PW" || kf_die "login bea"
web_login w "$ADMIN_EMAIL" "$PW"

# start page: step 4 is live, its card leads to recording the first copy
web w GET /o/1/
assert_status 200
assert_contains "$BODY" 'href="/o/1/documents"' "step 4 in the navigation"
assert_contains "$BODY" 'href="/o/1/documents/copies/new"' "next action: the first copy"
web w GET /o/1/documents -H 'Accept-Language: en'
assert_status 200
txt=$(html_text)
assert_contains "$txt" "Step 4 of 5" "step label"
assert_contains "$txt" "Copies of the plan" "copies section"
assert_contains "$txt" "Staff acknowledgements" "acknowledgements section"
assert_contains "$txt" "Templates for communication" "templates section"
assert_contains "$BODY" 'href="/o/1/exports"' "the exports page linked (exports)"
assert_contains "$(html_id_text ack-count)" "0 of 2 staff members have confirmed" "count"
assert_contains "$BODY" 'href="/o/1/documents/templates/starter"' "starter templates offered"

# ---- copy form: errors beside each field, input kept
web w GET /o/1/documents/copies/new
assert_status 200
for f in kind location holder_contact_id plan_date last_checked notes; do
	html_input "$f" name >/dev/null && _kf_pass || fail "copy form has no field '$f'"
done
assert_eq "$today" "$(html_input plan_date)" "plan date defaults to today"
refresh_csrf w
form_csrf w /o/1/documents/copies/new "kind=fax" "location=Schrank <1>" "plan_date=$tomorrow" "last_checked=kaputt"
assert_status 422
for f in kind plan_date last_checked; do
	assert_body_contains "id=\"err-$f\""
done
assert_contains "$(html_tag plan_date)" 'aria-invalid="true"' "plan date marked"
assert_eq "Schrank <1>" "$(html_input location)" "input kept"
form_csrf w /o/1/documents/copies/new "kind=print" "location=" "plan_date="
assert_status 422
assert_body_contains 'id="err-location"'
assert_body_contains 'id="err-plan_date"'
api GET "$O/plan-copies"
assert_json 'length' 0

form_csrf w /o/1/documents/copies/new "kind=print" "location=Notfallordner <Büro>" "holder_contact_id=$erika" "plan_date=$today" "notes=Schlüssel bei Erika"
assert_redirect 303 /o/1/documents
api GET "$O/plan-copies"
c1=$(json '.[0].id')
assert_json '.[0].holder_contact_id' "$erika"
assert_json '.[0].stale' false
api POST "$O/plan-copies" "{\"kind\": \"usb\", \"location\": \"Tresor\", \"plan_date\": \"$yesterday\"}"
c2=$(json .id)
assert_json .stale true

web w GET /o/1/documents -H 'Accept-Language: en'
assert_not_contains "$BODY" "<b>Muster</b>" "holder escaped"
assert_contains "$BODY" "Notfallordner &lt;Büro&gt;" "location escaped"
assert_contains "$BODY" 'class="badge gap">stale<' "stale badge with text"
assert_contains "$BODY" 'class="badge ok">current<' "current badge with text"
assert_contains "$(html_id_text stale-count)" "Stale copies: 1 of 2" "stale count"
web w GET /o/1/documents
assert_contains "$BODY" "/o/1/documents/copies/$c2" "copy linked"
web w GET /o/1/ -H 'Accept-Language: en'
assert_contains "$(html_text)" "Copies of the plan: 2, stale: 1" "start page counts"
assert_contains "$BODY" 'href="/o/1/documents"' "next action: replace the stale copy"

# ---- edit, stale edit, delete
web w GET "/o/1/documents/copies/$c2" -H 'Accept-Language: en'
assert_status 200
assert_eq 1 "$(html_input version)" "version"
assert_eq usb "$(html_input kind)" "kind selected"
assert_contains "$(html_text)" "The plan changed after this copy was made" "stale explained on the form"
refresh_csrf w
form_csrf w "/o/1/documents/copies/$c2" "version=1" "kind=usb" "location=Tresor" "plan_date=$today" "last_checked=$today"
assert_redirect 303 /o/1/documents
api GET "$O/plan-copies/$c2"
assert_json .version 2
assert_json .stale false
api_as bea PATCH "$O/plan-copies/$c2" '{"location": "Tresor (Bea)"}' -H "$(im 2)"
assert_status 200
snapshot item "$O/plan-copies/$c2"
form_csrf w "/o/1/documents/copies/$c2" "version=2" "kind=usb" "location=Tresor (Admin)" "plan_date=$today"
assert_status 409
assert_body_contains 'class="saved"'
assert_contains "$(html_text)" "Tresor (Bea)" "saved value shown"
assert_eq "Tresor (Admin)" "$(html_input location)" "own input kept"
assert_eq 3 "$(html_input version)" "form carries the saved version"
assert_unchanged item
web w GET "/o/1/documents/copies/$c2/delete"
assert_status 200
assert_contains "$(html_text)" "Tresor (Bea)" "confirmation names the copy"
refresh_csrf w
form_csrf w "/o/1/documents/copies/$c2/delete" "version=2"
assert_status 409
assert_unchanged item
form_csrf w "/o/1/documents/copies/$c2/delete" "version=3"
assert_redirect 303 /o/1/documents
api GET "$O/plan-copies/$c2"
assert_error 404 not_found

# ---- acknowledgement form: single record with notes, external contacts not offered
new_contact partner '{"name": "IT-Partner GmbH", "external": true}'
web w GET "/o/1/documents/acknowledgements/new?contact=$max"
assert_status 200
assert_eq "$max" "$(html_input contact_id)" "person preselected"
assert_not_contains "$BODY" "IT-Partner GmbH" "external contacts not offered"
refresh_csrf w
form_csrf w /o/1/documents/acknowledgements/new "contact_id=$partner" "confirmed_on=$tomorrow" "how=fax"
assert_status 422
assert_body_contains 'id="err-contact_id"'
assert_body_contains 'id="err-confirmed_on"'
assert_body_contains 'id="err-how"'
form_csrf w /o/1/documents/acknowledgements/new "contact_id=$max" "confirmed_on=$today" "how=signature" "notes=Unterschrieben"
assert_redirect 303 /o/1/documents/acknowledgements
api GET "$O/acknowledgements"
ack=$(json '.[0].id')
assert_json '.[0].notes' Unterschrieben
web w GET "/o/1/documents/acknowledgements/$ack"
assert_status 200
assert_eq signature "$(html_input how)" "how selected"
web w GET "/o/1/documents/acknowledgements/$ack/delete"
assert_status 200
refresh_csrf w
form_csrf w "/o/1/documents/acknowledgements/$ack/delete" "version=1"
assert_redirect 303 /o/1/documents/acknowledgements

# ---- template form
web w GET /o/1/documents/templates/new
assert_status 200
refresh_csrf w
form_csrf w /o/1/documents/templates/new "audience=" "title=" "body="
assert_status 422
for f in audience title body; do assert_body_contains "id=\"err-$f\""; done
form_csrf w /o/1/documents/templates/new "audience=staff" "title=Kurz <info>" "subject={firma}" "body=Bitte {notfallleitung} anrufen. {tippfehler}"
assert_status 303
loc=$(location_path)
api GET "$O/comm-templates"
tpl=$(json '.[0].id')
assert_eq "/o/1/documents/templates#t-$tpl" "$loc" "back to the template"
web w GET "/o/1/documents/templates/$tpl" -H 'Accept-Language: en'
assert_status 200
assert_contains "$(html_text)" "{tippfehler}" "unknown placeholder named in the preview"
refresh_csrf w
form_csrf w "/o/1/documents/templates/$tpl" "version=1" "audience=customers" "title=Kurz" "subject=" "body=Hallo"
assert_status 303
api GET "$O/comm-templates/$tpl"
assert_json .audience customers
assert_json .version 2

# ---- readers: read-only forms, no add buttons
kf_user_add leser@example.org "Lea Leser" reader
web_login rw leser@example.org "$PW"
web rw GET /o/1/documents
assert_status 200
assert_not_contains "$BODY" 'href="/o/1/documents/copies/new"' "no add button for readers"
web rw GET "/o/1/documents/copies/$c1"
assert_status 200
assert_contains "$(html_tag location)" "readonly" "read-only for readers"
assert_not_contains "$BODY" "/o/1/documents/copies/$c1/delete" "no delete link for readers"
web rw GET /o/1/documents/copies/new
assert_status 403
web rw GET "/o/1/documents/templates/$tpl"
assert_status 200
web rw GET /o/1/documents/templates/starter
assert_status 403

# ---- valid HTML (tidy)
if command -v tidy >/dev/null; then
	tidy_ok() {
		local out
		out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
		if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
	}
	api POST "$O/comm-templates/adopt" '{"templates": ["kunden-erreichbarkeit"]}'
	api POST "$O/acknowledgements" "{\"contact_id\": $max, \"confirmed_on\": \"$today\", \"how\": \"briefing\"}"
	ack=$(json .id)
	for p in /o/1/ /o/1/documents /o/1/documents/copies/new "/o/1/documents/copies/$c1" "/o/1/documents/copies/$c1/delete" \
		/o/1/documents/acknowledgements /o/1/documents/acknowledgements/new "/o/1/documents/acknowledgements/$ack" \
		"/o/1/documents/acknowledgements/$ack/delete" /o/1/documents/templates /o/1/documents/templates/new \
		"/o/1/documents/templates/$tpl" "/o/1/documents/templates/$tpl/delete" /o/1/documents/templates/starter; do
		web w GET "$p"
		assert_status 200
		tidy_ok "$p"
	done
	web w GET /o/1/documents/copies/new
	refresh_csrf w
	form_csrf w /o/1/documents/copies/new "kind=x" "location=" "plan_date=morgen"
	assert_status 422
	tidy_ok "copy form with errors"
	form_csrf w /o/1/documents/acknowledgements "confirmed_on=$tomorrow"
	assert_status 422
	tidy_ok "acknowledgements with errors"
fi

# ---- isolation of the pages
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
login other other@example.org "$PW"
api_as other POST /api/v1/orgs/2/plan-copies "{\"kind\": \"print\", \"location\": \"Geheimer Ordner\", \"plan_date\": \"$today\"}"
foreign=$(json .id)
web w GET "/o/1/documents/copies/$foreign"
assert_status 404
web w GET /o/2/documents
assert_status 404
web w GET /o/1/documents
assert_not_contains "$BODY" "Geheimer Ordner" "other organisation's copy not listed"

kf_stop
kf_done
