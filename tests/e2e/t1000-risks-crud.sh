#!/usr/bin/env bash
# Risk register over the API: create, read, list by score, replace, change,
# versions (412 with the current item, 428), delete, history, permissions.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact erika '{"name": "Erika Muster"}'

api GET "$O/risks"
assert_status 200
assert_json 'length' 0

# create
api POST "$O/risks" "{\"title\": \"Ransomware\", \"category\": \"cyber\", \"description\": \"Alles verschlüsselt\", \"likelihood\": 4, \"impact\": 5, \"owner_contact_id\": $erika, \"measures\": \"Offline-Sicherung\", \"status\": \"in_treatment\", \"review_date\": \"2099-06-30\", \"threat_refs\": [\"G 0.39\", \"G 0.35\"], \"immediate_actions\": \"1. Netz trennen\\n2. IT anrufen\"}"
assert_status 201
rid=$(json .id)
assert_eq "/api/v1/orgs/1/risks/$rid" "$(hdr Location | sed -E 's#^https?://[^/]+##')" "Location"
assert_header ETag '"1"'
assert_json .version 1
assert_json .title Ransomware
assert_json .category cyber
assert_json .likelihood 4
assert_json .impact 5
assert_json .score 20
assert_json .level critical
assert_json .owner_contact_id "$erika"
assert_json .status in_treatment
assert_json .review_date 2099-06-30
assert_json '.threat_refs | join(",")' "G 0.39,G 0.35"
assert_json .immediate_actions "1. Netz trennen
2. IT anrufen"

# minimal risk: defaults
api POST "$O/risks" '{"title": "Feuer", "category": "environment", "likelihood": 1, "impact": 5}'
assert_status 201
fid=$(json .id)
assert_json .status open
assert_json .review_date null
assert_json .owner_contact_id null
assert_json '.threat_refs | length' 0
assert_json .score 5
assert_json .level medium
api POST "$O/risks" '{"title": "Anton fällt aus", "category": "people", "likelihood": 2, "impact": 2}'
assert_status 201
api POST "$O/risks" '{"title": "Backup weg", "category": "human", "likelihood": 1, "impact": 5}'
assert_status 201

# list: highest score first, then by title
api GET "$O/risks"
assert_status 200
assert_json '[.[].title] | join(";")' "Ransomware;Backup weg;Feuer;Anton fällt aus"
assert_json '[.[].level] | join(",")' "critical,medium,medium,low"

# read one
api GET "$O/risks/$rid"
assert_status 200
assert_header ETag '"1"'
assert_json .title Ransomware

# PUT replaces; score and level sent back are ignored
api GET "$O/risks/$fid"
body=$(jq -c '.impact = 4 | .likelihood = 3 | .score = 1 | .level = "low" | .measures = "Rauchmelder"' <<<"$BODY")
api PUT "$O/risks/$fid" "$body" -H "$(im 1)"
assert_status 200
assert_header ETag '"2"'
assert_json .version 2
assert_json .score 12
assert_json .level high
assert_json .measures Rauchmelder
api PUT "$O/risks/$fid" '{"title": "Feuer im Lager", "category": "environment", "likelihood": 3, "impact": 4}' -H "$(im 2)"
assert_status 200
assert_json .measures ""
assert_json .version 3

# PATCH changes only the given fields
api PATCH "$O/risks/$rid" '{"status": "accepted", "review_date": null, "threat_refs": ["G 0.39"]}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .status accepted
assert_json .review_date null
assert_json '.threat_refs | join(",")' 'G 0.39'
assert_json .title Ransomware
assert_json .owner_contact_id "$erika"
assert_json .measures Offline-Sicherung

# versions: 428 without If-Match, 412 with the current item for a stale one
snapshot item "$O/risks/$rid"
api PATCH "$O/risks/$rid" '{"status": "closed"}'
assert_error 428 precondition_required
api PATCH "$O/risks/$rid" '{"status": "closed"}' -H "$(im 1)"
assert_error 412 version_conflict
assert_json .current.version 2
assert_json .current.status accepted
api PUT "$O/risks/$rid" '{"title": "X", "category": "cyber", "likelihood": 1, "impact": 1}' -H "$(im 7)"
assert_error 412 version_conflict
api DELETE "$O/risks/$rid" "" -H "$(im 1)"
assert_error 412 version_conflict
api DELETE "$O/risks/$rid"
assert_error 428 precondition_required
assert_unchanged item

# permissions: a reader reads, but does not write
kf_user_add leser@example.org "Lea Leser" reader
login reader leser@example.org "$PW"
api_as reader GET "$O/risks"
assert_status 200
assert_json 'length' 4
api_as reader GET "$O/risks/$rid"
assert_status 200
api_as reader POST "$O/risks" '{"title": "Leser", "category": "cyber", "likelihood": 1, "impact": 1}'
assert_error 403 forbidden
api_as reader PATCH "$O/risks/$rid" '{"status": "closed"}' -H "$(im 2)"
assert_error 403 forbidden
api_as reader DELETE "$O/risks/$rid" "" -H "$(im 2)"
assert_error 403 forbidden
assert_unchanged item
# not signed in
api_as anon GET "$O/risks"
assert_error 401 unauthenticated

# the owner's contact is deleted: the risk reads "no owner" (the contact fills no role)
api GET "$O/contacts/$erika"
api DELETE "$O/contacts/$erika" "" -H "$(im "$(json .version)")"
assert_status 204
api GET "$O/risks/$rid"
assert_json .owner_contact_id null

# delete
api DELETE "$O/risks/$rid" "" -H "$(im 2)"
assert_status 204
api GET "$O/risks/$rid"
assert_error 404 not_found
api PATCH "$O/risks/$rid" '{"status": "open"}' -H "$(im 3)"
assert_error 404 not_found
api GET "$O/risks"
assert_json 'length' 3
api GET "$O/risks/999999"
assert_error 404 not_found
api GET "$O/risks/abc"
assert_status 400

# history: create, update, delete each wrote a record in the same transaction
assert_eq 3 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'risk' AND entity_id = $rid")" "history records of the risk"
assert_eq 3 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'risk' AND entity_id = $fid")" "history records of Feuer"
assert_eq delete "$(db_sql "SELECT action FROM history WHERE entity = 'risk' AND entity_id = $rid ORDER BY id DESC LIMIT 1")" "last action"
# the score is never stored
assert_eq 0 "$(db_sql "SELECT count(*) FROM pragma_table_info('risk') WHERE name IN ('score', 'level')")" "no score column"

kf_stop
kf_done
