#!/usr/bin/env bash
# Affected processes and systems of a risk: ids validated (unknown, deleted, other
# organisation: field errors), the computed cost of one day (each process once, through
# dependent systems), and deleting a linked process or system drops the link with history.
. "$(dirname "$0")/lib.sh"

kf_setup

api POST "$O/systems" '{"name": "Strom", "type": "other"}'
s_power=$(json .id)
api POST "$O/systems" "{\"name\": \"Server\", \"type\": \"server\", \"depends_on_ids\": [$s_power]}"
s_server=$(json .id)
api POST "$O/systems" "{\"name\": \"ERP\", \"type\": \"application\", \"depends_on_ids\": [$s_server]}"
s_erp=$(json .id)
api POST "$O/systems" '{"name": "Telefon", "type": "other"}'
s_phone=$(json .id)
api POST "$O/processes" "{\"name\": \"Verkauf\", \"cost_per_hour\": 100, \"system_ids\": [$s_erp]}"
p_sales=$(json .id)
api POST "$O/processes" "{\"name\": \"Lohn\", \"cost_per_hour\": 10, \"system_ids\": [$s_server, $s_phone]}"
p_pay=$(json .id)
api POST "$O/processes" '{"name": "Beratung", "cost_per_hour": 1}'
p_advice=$(json .id)

# power fails: Verkauf (through ERP → Server → Strom) and Lohn (through Server), each once
api POST "$O/risks" "{\"title\": \"Stromausfall\", \"category\": \"technical\", \"likelihood\": 2, \"impact\": 4, \"system_ids\": [$s_power], \"process_ids\": [$p_sales]}"
assert_status 201
r1=$(json .id)
assert_jq ".system_ids == [$s_power] and .process_ids == [$p_sales]" "links stored in order"
assert_json .cost_per_day $(((100 + 10) * 24))
api POST "$O/risks" "{\"title\": \"Telefon tot\", \"category\": \"provider\", \"likelihood\": 2, \"impact\": 2, \"system_ids\": [$s_phone], \"process_ids\": [$p_advice]}"
r2=$(json .id)
assert_json .cost_per_day $(((10 + 1) * 24))
api POST "$O/risks" '{"title": "Ohne", "category": "human", "likelihood": 1, "impact": 1}'
assert_json .cost_per_day 0
assert_jq '.process_ids == [] and .system_ids == []' "no links"
api GET "$O/risks"
assert_jq ".[] | select(.id == $r1) | .cost_per_day == 2640" "cost in the list"
# computed, never stored: sending it back changes nothing
api PATCH "$O/risks/$r1" '{"cost_per_day": 1}' -H "$(im 1)"
assert_status 200
assert_json .cost_per_day 2640

# bad ids name the field; nothing stored
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add otto@example.org "Otto Other" admin 2
login otto otto@example.org "$PW" || kf_die "login otto"
O2=/api/v1/orgs/2
api_as otto POST "$O2/processes" '{"name": "Fremd"}'
p_other=$(json .id)
api_as otto POST "$O2/systems" '{"name": "Fremd", "type": "server"}'
s_other=$(json .id)
api POST "$O/processes" '{"name": "Weg"}'
p_gone=$(json .id)
api DELETE "$O/processes/$p_gone" -H "$(im 1)"
assert_status 204
snapshot list "$O/risks"
bad() {
	api POST "$O/risks" "{\"title\": \"X\", \"category\": \"cyber\", \"likelihood\": 2, \"impact\": 2, $2}"
	assert_error 422 validation_failed
	assert_field_error "$1"
}
bad 'process_ids[0]' "\"process_ids\": [$p_other]"
bad 'process_ids[1]' "\"process_ids\": [$p_sales, $p_gone]"
bad 'process_ids[0]' '"process_ids": [999]'
bad 'process_ids[0]' '"process_ids": ["1"]'
bad 'process_ids[1]' "\"process_ids\": [$p_sales, $p_sales]"
bad process_ids '"process_ids": 3'
bad 'system_ids[0]' "\"system_ids\": [$s_other]"
bad 'system_ids[0]' '"system_ids": [0]'
bad 'system_ids[1]' "\"system_ids\": [$s_erp, $s_erp]"
api PATCH "$O/risks/$r1" "{\"system_ids\": [$s_other]}" -H "$(im 2)"
assert_field_error 'system_ids[0]'
api PUT "$O/risks/$r1" "{\"title\": \"Stromausfall\", \"category\": \"technical\", \"likelihood\": 2, \"impact\": 4, \"process_ids\": [$p_other]}" -H "$(im 2)"
assert_field_error 'process_ids[0]'
assert_unchanged list
# the other organisation cannot link ours either
api_as otto POST "$O2/risks" "{\"title\": \"X\", \"category\": \"cyber\", \"likelihood\": 2, \"impact\": 2, \"process_ids\": [$p_sales], \"system_ids\": [$s_erp]}"
assert_field_error 'process_ids[0]'
assert_field_error 'system_ids[0]'

# deleting a linked process drops the link from the risk, with a history record
api DELETE "$O/processes/$p_advice" -H "$(im 1)"
assert_status 204
api GET "$O/risks/$r2"
assert_jq '.process_ids == []' "link to the deleted process dropped"
assert_json .version 2
assert_json .cost_per_day 240
assert_eq 1 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'risk' AND entity_id = $r2 AND action = 'update'")" \
	"history record of the dropped link"
# a linked system that nothing else needs: deleted, the link is dropped
api DELETE "$O/processes/$p_pay" -H "$(im 1)"
assert_status 204
api DELETE "$O/systems/$s_phone" -H "$(im 1)"
assert_status 204
api GET "$O/risks/$r2"
assert_jq '.system_ids == []' "link to the deleted system dropped"
assert_json .version 3
# a system other systems need is still refused, as before
api DELETE "$O/systems/$s_power" -H "$(im 1)"
assert_error 409 in_use

kf_done
