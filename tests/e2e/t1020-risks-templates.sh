#!/usr/bin/env bash
# Starter risk catalogue: list it, adopt a choice in one go (API and form),
# skip titles that exist (case-insensitive), refuse unknown keys storing nothing.
. "$(dirname "$0")/lib.sh"

kf_setup
snapshot risks "$O/risks"

api GET /api/v1/templates/risks
assert_status 200
assert_jq '.risks | length >= 14' "at least 14 scenarios"
for k in ransomware phishing datenabfluss serverabsturz hardwaredefekt internetausfall feuer wasserschaden \
	stromausfall geloeschte-daten fehlkonfiguration laptop-verloren it-dienstleister schluesselperson; do
	assert_jq "[.risks[].key] | index(\"$k\") != null" "scenario $k is offered"
done
assert_jq '.threats | length == 47' "47 BSI threats"
assert_jq '.threats[38] == {"id": "G 0.39", "title": "Schadprogramme"}' "G 0.39 Schadprogramme"
assert_jq 'all(.risks[]; (.threat_refs | length) >= 1 and (.immediate_actions | length) > 40)' "every scenario has G refs and immediate actions"
assert_jq '.risks[] | select(.key == "ransomware") | .threat_refs == ["G 0.39", "G 0.35", "G 0.45", "G 0.23"]' "ransomware refs"
assert_jq '.risks[] | select(.key == "schluesselperson") | .threat_refs == ["G 0.33"]' "key person refs"
assert_jq 'all(.risks[]; .score == .likelihood * .impact)' "template scores"
api_as anon GET /api/v1/templates/risks
assert_error 401 unauthenticated

# refused choices store nothing
api POST "$O/risks/adopt" '{"risks": ["ransomware", "meteorit"]}'
assert_error 422 validation_failed
assert_field_error 'risks[1]'
api POST "$O/risks/adopt" '{"risks": ["feuer", "feuer"]}'
assert_error 422 validation_failed
assert_field_error 'risks[1]'
api POST "$O/risks/adopt" '{"risks": []}'
assert_error 422 validation_failed
assert_field_error risks
api POST "$O/risks/adopt" '{}'
assert_error 422 validation_failed
assert_field_error risks
api POST "$O/risks/adopt" '{"risks": "feuer"}'
assert_error 422 validation_failed
assert_field_error risks
api POST "$O/risks/adopt" '{"risks": [1]}'
assert_error 422 validation_failed
assert_field_error 'risks[0]'
api POST "$O/risks/adopt" '{"risiken": ["feuer"]}'
assert_error 422 validation_failed
assert_field_error risiken
assert_unchanged risks

# a reader may look but not adopt
kf_user_add leser@example.org "Lea Leser" reader
login reader leser@example.org "$PW"
api_as reader GET /api/v1/templates/risks
assert_status 200
api_as reader POST "$O/risks/adopt" '{"risks": ["feuer"]}'
assert_error 403 forbidden
assert_unchanged risks

# a risk with a scenario's title in other case exists already
api POST "$O/risks" '{"title": "FEUER", "category": "environment", "likelihood": 1, "impact": 4}'
assert_status 201

# adopt through the API
api POST "$O/risks/adopt" '{"risks": ["ransomware", "phishing", "feuer", "schluesselperson"]}'
assert_status 200
assert_json .created 3
assert_json .skipped 1
api GET "$O/risks"
assert_json 'length' 4
assert_json '.[0].title' 'Ransomware (Verschlüsselungstrojaner)'
assert_json '.[0].level' critical
assert_jq 'all(.[]; .status == "open" and .owner_contact_id == null)' "adopted risks are open and have no owner"
assert_jq '.[] | select(.title | startswith("Ransomware")) | .threat_refs == ["G 0.39", "G 0.35", "G 0.45", "G 0.23"]' "G refs adopted"
assert_jq '.[] | select(.title | startswith("Ransomware")) | .immediate_actions | test("^1\\. ")' "immediate actions adopted"
assert_eq 4 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'risk' AND action = 'create'")" "one history record per risk"

# again: everything is skipped
api POST "$O/risks/adopt" '{"risks": ["ransomware", "phishing"]}'
assert_status 200
assert_json .created 0
assert_json .skipped 2

# the web page: all preselected, existing ones disabled; adopting redirects to the register
web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/risks
assert_contains "$BODY" 'href="/o/1/risks/templates"' "register links the starter page"
web w GET /o/1/risks/templates
assert_status 200
assert_body_contains 'value="ransomware" disabled'
assert_body_contains 'value="feuer" disabled'
assert_body_contains 'value="stromausfall" checked'
assert_body_contains 'value="laptop-verloren" checked'
refresh_csrf w
form_csrf w /o/1/risks/templates risk=stromausfall risk=wasserschaden risk=ransomware
assert_redirect 303 '/o/1/risks?adopted=2'
api GET "$O/risks"
assert_json 'length' 6
snapshot risks "$O/risks"
form_csrf w /o/1/risks/templates risk=nix
assert_status 422
assert_body_contains 'ist keine bekannte Vorlage'
form_csrf w /o/1/risks/templates
assert_status 422
assert_unchanged risks
# a reader does not get the page
web_login rw leser@example.org "$PW"
web rw GET /o/1/risks/templates
assert_status 403

kf_stop
kf_done
