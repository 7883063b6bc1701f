#!/usr/bin/env bash
# Copies register over the API: CRUD with versions and history, validation
# naming every field, the stale rule after a later change to a contact,
# permissions, and isolation between organisations.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact erika '{"name": "Erika Muster"}'
today=$(date -u +%F)
yesterday=$(date -u -d yesterday +%F)
tomorrow=$(date -u -d tomorrow +%F)

api GET "$O/plan-copies"
assert_status 200
assert_json 'length' 0

# create: a copy holding today's plan is current
api POST "$O/plan-copies" "{\"kind\": \"print\", \"location\": \" Notfallordner im Büro der Geschäftsführung \", \"holder_contact_id\": $erika, \"plan_date\": \"$today\", \"notes\": \"Schlüssel bei Erika\"}"
assert_status 201
c1=$(json .id)
assert_eq "/api/v1/orgs/1/plan-copies/$c1" "$(hdr Location | sed -E 's#^https?://[^/]+##')" "Location"
assert_header ETag '"1"'
assert_json .kind print
assert_json .location "Notfallordner im Büro der Geschäftsführung"
assert_json .holder_contact_id "$erika"
assert_json .plan_date "$today"
assert_json .last_checked null
assert_json .stale false
assert_jq '.plan_changed_at | type == "string"' "the plan changed when the contact was added"

# a copy made yesterday is stale: the contact was added today
api POST "$O/plan-copies" "{\"kind\": \"usb\", \"location\": \"Tresor\", \"plan_date\": \"$yesterday\", \"last_checked\": \"$yesterday\"}"
assert_status 201
c2=$(json .id)
assert_json .stale true
assert_json .holder_contact_id null
assert_json .last_checked "$yesterday"

# list: by plan date
api GET "$O/plan-copies"
assert_json '[.[].location] | join(";")' "Tresor;Notfallordner im Büro der Geschäftsführung"
assert_json '[.[].stale] | join(",")' "true,false"

# recording or changing copies does not count as a change of the plan
api PATCH "$O/plan-copies/$c2" "{\"plan_date\": \"$today\"}" -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .stale false
assert_json .location Tresor
api GET "$O/plan-copies/$c1"
assert_json .stale false
# nor does the teamwork around the plan: a comment and a task, even dated tomorrow
api POST "$O/comments" "{\"entity\": \"contact\", \"entity_id\": $erika, \"body\": \"Nummer stimmt noch?\"}"
assert_status 201
api POST "$O/tasks" '{"title": "Nummer von Erika prüfen", "step": 2}'
assert_status 201
db_sql "UPDATE history SET at = strftime('%s', '$tomorrow') WHERE entity IN ('comment', 'task')" >/dev/null
api GET "$O/plan-copies/$c1"
assert_json .stale false

# stale after a later change: move the change of the contact to tomorrow's
# first second in the history (the plan changed after the day of the copy)
api PATCH "$O/contacts/$erika" '{"function": "Geschäftsführung"}' -H "$(im 1)"
assert_status 200
api GET "$O/plan-copies/$c1"
assert_json .stale false
db_sql "UPDATE history SET at = strftime('%s', '$tomorrow') WHERE entity = 'contact' AND action = 'update'" >/dev/null
api GET "$O/plan-copies/$c1"
assert_json .stale true
assert_json .plan_changed_at "${tomorrow}T00:00:00Z"
# same day, last second: still current
db_sql "UPDATE history SET at = strftime('%s', '$tomorrow') - 1 WHERE entity = 'contact' AND action = 'update'" >/dev/null
api GET "$O/plan-copies/$c1"
assert_json .stale false
db_sql "UPDATE history SET at = strftime('%s', '$tomorrow') WHERE entity = 'contact' AND action = 'update'" >/dev/null

# PUT replaces; computed fields sent back are ignored
api GET "$O/plan-copies/$c1"
body=$(jq -c ".stale = false | .plan_changed_at = null | .plan_date = \"$today\" | .last_checked = \"$today\" | del(.notes)" <<<"$BODY")
api PUT "$O/plan-copies/$c1" "$body" -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .notes ""
assert_json .last_checked "$today"

