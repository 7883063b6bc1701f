#!/usr/bin/env bash
# Staff acknowledgements over the API and the page: internal contacts only
# (an external contact is refused 422), one per person, the count "x of y",
# confirming several at once, versions, permissions and isolation.
. "$(dirname "$0")/lib.sh"

kf_setup
today=$(date -u +%F)
tomorrow=$(date -u -d tomorrow +%F)
new_contact anna '{"name": "Anna Arbeit"}'
new_contact bernd '{"name": "Bernd Bäcker"}'
new_contact carla '{"name": "Carla <i>Kasse</i>"}'
new_contact partner '{"name": "IT-Partner GmbH", "external": true}'

api GET "$O/acknowledgements"
assert_status 200
assert_json 'length' 0

api POST "$O/acknowledgements" "{\"contact_id\": $anna, \"confirmed_on\": \"$today\", \"how\": \"signature\", \"notes\": \"Liste vom Juni\"}"
assert_status 201
a1=$(json .id)
assert_header ETag '"1"'
assert_json .contact_id "$anna"
assert_json .confirmed_on "$today"
assert_json .how signature
assert_json .notes "Liste vom Juni"

snapshot list "$O/acknowledgements"
# external contacts do not confirm
api POST "$O/acknowledgements" "{\"contact_id\": $partner, \"confirmed_on\": \"$today\", \"how\": \"email\"}"
assert_error 422 validation_failed
assert_field_error contact_id
# one per person
api POST "$O/acknowledgements" "{\"contact_id\": $anna, \"confirmed_on\": \"$today\", \"how\": \"briefing\"}"
assert_field_error contact_id
# unknown contact, every bad field named
api POST "$O/acknowledgements" "{\"contact_id\": 999999, \"confirmed_on\": \"$today\", \"how\": \"email\"}"
assert_field_error contact_id
api POST "$O/acknowledgements" "{\"contact_id\": \"x\", \"confirmed_on\": \"$tomorrow\", \"how\": \"fax\", \"notes\": 3, \"wer\": 1}"
assert_field_error contact_id
assert_field_error confirmed_on
assert_field_error how
assert_field_error notes
assert_field_error wer
api POST "$O/acknowledgements" '{}'
assert_field_error contact_id
assert_field_error confirmed_on
assert_field_error how
assert_unchanged list

# a second person; moving the acknowledgement onto a person who has one is refused
api POST "$O/acknowledgements" "{\"contact_id\": $bernd, \"confirmed_on\": \"$today\", \"how\": \"briefing\"}"
assert_status 201
a2=$(json .id)
snapshot list "$O/acknowledgements"
api PATCH "$O/acknowledgements/$a2" "{\"contact_id\": $anna}" -H "$(im 1)"
assert_field_error contact_id
api PATCH "$O/acknowledgements/$a2" "{\"contact_id\": $partner}" -H "$(im 1)"
assert_field_error contact_id
assert_unchanged list
# changing one's own keeps the person
api PATCH "$O/acknowledgements/$a2" '{"how": "email", "notes": "per Antwort"}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .contact_id "$bernd"
assert_json .how email
api PATCH "$O/acknowledgements/$a2" '{"how": "other"}' -H "$(im 1)"
assert_error 412 version_conflict
api PATCH "$O/acknowledgements/$a2" '{"how": "other"}'
assert_error 428 precondition_required

# list by name
api GET "$O/acknowledgements"
assert_json '[.[].contact_id] | map(tostring) | join(",")' "$anna,$bernd"

# the page: 2 of 3 staff members, the external partner is not listed
web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/documents/acknowledgements -H 'Accept-Language: en'
assert_status 200
assert_contains "$(html_id_text ack-count)" "2 of 3 staff members have confirmed" "count"
assert_not_contains "$BODY" "IT-Partner GmbH" "external contacts are not staff"
assert_not_contains "$BODY" "<i>Kasse</i>" "name escaped"
assert_contains "$BODY" "name=\"contact\" id=\"c-$carla\" value=\"$carla\"" "open person can be ticked"
assert_not_contains "$BODY" "value=\"$anna\"" "confirmed person cannot be ticked again"
assert_contains "$BODY" "/o/1/documents/acknowledgements/$a1" "confirmed person links the confirmation"
web w GET /o/1/documents -H 'Accept-Language: en'
assert_contains "$(html_id_text ack-count)" "2 of 3" "overview count"
web w GET /o/1/ -H 'Accept-Language: en'
assert_contains "$(html_id_text ack-count)" "2 of 3" "start page count"

