#!/usr/bin/env bash
# Risk pages: register with the heat map (counts per cell, text summary),
# forms (create, edit, stale edit, delete with confirmation), escaping,
# valid HTML, the start page card, and isolation between organisations.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact erika '{"name": "Erika <b>Muster</b>"}'
kf_user_add bea@example.org "Bea Bearbeiterin" editor
login bea bea@example.org "$PW" || kf_die "login bea"
web_login w "$ADMIN_EMAIL" "$PW"

# empty register: the start page offers the starter catalogue
web w GET /o/1/
assert_status 200
assert_contains "$BODY" 'href="/o/1/risks/templates"' "start page: next action for step 1"
assert_contains "$BODY" 'href="/o/1/risks"' "step 1 is live in the navigation"
web w GET /o/1/risks
assert_status 200
assert_contains "$BODY" '<svg' "heat map drawn"
assert_eq 25 "$(grep -o 'data-count="' <<<"$BODY" | wc -l)" "25 cells"
assert_eq 0 "$(grep -o 'class="cell filled"' <<<"$BODY" | wc -l)" "no filled cell"
assert_contains "$(html_id_text risk-matrix-summary)" "0" "summary of an empty matrix"

# ---- new risk through the form
web w GET /o/1/risks/new
assert_status 200
for f in title category description likelihood impact owner_contact_id measures immediate_actions status review_date threat; do
	html_input "$f" name >/dev/null && _kf_pass || fail "risk form has no field '$f'"
done
assert_contains "$BODY" 'value="G 0.47"' "all BSI threats offered"
refresh_csrf w
form_csrf w /o/1/risks/new "title=<script>alert('x')</script> Ransomware" "category=cyber" "description=Alles zu" \
	"likelihood=4" "impact=5" "owner_contact_id=$erika" "measures=Sicherung" "immediate_actions=Netz trennen" \
	"status=open" "review_date=2099-01-15" "threat=G 0.39" "threat=G 0.45"
assert_redirect 303 /o/1/risks
api GET "$O/risks"
assert_json 'length' 1
r1=$(json '.[0].id')
assert_json '.[0].title' "<script>alert('x')</script> Ransomware"
assert_json '.[0].score' 20
assert_json '.[0].owner_contact_id' "$erika"
assert_json '.[0].threat_refs | join(",")' "G 0.39,G 0.45"
assert_json '.[0].review_date' 2099-01-15

# three more over the API: two high in the same cell, one closed (not in the matrix)
api POST "$O/risks" '{"title": "Phishing", "category": "cyber", "likelihood": 4, "impact": 3}'
api POST "$O/risks" '{"title": "Serverabsturz", "category": "technical", "likelihood": 4, "impact": 3}'
api POST "$O/risks" '{"title": "Feuer", "category": "environment", "likelihood": 1, "impact": 2, "status": "closed"}'
assert_status 201

web w GET /o/1/risks
assert_status 200
assert_not_contains "$BODY" "<script>alert" "title escaped"
assert_contains "$BODY" "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ransomware" "escaped title shown"
assert_not_contains "$BODY" "<b>Muster</b>" "owner escaped"
assert_contains "$BODY" 'data-likelihood="4" data-impact="5" data-count="1"' "critical cell counts 1"
assert_contains "$BODY" 'data-likelihood="4" data-impact="3" data-count="2"' "high cell counts 2"
assert_contains "$BODY" 'data-likelihood="1" data-impact="2" data-count="0"' "closed risk left out"
assert_eq 2 "$(grep -o 'class="cell filled"' <<<"$BODY" | wc -l)" "two filled cells"
assert_contains "$BODY" 'role="img"' "heat map is an image for screen readers"
assert_match "$(grep -o '<svg[^>]*>' <<<"$BODY")" 'role="img".* aria-label="[^"]+"' "heat map is labelled"
assert_contains "$BODY" '</title><desc>' "heat map has a title and a description"
summary=$(html_id_text risk-matrix-summary)
assert_match "$summary" '^3 .*: 1 [^,]*, 2 [^,]*, 0 [^,]*, 0 [^.]*\. 1 ' "caption: 3 risks, 1 critical, 2 high, 1 closed"
assert_contains "$BODY" 'badge lvl-critical' "level badge"
assert_contains "$BODY" "15.01.2099" "review date in German"
assert_contains "$BODY" "/o/1/risks/$r1" "register links the risk"
# sorted by score: the critical one first
first=$(grep -o 'href="/o/1/risks/[0-9]*"' <<<"$BODY" | head -n 1)
assert_eq "href=\"/o/1/risks/$r1\"" "$first" "highest score first"

# start page card counts
web w GET /o/1/
assert_contains "$(html_text)" "4 " "risk count on the start page"
assert_contains "$BODY" 'href="/o/1/risks"' "start page links the register"