# validation: every bad field named, nothing stored
snapshot list "$O/plan-copies"
api POST "$O/plan-copies" '{}'
assert_field_error kind
assert_field_error location
assert_field_error plan_date
api POST "$O/plan-copies" "{\"kind\": \"fax\", \"location\": \"\", \"plan_date\": \"$tomorrow\", \"last_checked\": \"gestern\", \"holder_contact_id\": 999999, \"notes\": 1, \"farbe\": \"rot\"}"
assert_field_error kind
assert_field_error location
assert_field_error plan_date
assert_field_error last_checked
assert_field_error notes
assert_field_error farbe
api POST "$O/plan-copies" "{\"kind\": \"cloud\", \"location\": \"Nextcloud\", \"plan_date\": \"$today\", \"holder_contact_id\": 999999}"
assert_field_error holder_contact_id
api PATCH "$O/plan-copies/$c2" "{\"plan_date\": \"$tomorrow\"}" -H "$(im 2)"
assert_field_error plan_date
assert_unchanged list

# versions
api PATCH "$O/plan-copies/$c2" '{"notes": "x"}'
assert_error 428 precondition_required
api PATCH "$O/plan-copies/$c2" '{"notes": "x"}' -H "$(im 1)"
assert_error 412 version_conflict
assert_json .current.version 2
api DELETE "$O/plan-copies/$c2" "" -H "$(im 1)"
assert_error 412 version_conflict
assert_unchanged list

# permissions
kf_user_add leser@example.org "Lea Leser" reader
login reader leser@example.org "$PW"
api_as reader GET "$O/plan-copies"
assert_status 200
assert_json 'length' 2
api_as reader POST "$O/plan-copies" "{\"kind\": \"print\", \"location\": \"x\", \"plan_date\": \"$today\"}"
assert_error 403 forbidden
api_as reader DELETE "$O/plan-copies/$c2" "" -H "$(im 2)"
assert_error 403 forbidden
api_as anon GET "$O/plan-copies"
assert_error 401 unauthenticated
assert_unchanged list

# the holder's contact is deleted: the copy reads "nobody"
api GET "$O/contacts/$erika"
api DELETE "$O/contacts/$erika" "" -H "$(im "$(json .version)")"
assert_status 204
api GET "$O/plan-copies/$c1"
assert_json .holder_contact_id null

# delete
api DELETE "$O/plan-copies/$c2" "" -H "$(im 2)"
assert_status 204
api GET "$O/plan-copies/$c2"
assert_error 404 not_found
api GET "$O/plan-copies"
assert_json 'length' 1
api GET "$O/plan-copies/abc"
assert_status 400
assert_eq 3 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'plan_copy' AND entity_id = $c2")" "history of the copy"
assert_eq 0 "$(db_sql "SELECT count(*) FROM pragma_table_info('plan_copy') WHERE name IN ('stale', 'plan_changed_at')")" "stale is never stored"

# isolation
cli org add --data "$KF_DATA" --name "Andere Firma"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add other@example.org "Otto Other" admin 2
login other other@example.org "$PW"
api_as other POST /api/v1/orgs/2/plan-copies "{\"kind\": \"print\", \"location\": \"Geheimer Ordner\", \"plan_date\": \"$today\"}"
assert_status 201
foreign=$(json .id)
assert_json .stale false
assert_json .plan_changed_at null
api_as other POST /api/v1/orgs/2/plan-copies "{\"kind\": \"print\", \"location\": \"x\", \"plan_date\": \"$today\", \"holder_contact_id\": $erika}"
assert_field_error holder_contact_id
api GET "$O/plan-copies/$foreign"
assert_error 404 not_found
api PATCH "$O/plan-copies/$foreign" '{"location": "Gekapert"}' -H "$(im 1)"
assert_error 404 not_found
api DELETE "$O/plan-copies/$foreign" "" -H "$(im 1)"
assert_error 404 not_found
api GET /api/v1/orgs/2/plan-copies
assert_error 404 not_found
api GET "$O/plan-copies"
assert_not_contains "$BODY" "Geheimer Ordner" "other organisation's copy not listed"
api_as other GET "/api/v1/orgs/2/plan-copies/$foreign"
assert_json .location "Geheimer Ordner"
assert_json .version 1

kf_stop
kf_done
