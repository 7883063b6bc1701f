#!/usr/bin/env bash
# Pages of processes and IT systems: forms (create, edit, errors beside the fields with input kept,
# a cycle named, stale edit, delete refused while needed), computed values shown, the dependency
# graph as SVG with names escaped, links from the risk register and the start page, valid HTML.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact erika '{"name": "Erika <b>Muster</b>"}'
web_login w "$ADMIN_EMAIL" "$PW"

tidy_ok() {
	local out
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
}

# ---- empty pages, linked from the risk register and the start page
web w GET /o/1/risks
assert_status 200
assert_contains "$BODY" 'href="/o/1/processes"' "risk register links the processes"
assert_contains "$BODY" 'href="/o/1/systems"' "risk register links the systems"
# (texts are checked in English: the German ones arrive when po/de-systems.txt is merged into de.po)
web w GET /o/1/ -H 'Accept-Language: en'
assert_contains "$(html_text)" "0 business processes, 0 IT systems" "start page counts"
web w GET /o/1/processes
assert_status 200
tidy_ok "empty process list"
web w GET /o/1/systems
assert_status 200
tidy_ok "empty system list"

# ---- systems through the form
web w GET /o/1/systems/new
assert_status 200
for f in name type location provider_contact_id owner_contact_id rto_hours rpo_hours notes; do
	html_input "$f" name >/dev/null && _kf_pass || fail "system form has no field '$f'"
done
tidy_ok "system form"
refresh_csrf w
form_csrf w /o/1/systems/new "name=Strom <script>x</script>" "type=power" "location=Keller"
assert_redirect 303 /o/1/systems
api GET "$O/systems"
strom=$(json '.[0].id')
web w GET /o/1/systems/new
assert_contains "$BODY" "name=\"depends_on\"" "dependencies offered as checkboxes"
refresh_csrf w
form_csrf w /o/1/systems/new "name=Server \"A\" & B" "type=server" "depends_on=$strom" "owner_contact_id=$erika" "rto_hours=12"
assert_redirect 303 /o/1/systems
api GET "$O/systems"
server=$(json ".[] | select(.type == \"server\") | .id")
assert_json ".[] | select(.id == $server) | .depends_on_ids | tostring" "[$strom]"
form_csrf w /o/1/systems/new "name=ERP" "type=application" "depends_on=$server"
assert_redirect 303 /o/1/systems

# errors beside the fields, input kept
form_csrf w /o/1/systems/new "name=" "type=" "rto_hours=viele" "location=Büro"
assert_status 422
assert_contains "$BODY" 'id="err-name"' "error beside the name"
assert_contains "$BODY" 'id="err-type"' "error beside the type"
assert_contains "$BODY" 'id="err-rto_hours"' "error beside the RTO"
assert_contains "$BODY" 'aria-invalid="true"' "fields marked invalid"
assert_eq "Büro" "$(html_input location)" "input kept"
tidy_ok "system form with errors"

# a cycle: the form names it
api GET "$O/systems/$strom"
web w GET "/o/1/systems/$strom"
refresh_csrf w
erp=$(api GET "$O/systems"; json '.[] | select(.name == "ERP") | .id')
form_csrf w "/o/1/systems/$strom" "version=1" "name=Strom" "type=power" "depends_on=$erp"
assert_status 422
assert_contains "$BODY" 'id="err-depends_on_ids"' "cycle error beside the dependencies"
assert_contains "$(html_text)" "Strom → ERP → Server \"A\" & B → Strom" "the cycle is named"
tidy_ok "cycle error"
api GET "$O/systems/$strom"
assert_json .version 1

# ---- processes through the form
web w GET /o/1/processes/new -H 'Accept-Language: en'
assert_status 200
for f in name description responsible_contact_id cost_per_hour impact_1h impact_1w mtpd_hours rto_hours rpo_hours critical_periods emergency_level_percent; do
	html_input "$f" name >/dev/null && _kf_pass || fail "process form has no field '$f'"
done
assert_contains "$(html_text)" "How long may the process stand still at most, until it must run again?" "RTO explained"
assert_contains "$(html_text)" "How many hours of data may be lost at most?" "RPO explained"
tidy_ok "process form"
refresh_csrf w
form_csrf w /o/1/processes/new "name=Auftragsannahme" "cost_per_hour=1200" "impact_1h=1" "impact_24h=3" "impact_1w=4" \
	"mtpd_hours=24" "rto_hours=8" "rpo_hours=4" "system=$erp" "responsible_contact_id=$erika" "critical_periods=Monatsende"
assert_redirect 303 /o/1/processes
form_csrf w /o/1/processes/new "name=Kasse" "cost_per_hour=100" "rto_hours=2" "system=$server"
assert_redirect 303 /o/1/processes
api GET "$O/processes"
assert_json 'length' 2
p1=$(json '.[] | select(.name == "Auftragsannahme") | .id')
assert_json ".[] | select(.id == $p1) | .impact | tostring" '[1,0,0,3,0,4]'
# rto > mtpd refused beside the field
form_csrf w /o/1/processes/new "name=Lager" "mtpd_hours=4" "rto_hours=8" "cost_per_hour=-3" "impact_4h=9"
assert_status 422
assert_contains "$BODY" 'id="err-rto_hours"' "rto rule beside the field"
assert_contains "$BODY" 'id="err-cost_per_hour"' "cost beside the field"
assert_contains "$BODY" 'id="err-impact_4h"' "impact beside the field"
assert_eq "Lager" "$(html_input name)" "input kept"
tidy_ok "process form with errors"