# several at once: Carla plus Anna again (skipped), one date
new_contact dora '{"name": "Dora Dienst"}'
web w GET /o/1/documents/acknowledgements
refresh_csrf w
form_csrf w /o/1/documents/acknowledgements "contact=$carla" "contact=$dora" "contact=$anna" "confirmed_on=$today" "how=briefing"
assert_redirect 303 '/o/1/documents/acknowledgements?confirmed=2'
api GET "$O/acknowledgements"
assert_json 'length' 4
assert_jq "[.[] | select(.contact_id == $carla or .contact_id == $dora) | .how] == [\"briefing\", \"briefing\"]" "bulk confirmations"
assert_jq ".[] | select(.contact_id == $anna) | .how == \"signature\"" "Anna's own confirmation kept"
# refused: an external contact in the batch stores nothing; no one ticked; a future date
new_contact emil '{"name": "Emil Eins"}'
snapshot list "$O/acknowledgements"
form_csrf w /o/1/documents/acknowledgements "contact=$emil" "contact=$partner" "confirmed_on=$today" "how=briefing"
assert_status 422
form_csrf w /o/1/documents/acknowledgements "confirmed_on=$today" "how=briefing"
assert_status 422
form_csrf w /o/1/documents/acknowledgements "contact=$emil" "confirmed_on=$tomorrow" "how=briefing"
assert_status 422
assert_body_contains 'id="err-confirmed_on"'
assert_unchanged list
web w GET /o/1/documents/acknowledgements -H 'Accept-Language: en'
assert_contains "$(html_id_text ack-count)" "4 of 5 staff members have confirmed" "count after the batch"

# a person who becomes external no longer counts as staff
api GET "$O/contacts/$dora"
api PATCH "$O/contacts/$dora" '{"external": true}' -H "$(im "$(json .version)")"
assert_status 200
web w GET /o/1/documents/acknowledgements -H 'Accept-Language: en'
assert_contains "$(html_id_text ack-count)" "3 of 4 staff members have confirmed" "count without Dora"
assert_contains "$(html_text)" "Dora Dienst" "Dora's confirmation still reachable"

# permissions
kf_user_add leser@example.org "Lea Leser" reader
login reader leser@example.org "$PW"
api_as reader GET "$O/acknowledgements"
assert_status 200
api_as reader POST "$O/acknowledgements" "{\"contact_id\": $emil, \"confirmed_on\": \"$today\", \"how\": \"email\"}"
assert_error 403 forbidden
web_login rw leser@example.org "$PW"
web rw GET /o/1/documents/acknowledgements
assert_status 200
assert_not_contains "$BODY" 'name="contact"' "no boxes for readers"
form_csrf rw /o/1/documents/acknowledgements "contact=$emil" "confirmed_on=$today" "how=briefing"
assert_status 403

# delete: the person is open again
api DELETE "$O/acknowledgements/$a1" "" -H "$(im 1)"
assert_status 204
api POST "$O/acknowledgements" "{\"contact_id\": $anna, \"confirmed_on\": \"$today\", \"how\": \"briefing\"}"
assert_status 201
assert_eq 2 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'acknowledgement' AND entity_id = $a2")" "history of Bernd's confirmation (create, update)"
assert_eq delete "$(db_sql "SELECT action FROM history WHERE entity = 'acknowledgement' AND entity_id = $a1 ORDER BY id DESC LIMIT 1")" "deletion in the history"

# isolation
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
login other other@example.org "$PW"
api_as other POST /api/v1/orgs/2/acknowledgements "{\"contact_id\": $emil, \"confirmed_on\": \"$today\", \"how\": \"email\"}"
assert_field_error contact_id
api_as other POST /api/v1/orgs/2/contacts '{"name": "Fremde Person"}'
fremd=$(json .id)
api_as other POST /api/v1/orgs/2/acknowledgements "{\"contact_id\": $fremd, \"confirmed_on\": \"$today\", \"how\": \"email\"}"
assert_status 201
foreign=$(json .id)
api POST "$O/acknowledgements" "{\"contact_id\": $fremd, \"confirmed_on\": \"$today\", \"how\": \"email\"}"
assert_field_error contact_id
api GET "$O/acknowledgements/$foreign"
assert_error 404 not_found
api DELETE "$O/acknowledgements/$foreign" "" -H "$(im 1)"
assert_error 404 not_found
web w GET "/o/1/documents/acknowledgements/$foreign"
assert_status 404

kf_stop
kf_done
