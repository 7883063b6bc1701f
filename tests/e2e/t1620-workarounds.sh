#!/usr/bin/env bash
# Workarounds (step 3): CRUD with versions and history, several per process, every bad field named,
# html renderings escaped, workarounds of deleted processes hidden, readers, isolation.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact erika '{"name": "Erika Muster"}'
api POST "$O/processes" '{"name": "Auftragsannahme", "cost_per_hour": 200, "rto_hours": 8}'
assert_status 201
proc=$(json .id)
api POST "$O/processes" '{"name": "Versand"}'
assert_status 201
proc2=$(json .id)

# ---- create and read
w="{\"process_id\": $proc, \"title\": \" Aufträge auf Papier \", \"procedure\": \"1. Formular *A* nehmen\n2. Kunde zurückrufen\",
  \"preparation\": \"Formulare drucken, [Vorlage](https://example.org/a.pdf)\", \"sustainable_hours\": 48, \"responsible_contact_id\": $erika}"
api POST "$O/workarounds" "$w"
assert_status 201
id=$(json .id)
assert_header Location "/api/v1/orgs/1/workarounds/$id"
assert_header ETag '"1"'
assert_json .title "Aufträge auf Papier"
assert_json .process_id "$proc"
assert_json .sustainable_hours 48
assert_json .responsible_contact_id "$erika"
assert_jq '.html.procedure == "<ol>\n<li>Formular <em>A</em> nehmen</li>\n<li>Kunde zurückrufen</li>\n</ol>\n"'
assert_jq '.html.preparation | contains("<a href=\"https://example.org/a.pdf\" rel=\"noopener noreferrer\">Vorlage</a>")'
api POST "$O/workarounds" "{\"process_id\": $proc, \"title\": \"Telefonliste\", \"procedure\": \"Kunden anrufen\"}"
assert_status 201
id2=$(json .id)
assert_json .sustainable_hours null
assert_json .responsible_contact_id null
api POST "$O/workarounds" "{\"process_id\": $proc2, \"title\": \"Lieferscheine von Hand\", \"procedure\": \"Block nehmen\"}"
assert_status 201
id3=$(json .id)
api GET "$O/workarounds"
assert_status 200
assert_json 'length' 3
assert_json '[.[].title] | join(",")' "Aufträge auf Papier,Telefonliste,Lieferscheine von Hand"

# ---- update with If-Match, history
api PATCH "$O/workarounds/$id2" '{"sustainable_hours": 24, "html": {"procedure": "<b>"}}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .sustainable_hours 24
assert_jq '.html.procedure == "<p>Kunden anrufen</p>\n"'
api PUT "$O/workarounds/$id2" "{\"process_id\": $proc2, \"title\": \"Telefonliste\", \"procedure\": \"x\"}" -H "$(im 1)"
assert_error 412 version_conflict
api PUT "$O/workarounds/$id2" "{\"process_id\": $proc2, \"title\": \"Telefonliste\", \"procedure\": \"x\"}"
assert_error 428 precondition_required
api PUT "$O/workarounds/$id2" "{\"process_id\": $proc2, \"title\": \"Telefonliste\", \"procedure\": \"Kunden anrufen\"}" -H "$(im 2)"
assert_status 200
assert_json .process_id "$proc2"
assert_json .sustainable_hours null
assert_eq 3 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'workaround' AND entity_id = $id2")" "history: create and two updates"

# ---- validation: every bad field named, nothing stored
snapshot list "$O/workarounds"
api POST "$O/workarounds" '{"process_id": 999, "title": "", "procedure": "  ", "preparation": 4, "sustainable_hours": 100001, "responsible_contact_id": 999, "colour": 1}'
assert_field_error process_id
assert_field_error title
assert_field_error procedure
assert_field_error preparation
assert_field_error sustainable_hours
assert_field_error responsible_contact_id
assert_field_error colour
api POST "$O/workarounds" '{"title": "x", "procedure": "y"}'
assert_field_error process_id
long=$(printf 'x%.0s' {1..201})
api POST "$O/workarounds" "{\"process_id\": $proc, \"title\": \"$long\", \"procedure\": \"y\"}"
assert_field_error title
assert_unchanged list

# ---- escaping
evil='<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>'
api PATCH "$O/workarounds/$id3" "$(jq -nc --arg e "$evil" '{procedure: $e, preparation: $e}')" -H "$(im 1)"
assert_status 200
for f in .html.procedure .html.preparation; do
	v=$(json "$f")
	assert_not_contains "$v" "<script" "$f"
	assert_not_contains "$v" "javascript:" "$f"
	assert_not_contains "$v" "<img" "$f"
done

# ---- delete
api DELETE "$O/workarounds/$id3" -H "$(im 1)"
assert_error 412 version_conflict
api DELETE "$O/workarounds/$id3" -H "$(im 2)"
assert_status 204
api GET "$O/workarounds/$id3"
assert_error 404 not_found
assert_eq 1 "$(db_sql "SELECT count(*) FROM workaround WHERE id = $id3 AND deleted_at IS NOT NULL")" "soft delete"

# ---- workarounds of a deleted process are hidden
api DELETE "$O/processes/$proc2" -H "$(im 1)"
assert_status 204
api GET "$O/workarounds/$id2"
assert_error 404 not_found
api GET "$O/workarounds"
assert_json '[.[].id] | map(tostring) | join(",")' "$id"

# ---- readers read, do not write
kf_user_add rita@example.org "Rita Leserin" reader
login rita rita@example.org "$PW" || kf_die "login rita"
api_as rita GET "$O/workarounds/$id"
assert_status 200
api_as rita POST "$O/workarounds" "{\"process_id\": $proc, \"title\": \"x\", \"procedure\": \"y\"}"
assert_error 403 forbidden

# ---- isolation
cli org add --data "$KF_DATA" --name "Tischlerei Holz"
kf_user_add otto@example.org "Otto Other" admin 2
login otto otto@example.org "$PW" || kf_die "login otto"
api_as otto GET /api/v1/orgs/2/workarounds
assert_status 200
assert_json 'length' 0
api_as otto GET "/api/v1/orgs/2/workarounds/$id"
assert_error 404 not_found
api_as otto PATCH "/api/v1/orgs/2/workarounds/$id" '{"title": "fremd"}' -H "$(im 1)"
assert_error 404 not_found
api_as otto POST /api/v1/orgs/2/workarounds "{\"process_id\": $proc, \"title\": \"x\", \"procedure\": \"y\", \"responsible_contact_id\": $erika}"
assert_field_error process_id
assert_field_error responsible_contact_id
api GET "$O/workarounds/$id"
assert_json .version 1

kf_stop
kf_done