# list shows cost per hour, RTO and the systems
web w GET /o/1/processes
txt=$(html_text)
assert_contains "$txt" "1.200 €" "cost per hour"
assert_contains "$txt" "28.800 €" "cost of one day"
assert_contains "$txt" "8 h" "RTO"
assert_contains "$txt" "ERP" "systems needed"
assert_not_contains "$BODY" "<b>Muster</b>" "contact escaped"
tidy_ok "process list"
web w GET "/o/1/processes/$p1"
assert_contains "$(html_text)" "28.800 €" "cost of one day on the edit page"
assert_eq 1200 "$(html_input cost_per_hour)" "stored cost"
assert_contains "$BODY" "value=\"$erp\" checked" "needed system checked"
tidy_ok "process edit"

# ---- the systems page: computed values, SPoF, graph and list
web w GET /o/1/systems -H 'Accept-Language: en'
assert_status 200
txt=$(html_text)
assert_contains "$txt" "Single point of failure" "SPoF badge with text"
assert_not_contains "$BODY" "<script>x</script>" "names escaped"
assert_contains "$BODY" "Strom &lt;script&gt;x&lt;/script&gt;" "escaped name shown"
assert_contains "$txt" "31,200 €" "cost per day of the server (both processes)"
assert_contains "$BODY" 'src="/api/v1/orgs/1/systems/graph.svg"' "graph embedded"
assert_match "$BODY" '<img [^>]*alt="[^"]+"' "graph has an alt text"
assert_contains "$txt" "Auftragsannahme (Business process) needs: ERP" "text list of dependencies"
tidy_ok "system list"
web w GET "/o/1/systems/$strom" -H 'Accept-Language: en'
txt=$(html_text)
assert_contains "$txt" "2 h" "required RTO computed from the strictest process"
assert_contains "$txt" "Single point of failure" "SPoF on the edit page"
tidy_ok "system edit"

# ---- graph.svg
web w GET /api/v1/orgs/1/systems/graph.svg -H 'Accept-Language: en'
assert_status 200
assert_header_contains Content-Type "image/svg+xml"
assert_contains "$BODY" "<svg" "an SVG"
assert_contains "$BODY" "Auftragsannahme" "process in the graph"
assert_contains "$BODY" "Strom &lt;script&gt;x&lt;/script&gt;" "system name escaped in the SVG"
assert_not_contains "$BODY" "<script>" "no script in the SVG"
assert_contains "$BODY" "Server &quot;A&quot; &amp; B" "quotes and ampersand escaped"
assert_contains "$BODY" "Single point of failure" "SPoF marked in the graph"
web anon GET /api/v1/orgs/1/systems/graph.svg
assert_status 401

# ---- delete: refused while needed, then allowed
web w GET "/o/1/systems/$server/delete"
assert_status 200
assert_contains "$(html_text)" "Kasse" "confirmation names who needs it"
assert_not_contains "$BODY" 'class="danger"' "no delete button while needed"
tidy_ok "blocked delete"
refresh_csrf w
form_csrf w "/o/1/systems/$server/delete" "version=1"
assert_status 409
api GET "$O/systems/$server"
assert_status 200
web w GET "/o/1/processes/$p1/delete"
assert_status 200
tidy_ok "process delete confirmation"
refresh_csrf w
form_csrf w "/o/1/processes/$p1/delete" "version=1"
assert_redirect 303 /o/1/processes
api GET "$O/processes/$p1"
assert_error 404 not_found

# ---- stale edit of a system
web w GET "/o/1/systems/$erp"
refresh_csrf w
api PATCH "$O/systems/$erp" '{"name": "ERP (Bea)"}' -H "$(im 1)"
assert_status 200
form_csrf w "/o/1/systems/$erp" "version=1" "name=ERP (Admin)" "type=application" "depends_on=$server"
assert_status 409
assert_body_contains 'class="notice warn"'
assert_contains "$(html_text)" "ERP (Bea)" "saved name shown"
assert_eq 2 "$(html_input version)" "the form now carries the saved version"
tidy_ok "stale system edit"

# ---- readers: read-only
kf_user_add leser@example.org "Lea Leser" reader
web_login rw leser@example.org "$PW"
web rw GET /o/1/systems
assert_status 200
assert_not_contains "$BODY" 'href="/o/1/systems/new"' "no add button for readers"
web rw GET "/o/1/systems/$erp"
assert_contains "$(html_tag name)" "readonly" "name read-only for readers"
web rw GET /o/1/processes/new
assert_status 403

kf_stop # the exit status shows leaks in the ASan build
kf_done
