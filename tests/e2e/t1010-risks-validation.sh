#!/usr/bin/env bash
# Risk validation: every rule of docs/api.md, 422 naming each bad field,
# nothing stored on refusal (POST, PUT, PATCH, web form).
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact erika '{"name": "Erika Muster"}'
api POST "$O/risks" '{"title": "Stromausfall", "category": "environment", "likelihood": 2, "impact": 3, "threat_refs": ["G 0.8"]}'
assert_status 201
rid=$(json .id)
snapshot list "$O/risks"
snapshot item "$O/risks/$rid"

rep() { printf "%0.s$1" $(seq 1 "$2"); } # rep CHAR N
OK='"title": "X", "category": "cyber", "likelihood": 3, "impact": 3'

bad_post() {
	api POST "$O/risks" "$2"
	assert_error 422 validation_failed
	assert_field_error "$1"
}
bad_put() {
	api PUT "$O/risks/$rid" "$2" -H "$(im 1)"
	assert_error 422 validation_failed
	assert_field_error "$1"
}
bad_patch() {
	api PATCH "$O/risks/$rid" "$2" -H "$(im 1)"
	assert_error 422 validation_failed
	assert_field_error "$1"
}

# title
bad_post title '{"category": "cyber", "likelihood": 3, "impact": 3}'
bad_post title '{"title": "", "category": "cyber", "likelihood": 3, "impact": 3}'
bad_post title '{"title": "   ", "category": "cyber", "likelihood": 3, "impact": 3}'
bad_post title "{\"title\": \"$(rep a 201)\", \"category\": \"cyber\", \"likelihood\": 3, \"impact\": 3}"
bad_post title '{"title": 7, "category": "cyber", "likelihood": 3, "impact": 3}'
# category
bad_post category '{"title": "X", "likelihood": 3, "impact": 3}'
bad_post category '{"title": "X", "category": "Cyber", "likelihood": 3, "impact": 3}'
bad_post category '{"title": "X", "category": "feuer", "likelihood": 3, "impact": 3}'
bad_post category '{"title": "X", "category": null, "likelihood": 3, "impact": 3}'
# likelihood and impact: whole numbers 1..5
for v in 0 6 -1 '"3"' 2.5 null true; do
	bad_post likelihood "{\"title\": \"X\", \"category\": \"cyber\", \"likelihood\": $v, \"impact\": 3}"
	bad_post impact "{\"title\": \"X\", \"category\": \"cyber\", \"likelihood\": 3, \"impact\": $v}"
done
bad_post likelihood '{"title": "X", "category": "cyber", "impact": 3}'
bad_post impact '{"title": "X", "category": "cyber", "likelihood": 3}'
# texts up to 10,000
for f in description measures immediate_actions; do
	bad_post $f "{$OK, \"$f\": \"$(rep n 10001)\"}"
	bad_post $f "{$OK, \"$f\": 5}"
done
# owner: a contact of this organisation or null
bad_post owner_contact_id "{$OK, \"owner_contact_id\": 999}"
bad_post owner_contact_id "{$OK, \"owner_contact_id\": 0}"
bad_post owner_contact_id "{$OK, \"owner_contact_id\": \"$erika\"}"
# status
bad_post status "{$OK, \"status\": \"done\"}"
bad_post status "{$OK, \"status\": \"\"}"
bad_post status "{$OK, \"status\": null}"
# review_date: a real date YYYY-MM-DD (the future is fine)
bad_post review_date "{$OK, \"review_date\": \"2027-02-29\"}"
bad_post review_date "{$OK, \"review_date\": \"31.12.2027\"}"
bad_post review_date "{$OK, \"review_date\": \"\"}"
bad_post review_date "{$OK, \"review_date\": 20270101}"
# threat refs: G 0.1 .. G 0.47, exact spelling, no repeats
bad_post 'threat_refs[0]' "{$OK, \"threat_refs\": [\"G 0.48\"]}"
bad_post 'threat_refs[0]' "{$OK, \"threat_refs\": [\"G 0.0\"]}"
bad_post 'threat_refs[1]' "{$OK, \"threat_refs\": [\"G 0.1\", \"G0.2\"]}"
bad_post 'threat_refs[1]' "{$OK, \"threat_refs\": [\"G 0.1\", 2]}"
bad_post 'threat_refs[2]' "{$OK, \"threat_refs\": [\"G 0.1\", \"G 0.2\", \"G 0.1\"]}"
bad_post threat_refs "{$OK, \"threat_refs\": \"G 0.1\"}"
# unknown fields
bad_post farbe "{$OK, \"farbe\": \"rot\"}"
# several at once: all named
api POST "$O/risks" '{"title": "", "category": "x", "likelihood": 9, "impact": 0, "status": "y", "review_date": "nie", "threat_refs": ["G 1.1"], "owner_contact_id": 4242, "foo": 1}'
assert_error 422 validation_failed
for f in title category likelihood impact status review_date 'threat_refs[0]' foo; do
	assert_field_error "$f"
