#!/usr/bin/env bash
# Own risk categories: CRUD with versions, unique names, risks using "custom:<id>",
# deletion refused (409) while risks use it, naming them; isolation between organisations.
. "$(dirname "$0")/lib.sh"

kf_setup

api GET "$O/risk-categories"
assert_status 200
assert_json length 0
api POST "$O/risk-categories" '{"name": "Lieferkette", "description": "Zulieferer fallen aus"}'
assert_status 201
c1=$(json .id)
assert_json .category "custom:$c1"
assert_json .version 1
api POST "$O/risk-categories" '{"name": "lieferkette"}'
assert_error 422 validation_failed
assert_field_error name
api POST "$O/risk-categories" '{"name": "  "}'
assert_field_error name
api POST "$O/risk-categories" '{"name": "Q", "farbe": "rot"}'
assert_field_error farbe
api GET "$O/risk-categories"
assert_json length 1

# rename
api PUT "$O/risk-categories/$c1" '{"name": "Lieferketten"}' -H "$(im 1)"
assert_status 200
assert_json .name Lieferketten
assert_json .description ""
api PATCH "$O/risk-categories/$c1" '{"description": "neu"}' -H "$(im 1)"
assert_status 412
api PATCH "$O/risk-categories/$c1" '{"description": "neu"}' -H "$(im 2)"
assert_status 200
assert_json .name Lieferketten

# a risk in the own category; built-ins stay as before
api POST "$O/risks" "{\"title\": \"Zulieferer insolvent\", \"category\": \"custom:$c1\", \"likelihood\": 2, \"impact\": 4}"
assert_status 201
r1=$(json .id)
assert_json .category "custom:$c1"
assert_json .category_name Lieferketten
api POST "$O/risks" '{"title": "Virus", "category": "cyber", "likelihood": 2, "impact": 4}'
assert_json .category cyber
assert_json .category_name null
snapshot list "$O/risks"
for bad in '"custom:999"' '"custom:"' '"custom:abc"' '"custom:0"' '"custom"'; do
	api POST "$O/risks" "{\"title\": \"X\", \"category\": $bad, \"likelihood\": 2, \"impact\": 4}"
	assert_error 422 validation_failed
	assert_field_error category
done
assert_unchanged list

# deletion refused while used, naming the risk; data unchanged
api DELETE "$O/risk-categories/$c1" -H "$(im 3)"
assert_error 409 in_use
assert_json .error.used_by "Zulieferer insolvent"
api GET "$O/risk-categories/$c1"
assert_status 200
api PATCH "$O/risks/$r1" '{"category": "provider"}' -H "$(im 1)"
assert_status 200
api DELETE "$O/risk-categories/$c1" -H "$(im 3)"
assert_status 204
api GET "$O/risk-categories/$c1"
assert_status 404
api POST "$O/risks" "{\"title\": \"Y\", \"category\": \"custom:$c1\", \"likelihood\": 2, \"impact\": 4}"
assert_field_error category

# isolation: another organisation neither sees nor uses the category
api POST "$O/risk-categories" '{"name": "Qualität"}'
c2=$(json .id)
cli org add --data "$KF_DATA" --name "Andere Firma"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add otto@example.org "Otto Other" admin 2
login otto otto@example.org "$PW" || kf_die "login otto"
O2=/api/v1/orgs/2
api_as otto GET "$O2/risk-categories"
assert_status 200
assert_json length 0
api_as otto GET "$O2/risk-categories/$c2"
assert_status 404
api_as otto PATCH "$O2/risk-categories/$c2" '{"name": "Meins"}' -H "$(im 1)"
assert_status 404
api_as otto POST "$O2/risks" "{\"title\": \"Z\", \"category\": \"custom:$c2\", \"likelihood\": 2, \"impact\": 4}"
assert_error 422 validation_failed
assert_field_error category
api GET "$O/risk-categories/$c2"
assert_json .name Qualität

kf_done