# ---- edit form shows the stored values
web w GET "/o/1/risks/$r1"
assert_status 200
assert_eq 1 "$(html_input version)" "version"
assert_eq "<script>alert('x')</script> Ransomware" "$(html_input title)" "title in the form"
assert_eq cyber "$(html_input category)" "category selected"
assert_eq 4 "$(html_input likelihood)" "likelihood selected"
assert_eq 5 "$(html_input impact)" "impact selected"
assert_eq "$erika" "$(html_input owner_contact_id)" "owner selected"
assert_contains "$BODY" 'value="G 0.39" checked' "threat checked"
assert_not_contains "$BODY" 'value="G 0.1" checked' "other threat unchecked"
refresh_csrf w
form_csrf w "/o/1/risks/$r1" "version=1" "title=Ransomware" "category=cyber" "likelihood=3" "impact=5" \
	"owner_contact_id=" "status=in_treatment" "review_date=" "threat=G 0.39"
assert_redirect 303 /o/1/risks
api GET "$O/risks/$r1"
assert_json .version 2
assert_json .title Ransomware
assert_json .score 15
assert_json .owner_contact_id null
assert_json .status in_treatment
assert_json '.threat_refs | join(",")' "G 0.39"

# ---- stale edit: 409, the saved values beside the fields, nothing changed
web w GET "/o/1/risks/$r1"
refresh_csrf w
api_as bea PATCH "$O/risks/$r1" '{"title": "Ransomware (Bea)", "impact": 4, "measures": "Von Bea"}' -H "$(im 2)"
assert_status 200
snapshot item "$O/risks/$r1"
form_csrf w "/o/1/risks/$r1" "version=2" "title=Ransomware (Admin)" "category=cyber" "likelihood=3" "impact=5" "status=open"
assert_status 409
assert_body_contains 'class="notice warn"'
assert_body_contains 'class="saved"'
txt=$(html_text)
assert_contains "$txt" "Ransomware (Bea)" "saved title shown"
assert_contains "$txt" "Von Bea" "saved measures shown"
assert_eq 3 "$(html_input version)" "the form now carries the saved version"
assert_eq "Ransomware (Admin)" "$(html_input title)" "own input kept"
assert_unchanged item

# ---- a reader sees the form read-only, without save or delete
kf_user_add leser@example.org "Lea Leser" reader
web_login rw leser@example.org "$PW"
web rw GET "/o/1/risks/$r1"
assert_status 200
assert_contains "$(html_tag title)" "readonly" "title read-only for readers"
assert_not_contains "$BODY" "/o/1/risks/$r1/delete" "no delete link for readers"
web rw GET /o/1/risks/new
assert_status 403
web rw GET /o/1/risks
assert_status 200
assert_not_contains "$BODY" 'href="/o/1/risks/new"' "no add button for readers"

# ---- delete with confirmation (and a stale one refused)
web w GET "/o/1/risks/$r1/delete"
assert_status 200
assert_eq 3 "$(html_input version)" "version in the delete form"
assert_contains "$(html_text)" "Ransomware (Bea)" "confirmation names the risk"
refresh_csrf w
form_csrf w "/o/1/risks/$r1/delete" "version=2"
assert_status 409
assert_unchanged item
form_csrf w "/o/1/risks/$r1/delete" "version=3"
assert_redirect 303 /o/1/risks
api GET "$O/risks/$r1"
assert_error 404 not_found
web w GET "/o/1/risks/$r1"
assert_status 404

# ---- valid HTML (tidy), with data that needs escaping
if command -v tidy >/dev/null; then
	tidy_ok() {
		local out
		out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
		if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
	}
	api GET "$O/risks"
	r2=$(json '.[0].id')
	for p in /o/1/ /o/1/risks /o/1/risks/new "/o/1/risks/$r2" "/o/1/risks/$r2/delete" /o/1/risks/templates; do
		web w GET "$p"
		tidy_ok "$p"
	done
	form_csrf w /o/1/risks/new "title=" "category=x"
	assert_status 422
	tidy_ok "risk form with errors"
fi

# ---- isolation: another organisation's risk is not found, its register is closed
cli org add --data "$KF_DATA" --name "Andere Firma"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add other@example.org "Otto Other" admin 2
login other other@example.org "$PW"
api_as other POST /api/v1/orgs/2/risks '{"title": "Geheimes Risiko", "category": "cyber", "likelihood": 5, "impact": 5}'
assert_status 201
foreign=$(json .id)
web w GET "/o/1/risks/$foreign"
assert_status 404
web w GET "/o/1/risks/$foreign/delete"
assert_status 404
refresh_csrf w 2>/dev/null
web w GET /o/1/risks
refresh_csrf w
form_csrf w "/o/1/risks/$foreign" "version=1" "title=Gekapert" "category=cyber" "likelihood=1" "impact=1"
assert_status 404
form_csrf w "/o/1/risks/$foreign/delete" "version=1"
assert_status 404
web w GET /o/2/risks
assert_status 404
api GET "/api/v1/orgs/2/risks"
assert_error 404 not_found
api GET "$O/risks/$foreign"
assert_error 404 not_found
api PATCH "$O/risks/$foreign" '{"title": "Gekapert"}' -H "$(im 1)"
assert_error 404 not_found
web w GET /o/1/risks
assert_not_contains "$BODY" "Geheimes Risiko" "other organisation's risk not listed"
api_as other GET "/api/v1/orgs/2/risks/$foreign"
assert_status 200
assert_json .title "Geheimes Risiko"
assert_json .version 1

kf_stop
kf_done
