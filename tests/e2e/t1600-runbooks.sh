#!/usr/bin/env bash
# Runbooks (step 3): CRUD with versions and history, one per IT system, every bad field named,
# the html renderings (Markdown escaped, javascript: links neutralised), runbooks of deleted
# systems hidden, readers, and isolation against a second organisation.
. "$(dirname "$0")/lib.sh"

kf_setup
new_role tech '{"name": "Technik"}'

new_system() { # VAR JSON
	api POST "$O/systems" "$2"
	[[ $STATUS == 201 ]] || { fail "creating system $2: expected 201, got $STATUS $BODY"; printf -v "$1" '%s' 0; return 1; }
	printf -v "$1" '%s' "$(json .id)"
}
new_system strom '{"name": "Stromversorgung", "type": "power"}'
new_system server "{\"name\": \"Server\", \"type\": \"server\", \"depends_on_ids\": [$strom]}"

# ---- create and read
rb="{\"system_id\": $server, \"responsible_role_id\": $tech, \"expected_duration_minutes\": 90,
  \"prerequisites\": \"Schlüssel für den **Serverraum**\",
  \"steps\": [{\"text\": \"USV prüfen\", \"minutes\": 10}, {\"text\": \"Server einschalten, [Handbuch](https://example.org/hb)\", \"minutes\": null}],
  \"checks\": \"Anmeldung am ERP klappt\"}"
api POST "$O/runbooks" "$rb"
assert_status 201
id=$(json .id)
assert_header Location "/api/v1/orgs/1/runbooks/$id"
assert_header ETag '"1"'
assert_json .version 1
assert_json .system_id "$server"
assert_json .responsible_role_id "$tech"
assert_json '.steps | length' 2
assert_json '.steps[0].minutes' 10
assert_json '.steps[1].minutes' null
assert_jq '.html.prerequisites == "<p>Schlüssel für den <strong>Serverraum</strong></p>\n"'
assert_jq '.html.steps[1] == "<p>Server einschalten, <a href=\"https://example.org/hb\" rel=\"noopener noreferrer\">Handbuch</a></p>\n"'
api GET "$O/runbooks/$id"
assert_status 200
assert_header ETag '"1"'
assert_json .checks "Anmeldung am ERP klappt"
api GET "$O/runbooks"
assert_status 200
assert_json 'length' 1

# ---- one runbook per system
api POST "$O/runbooks" "{\"system_id\": $server, \"steps\": [{\"text\": \"x\"}]}"
assert_field_error system_id
api POST "$O/runbooks" "{\"system_id\": $strom, \"steps\": [{\"text\": \"Sicherung einschalten\"}]}"
assert_status 201
sid=$(json .id)
api PATCH "$O/runbooks/$sid" "{\"system_id\": $server}" -H "$(im 1)"
assert_field_error system_id
api GET "$O/runbooks/$sid"
assert_json .system_id "$strom"

# ---- update with If-Match, the html field is read-only, history written
api GET "$O/runbooks/$id"
body=$(jq -c '.steps += [{"text": "Dienste prüfen", "minutes": 5}] | .html = {"checks": "<b>x</b>"}' <<<"$BODY")
api PUT "$O/runbooks/$id" "$body" -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json '.steps | length' 3
assert_json '.steps[2].text' "Dienste prüfen"
assert_jq '.html.checks == "<p>Anmeldung am ERP klappt</p>\n"'
api PUT "$O/runbooks/$id" "$body" -H "$(im 1)"
assert_error 412 version_conflict
api PUT "$O/runbooks/$id" "$body"
assert_error 428 precondition_required
assert_eq 2 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'runbook' AND entity_id = $id")" "history: create and update"

# ---- validation: every bad field named, nothing stored
snapshot list "$O/runbooks"
api POST "$O/runbooks" '{"system_id": 999, "responsible_role_id": 998, "expected_duration_minutes": -5, "steps": [{"text": ""}, {"text": "ok", "minutes": "zehn"}], "checks": 3, "colour": "red"}'
assert_field_error system_id
assert_field_error responsible_role_id
assert_field_error expected_duration_minutes
assert_field_error 'steps[0].text'
assert_field_error 'steps[1].minutes'
assert_field_error checks
assert_field_error colour
api POST "$O/runbooks" "{\"system_id\": $strom, \"steps\": []}"
assert_field_error steps
api POST "$O/runbooks" '{"steps": [{"text": "x"}]}'
assert_field_error system_id
big=$(printf 'x%.0s' {1..5001})
api POST "$O/runbooks" "{\"system_id\": 1, \"steps\": [{\"text\": \"$big\"}]}"
assert_field_error 'steps[0].text'
assert_unchanged list