done
assert_unchanged list

# the same rules on PUT and PATCH; the item stays as it was
bad_put title '{"title": "", "category": "cyber", "likelihood": 3, "impact": 3}'
bad_put category '{"title": "X", "likelihood": 3, "impact": 3}'
bad_put impact '{"title": "X", "category": "cyber", "likelihood": 3}'
bad_put owner_contact_id "{$OK, \"owner_contact_id\": 31337}"
bad_patch likelihood '{"likelihood": 6}'
bad_patch status '{"status": "erledigt"}'
bad_patch review_date '{"review_date": "morgen"}'
bad_patch 'threat_refs[0]' '{"threat_refs": ["G 0.99"]}'
bad_patch owner_contact_id '{"owner_contact_id": 31337}'
bad_patch farbe '{"farbe": "rot"}'
assert_unchanged item
assert_unchanged list

# an owner of another organisation is no owner here
cli org add --data "$KF_DATA" --name "Andere Firma"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add other@example.org "Otto Other" admin 2
login other other@example.org "$PW"
api_as other POST /api/v1/orgs/2/contacts '{"name": "Fremde Person"}'
assert_status 201
foreign=$(json .id)
bad_post owner_contact_id "{$OK, \"owner_contact_id\": $foreign}"
bad_patch owner_contact_id "{\"owner_contact_id\": $foreign}"
assert_unchanged item
assert_unchanged list

# the web form refuses the same, names the fields beside them and stores nothing
web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/risks/new
refresh_csrf w
form_csrf w /o/1/risks/new "title=" "category=vulkan" "likelihood=9" "impact=" "status=weg" "review_date=2027-13-01" \
	"owner_contact_id=31337" "threat=G 0.77" "description=bleibt stehen"
assert_status 422
for f in title category likelihood impact status review_date; do
	assert_contains "$BODY" "id=\"err-$f\"" "error beside $f"
done
assert_contains "$BODY" 'fieldset class="threats invalid"' "threat error marked"
assert_eq "bleibt stehen" "$(html_input description)" "input kept"
form_csrf w /o/1/risks/new "title=Gültig" "category=cyber" "likelihood=2" "impact=2" "owner_contact_id=31337"
assert_status 422
assert_contains "$BODY" 'id="err-owner_contact_id"' "unknown owner named"
form_csrf w "/o/1/risks/$rid" "version=1" "title=" "category=environment" "likelihood=2" "impact=3"
assert_status 422
assert_contains "$BODY" 'id="err-title"' "error beside title on edit"
assert_unchanged item
assert_unchanged list

# boundaries that are fine
api POST "$O/risks" "{\"title\": \"$(rep ä 200)\", \"category\": \"people\", \"likelihood\": 5, \"impact\": 5, \"description\": \"$(rep ü 10000)\", \"measures\": \"$(rep m 10000)\", \"immediate_actions\": \"$(rep i 10000)\", \"review_date\": \"2100-02-28\", \"owner_contact_id\": $erika}"
assert_status 201
assert_json '.title | length' 200
assert_json '.description | length' 10000
all=$(jq -nc '[range(1; 48) | "G 0.\(.)"]')
api POST "$O/risks" "{$OK, \"threat_refs\": $all, \"status\": \"closed\", \"review_date\": null, \"owner_contact_id\": null}"
assert_status 201
assert_json '.threat_refs | length' 47
assert_json '.threat_refs[46]' 'G 0.47'

kf_stop
kf_done
