#!/usr/bin/env bash
# Pages of the risk scale (with the confirmation that lists the mapping), own categories,
# and the risk form with affected processes and systems; the heat map draws the scale.
. "$(dirname "$0")/lib.sh"

kf_setup
web_login w "$ADMIN_EMAIL" "$PW"
api POST "$O/systems" '{"name": "ERP <b>", "type": "application"}'
s1=$(json .id)
api POST "$O/processes" "{\"name\": \"Verkauf\", \"cost_per_hour\": 1000, \"system_ids\": [$s1]}"
p1=$(json .id)
api POST "$O/risks" '{"title": "Brand", "category": "environment", "likelihood": 5, "impact": 4}'
r1=$(json .id)

web w GET /o/1/risks/settings
assert_status 200
assert_contains "$BODY" 'value="bsi-4x4"' "BSI preset offered"
refresh_csrf w
form_csrf w /o/1/risks/settings version=0 scale=bsi-4x4
assert_status 200
assert_contains "$BODY" 'name="confirm_rescale"' "confirmation before rescaling"
assert_contains "$BODY" 'class="rescale-map"' "mapping table"
assert_contains "$BODY" '5 → 4' "risk values listed"
api GET "$O/risks/$r1"
assert_json .likelihood 5
form_csrf w /o/1/risks/settings version=0 scale=bsi-4x4 confirm_rescale=1
assert_redirect 303 '/o/1/risks?scale=saved'
api GET "$O/risks/$r1"
assert_json .likelihood 4
assert_json .impact 3
web w GET /o/1/risks
assert_eq 16 "$(grep -o 'data-count="' <<<"$BODY" | wc -l)" "16 cells on 4×4"
assert_contains "$BODY" 'data-likelihood="4" data-impact="3" data-count="1"' "risk in its cell"

# risk form: own categories, 4 steps, checkboxes for processes and systems
api POST "$O/risk-categories" '{"name": "Lieferkette"}'
c1=$(json .id)
web w GET /o/1/risks/new
assert_status 200
assert_contains "$BODY" "value=\"custom:$c1\"" "own category offered"
assert_not_contains "$BODY" '<option value="5"' "no 5 on the 4-point scale"
assert_contains "$BODY" "name=\"process\" id=\"process-$p1\"" "process checkbox"
assert_contains "$BODY" "name=\"system\" id=\"system-$s1\"" "system checkbox"
assert_contains "$BODY" 'ERP &lt;b&gt;' "names escaped"
refresh_csrf w
form_csrf w /o/1/risks/new title=Lieferant "category=custom:$c1" likelihood=5 impact=2 status=open "process=$p1"
assert_status 422
assert_contains "$BODY" 'id="err-likelihood"' "5 refused beside the field"
assert_eq "custom:$c1" "$(html_input category)" "input kept"
form_csrf w /o/1/risks/new title=Lieferant "category=custom:$c1" likelihood=2 impact=2 status=open "process=$p1" "system=999"
assert_status 422
assert_contains "$BODY" 'id="err-system_ids"' "unknown system named"
form_csrf w /o/1/risks/new title=Lieferant "category=custom:$c1" likelihood=2 impact=2 status=open "process=$p1" "system=$s1"
assert_redirect 303 /o/1/risks
api GET "$O/risks"
r2=$(jq -r '.[] | select(.title == "Lieferant") | .id' <<<"$BODY")
web w GET "/o/1/risks/$r2"
assert_contains "$BODY" "href=\"/o/1/processes/$p1\"" "affected process linked"
assert_contains "$BODY" "href=\"/o/1/systems/$s1\"" "affected system linked"
assert_contains "$BODY" '24.000' "cost of one day shown"
web w GET /o/1/risks
assert_contains "$BODY" 'Lieferkette' "own category in the list"

# own categories page: add, duplicate, delete refused while used
web w GET /o/1/risks/categories
assert_status 200
refresh_csrf w
form_csrf w /o/1/risks/categories name=lieferkette
assert_status 422
assert_contains "$BODY" 'id="err-name"' "duplicate name refused"
form_csrf w /o/1/risks/categories name=Qualität "description=Fehler im Produkt"
assert_redirect 303 /o/1/risks/categories
web w GET "/o/1/risks/categories/$c1/delete"
assert_status 200
assert_contains "$BODY" 'Lieferant' "blocking risk named"
form_csrf w "/o/1/risks/categories/$c1/delete" version=1
assert_status 409
api GET "$O/risk-categories/$c1"
assert_status 200

# every page of this feature is valid HTML (tidy, as in t0820), the confirmation too
if command -v tidy >/dev/null; then
	tidy_ok() {
		local out
		out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
		[[ -z $out ]] && _kf_pass || fail "$1 is not valid HTML: $out"
	}
	for p in /o/1/risks /o/1/risks/settings /o/1/risks/new "/o/1/risks/$r2" /o/1/risks/categories \
		"/o/1/risks/categories/$c1" "/o/1/risks/categories/$c1/delete"; do
		web w GET "$p"
		tidy_ok "$p"
	done
	web w GET /o/1/risks/settings
	refresh_csrf w
	form_csrf w /o/1/risks/settings version=1 scale=5x5
	assert_contains "$BODY" 'name="confirm_rescale"' "confirmation on the way back"
	tidy_ok "rescale confirmation"
	form_csrf w /o/1/risks/new title= category=cyber likelihood=9 "system=abc"
	assert_status 422
	tidy_ok "risk form with errors"
fi

kf_done