# ---- Markdown is escaped and javascript: neutralised, in the API and on the page
evil='<script>alert(1)</script> [klick](javascript:alert(2)) [k2](JAVASCRIPT:alert(3)) <img src=x onerror=alert(4)> "q" & <b>'
api GET "$O/runbooks/$sid"
body=$(jq -c --arg e "$evil" '.prerequisites = $e | .steps[0].text = $e | .checks = $e' <<<"$BODY")
api PUT "$O/runbooks/$sid" "$body" -H "$(im 1)"
assert_status 200
assert_json .prerequisites "$evil"
for f in .html.prerequisites '.html.steps[0]' .html.checks; do
	v=$(json "$f")
	assert_not_contains "$v" "<script" "$f"
	assert_not_contains "$v" "javascript:" "$f"
	assert_not_contains "$v" "JAVASCRIPT:" "$f"
	assert_not_contains "$v" "<img" "$f"
	assert_contains "$v" "&lt;script&gt;alert(1)&lt;/script&gt; klick k2 &lt;img" "$f"
done
web_login w "$ADMIN_EMAIL" "$PW"
web w GET "/o/1/runbooks/$sid"
assert_status 200
assert_body_not_contains "<script>alert"
assert_body_not_contains "javascript:"
assert_body_not_contains "JAVASCRIPT:"
assert_body_not_contains "<img"
assert_body_not_contains "<b>"
assert_body_contains "&lt;script&gt;alert(1)&lt;/script&gt; klick k2"
web w GET "/o/1/runbooks/$id"
assert_body_contains '<a href="https://example.org/hb" rel="noopener noreferrer">Handbuch</a>'
assert_body_contains '<strong>Serverraum</strong>'

# ---- delete
api DELETE "$O/runbooks/$sid" -H "$(im 5)"
assert_error 412 version_conflict
api DELETE "$O/runbooks/$sid" -H "$(im 2)"
assert_status 204
api GET "$O/runbooks/$sid"
assert_error 404 not_found
assert_eq 1 "$(db_sql "SELECT count(*) FROM runbook WHERE id = $sid AND deleted_at IS NOT NULL")" "soft delete"
# the system is free for a new runbook
api POST "$O/runbooks" "{\"system_id\": $strom, \"steps\": [{\"text\": \"Neu\"}]}"
assert_status 201
sid2=$(json .id)

# ---- a runbook of a deleted system is no longer listed or found
new_system drucker '{"name": "Drucker", "type": "client"}'
api POST "$O/runbooks" "{\"system_id\": $drucker, \"steps\": [{\"text\": \"Papier einlegen\"}]}"
assert_status 201
did=$(json .id)
api DELETE "$O/systems/$drucker" -H "$(im 1)"
assert_status 204
api GET "$O/runbooks/$did"
assert_error 404 not_found
api GET "$O/runbooks"
assert_json '[.[].id] | map(tostring) | join(",")' "$id,$sid2"

# ---- readers read, do not write
kf_user_add rita@example.org "Rita Leserin" reader
login rita rita@example.org "$PW" || kf_die "login rita"
api_as rita GET "$O/runbooks/$id"
assert_status 200
api_as rita POST "$O/runbooks" "{\"system_id\": $strom, \"steps\": [{\"text\": \"x\"}]}"
assert_error 403 forbidden
api_as rita DELETE "$O/runbooks/$id" -H "$(im 2)"
assert_error 403 forbidden

# ---- isolation: a second organisation neither sees these runbooks nor uses these systems or roles
cli org add --data "$KF_DATA" --name "Tischlerei Holz"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add otto@example.org "Otto Other" admin 2
login otto otto@example.org "$PW" || kf_die "login otto"
api_as otto GET /api/v1/orgs/2/runbooks
assert_status 200
assert_json 'length' 0
api_as otto GET "/api/v1/orgs/2/runbooks/$id"
assert_error 404 not_found
api_as otto PUT "/api/v1/orgs/2/runbooks/$id" "{\"system_id\": $server, \"steps\": [{\"text\": \"x\"}]}" -H "$(im 2)"
assert_error 404 not_found
api_as otto DELETE "/api/v1/orgs/2/runbooks/$id" -H "$(im 2)"
assert_error 404 not_found
api_as otto POST /api/v1/orgs/2/runbooks "{\"system_id\": $server, \"responsible_role_id\": $tech, \"steps\": [{\"text\": \"x\"}]}"
assert_field_error system_id
assert_field_error responsible_role_id
api_as otto GET "/api/v1/orgs/1/runbooks"
assert_error 404 not_found
api GET "$O/runbooks/$id"
assert_json .version 2

kf_stop
kf_done
