#!/usr/bin/env bash
# Risk scale per organisation: default 5×5, BSI 4×4 preset, If-Match, a scale change
# while risks exist needs confirm_rescale and maps every risk with history; validation
# follows the scale; levels of 4×4; starter risks on 4×4.
. "$(dirname "$0")/lib.sh"

kf_setup

api GET "$O/risk-settings"
assert_status 200
assert_json .scale 5x5
assert_json .scale_size 5
assert_json .version 0
assert_header ETag '"0"'

# no risks yet: the change needs no confirmation
api PUT "$O/risk-settings" '{"scale": "bsi-4x4"}'
assert_error 428 precondition_required
api PUT "$O/risk-settings" '{"scale": "bsi-4x4"}' -H "$(im 0)"
assert_status 200
assert_json .scale bsi-4x4
assert_json .version 1
assert_json .rescaled_risks 0
api PUT "$O/risk-settings" '{"scale": "5x5"}' -H "$(im 0)"
assert_status 412
api PUT "$O/risk-settings" '{"scale": "5x5"}' -H "$(im 1)"
assert_status 200
assert_json .version 2

# bad input names the field, nothing changes
snapshot s "$O/risk-settings"
api PUT "$O/risk-settings" '{"scale": "3x3"}' -H "$(im 2)"
assert_error 422 validation_failed
assert_field_error scale
api PUT "$O/risk-settings" '{}' -H "$(im 2)"
assert_field_error scale
api PUT "$O/risk-settings" '{"scale": "bsi-4x4", "colour": "red"}' -H "$(im 2)"
assert_field_error colour
api PUT "$O/risk-settings" '{"scale": "bsi-4x4", "confirm_rescale": "yes"}' -H "$(im 2)"
assert_field_error confirm_rescale
assert_unchanged s

# risks on 5×5, then a change to 4×4 needs confirm_rescale
api POST "$O/risks" '{"title": "Brand", "category": "environment", "likelihood": 5, "impact": 5}'
assert_status 201
r1=$(json .id)
api POST "$O/risks" '{"title": "Stromausfall", "category": "technical", "likelihood": 1, "impact": 2}'
r2=$(json .id)
api POST "$O/risks" '{"title": "Laptop", "category": "human", "likelihood": 3, "impact": 4}'
r3=$(json .id)
snapshot list "$O/risks"
api PUT "$O/risk-settings" '{"scale": "bsi-4x4"}' -H "$(im 2)"
assert_error 422 validation_failed
assert_field_error confirm_rescale
assert_unchanged list
assert_unchanged s
api PUT "$O/risk-settings" '{"scale": "bsi-4x4", "confirm_rescale": false}' -H "$(im 2)"
assert_field_error confirm_rescale
assert_unchanged list

hist_before=$(db_sql "SELECT count(*) FROM history WHERE entity = 'risk' AND action = 'update'")
api PUT "$O/risk-settings" '{"scale": "bsi-4x4", "confirm_rescale": true}' -H "$(im 2)"
assert_status 200
assert_json .scale bsi-4x4
assert_json .scale_size 4
assert_json .rescaled_risks 2 # Stromausfall 1,2 stays 1,2
api GET "$O/risks/$r1"
assert_json .likelihood 4
assert_json .impact 4
assert_json .score 16
assert_json .level critical
assert_json .version 2
api GET "$O/risks/$r2"
assert_json .likelihood 1
assert_json .impact 2
assert_json .version 1
api GET "$O/risks/$r3"
assert_json .likelihood 3 # 5→4: 1,2,3,4,5 → 1,2,3,3,4
assert_json .impact 3
assert_json .score 9
assert_json .level high
assert_eq $((hist_before + 2)) "$(db_sql "SELECT count(*) FROM history WHERE entity = 'risk' AND action = 'update'")" \
	"one history record per rescaled risk"
assert_eq 5 "$(db_sql "SELECT json_extract(before_json, '$.likelihood') FROM history WHERE entity = 'risk' AND entity_id = $r1 ORDER BY id DESC LIMIT 1")" \
	"history keeps the old value"

# validation follows the scale: 5 on 4×4 names the field, nothing stored
snapshot list "$O/risks"
api POST "$O/risks" '{"title": "X", "category": "cyber", "likelihood": 5, "impact": 2}'
assert_error 422 validation_failed
assert_field_error likelihood
api POST "$O/risks" '{"title": "X", "category": "cyber", "likelihood": 2, "impact": 5}'
assert_field_error impact
api PATCH "$O/risks/$r2" '{"impact": 5}' -H "$(im 1)"
assert_field_error impact
assert_unchanged list

# levels of 4×4: low 1–3, medium 4–6, high 8–9, critical 12–16
lvl() {
	api POST "$O/risks" "{\"title\": \"L$1$2\", \"category\": \"cyber\", \"likelihood\": $1, \"impact\": $2}"
	assert_status 201
	assert_json .level "$3"
}
lvl 1 3 low
lvl 2 2 medium
lvl 3 2 medium
lvl 4 2 high
lvl 3 3 high
lvl 4 3 critical

# starter risks on 4×4: the 5-point suggestions are mapped (ransomware 4,5 → 3,4)
api POST "$O/risks/adopt" '{"risks": ["ransomware"]}'
assert_status 200
api GET "$O/risks"
assert_jq '.[] | select(.title | startswith("Ransomware")) | .likelihood == 3 and .impact == 4' "ransomware mapped"
assert_jq 'all(.[]; .likelihood <= 4 and .impact <= 4)' "every risk on the 4-point scale"

# back to 5×5: 4→5 maps 1,2,3,4 → 1,2,4,5
api GET "$O/risk-settings"
v=$(json .version)
api PUT "$O/risk-settings" '{"scale": "5x5", "confirm_rescale": true}' -H "$(im "$v")"
assert_status 200
api GET "$O/risks/$r1"
assert_json .likelihood 5
assert_json .level critical

# readers may not change the scale
kf_user_add rita@example.org "Rita Leserin" reader
login rita rita@example.org "$PW" || kf_die "login rita"
api_as rita GET "$O/risk-settings"
assert_status 200
api_as rita PUT "$O/risk-settings" '{"scale": "bsi-4x4", "confirm_rescale": true}' -H "$(im 4)"
assert_status 403

kf_done
