#!/usr/bin/env bash
# Communication templates: the starters (list, adopt in one go, skip existing
# titles), CRUD with versions, the filled text with the organisation's name,
# the Notfallleitung and the meeting place, unknown placeholders reported,
# and escaping of a <script> in a body in the HTML.
. "$(dirname "$0")/lib.sh"

kf_setup
today=$(date -u +%F)
datum=$(date -u +%d.%m.%Y)

api GET /api/v1/templates/comm
assert_status 200
assert_json '.templates | length' 5
assert_json '[.templates[].audience] | sort | join(",")' "authorities,customers,public,staff,suppliers"
assert_jq '.templates[] | select(.audience == "staff") | .title == "IT-Ausfall – bitte so vorgehen"' "staff starter"
assert_jq 'all(.templates[]; (.body | test("\\{notfallleitung\\}")))' "every starter names the Notfallleitung"
api_as anon GET /api/v1/templates/comm
assert_error 401 unauthenticated

# adopt: refused choices store nothing
snapshot list "$O/comm-templates"
api POST "$O/comm-templates/adopt" '{"templates": ["kunden-erreichbarkeit", "gibts-nicht"]}'
assert_field_error 'templates[1]'
api POST "$O/comm-templates/adopt" '{"templates": ["kunden-erreichbarkeit", "kunden-erreichbarkeit"]}'
assert_field_error 'templates[1]'
api POST "$O/comm-templates/adopt" '{"templates": []}'
assert_field_error templates
api POST "$O/comm-templates/adopt" '{"vorlagen": ["x"]}'
assert_field_error vorlagen
assert_unchanged list

# an existing title (other case) is skipped
api POST "$O/comm-templates" '{"audience": "customers", "title": "eingeschränkte erreichbarkeit", "body": "Eigener Text"}'
assert_status 201
api POST "$O/comm-templates/adopt" '{"templates": ["mitarbeitende-it-ausfall", "kunden-erreichbarkeit", "lieferanten-abstimmung", "oeffentlichkeit-stellungnahme", "behoerden-begleitschreiben"]}'
assert_status 200
assert_json .created 4
assert_json .skipped 1
api GET "$O/comm-templates"
assert_json 'length' 5
assert_json '[.[].audience] | join(",")' "staff,customers,suppliers,public,authorities"
staff=$(json '.[] | select(.audience == "staff") | .id')
assert_eq 5 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'comm_template' AND action = 'create'")" "history per template"

# filled without a Notfallleitung and a meeting place: "—"
api GET "$O/comm-templates/$staff/filled"
assert_status 200
assert_json .subject "IT-Ausfall bei Bäckerei Beispiel: bitte so vorgehen"
assert_contains "$(json .body)" "seit heute, $datum," "date in German"
assert_contains "$(json .body)" "Treffpunkt ist —." "no meeting place yet"
assert_json '.unknown_placeholders | length' 0

# the plan fills them: role "Notfallleitung" with its primary person, the alarm plan's meeting place
new_contact erika '{"name": "Erika <b>Muster</b>", "phones": [{"kind": "office", "number": "0761 123456"}, {"kind": "mobile", "number": "+49 170 1234567"}]}'
new_role rid "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $erika}"
api PUT "$O/alarm-plan" '{"meeting_place": "Besprechungsraum 1, Hauptstraße 5"}' -H "$(im 0)"
assert_status 200
api GET "$O/comm-templates/$staff/filled"
assert_contains "$(json .body)" "Melden Sie Auffälligkeiten sofort an Erika <b>Muster</b>, Telefon +49 170 1234567." "Notfallleitung and mobile number"
assert_contains "$(json .body)" "Treffpunkt ist Besprechungsraum 1, Hauptstraße 5." "meeting place"
# the stored template keeps its placeholders
api GET "$O/comm-templates/$staff"
assert_contains "$(json .body)" "{notfallleitung}" "placeholders stored"

# own template with an unknown placeholder and a script
api POST "$O/comm-templates" '{"audience": "public", "title": "Presse <kurz>", "subject": "{firma} {betreff}", "body": "<script>alert(1)</script> Hallo {firmenname}, {firma} {Firma} {firmenname}"}'
assert_status 201
own=$(json .id)
assert_header ETag '"1"'
api GET "$O/comm-templates/$own/filled"
assert_status 200
assert_json .subject "Bäckerei Beispiel {betreff}"
assert_json .body "<script>alert(1)</script> Hallo {firmenname}, Bäckerei Beispiel {Firma} {firmenname}"
assert_json '.unknown_placeholders | join(",")' "{betreff},{firmenname},{Firma}"

# the HTML escapes the script and the names, shows the warning and the text ready to copy
web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/documents/templates -H 'Accept-Language: en'
assert_status 200
assert_not_contains "$BODY" "<script>alert" "script escaped"
assert_contains "$BODY" "&lt;script&gt;alert(1)&lt;/script&gt; Hallo {firmenname}" "escaped body in the copy field"
assert_not_contains "$BODY" "<b>Muster</b>" "contact name escaped"
assert_contains "$BODY" "Erika &lt;b&gt;Muster&lt;/b&gt;" "name escaped in the filled text"
assert_contains "$BODY" "Presse &lt;kurz&gt;" "title escaped"
assert_contains "$BODY" "id=\"t-$own-body\"" "copy field of the template"
assert_contains "$(html_tag "t-$own-body" 2>/dev/null; grep -o "<textarea readonly[^>]*id=\"t-$own-body\"" <<<"$BODY")" "readonly" "copy field is read-only"
assert_contains "$(html_text)" "{betreff}, {firmenname}, {Firma}" "unknown placeholders named"
web w GET "/o/1/documents/templates/$own" -H 'Accept-Language: en'
assert_status 200
assert_not_contains "$BODY" "<script>alert" "script escaped in the form"
assert_contains "$BODY" "Preview with the values of your plan" "preview on the edit page"

# CRUD and versions
api PATCH "$O/comm-templates/$own" '{"body": "Kurz: {firma}"}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .title "Presse <kurz>"
api GET "$O/comm-templates/$own/filled"
assert_json '.unknown_placeholders | join(",")' "{betreff}"
snapshot item "$O/comm-templates/$own"
api PUT "$O/comm-templates/$own" '{"audience": "public", "title": "x", "body": "y"}' -H "$(im 1)"
assert_error 412 version_conflict
api PUT "$O/comm-templates/$own" '{"audience": "public", "title": "x", "body": "y"}'
assert_error 428 precondition_required
api PUT "$O/comm-templates/$own" '{"audience": "presse", "title": "", "body": ""}' -H "$(im 2)"
assert_field_error audience
assert_field_error title
assert_field_error body
big=$(head -c 10001 /dev/zero | tr '\0' 'x')
api PATCH "$O/comm-templates/$own" "{\"body\": \"$big\"}" -H "$(im 2)"
assert_field_error body
assert_unchanged item
api DELETE "$O/comm-templates/$own" "" -H "$(im 2)"
assert_status 204
api GET "$O/comm-templates/$own/filled"
assert_error 404 not_found

# readers read and see the filled text, but do not write
kf_user_add leser@example.org "Lea Leser" reader
login reader leser@example.org "$PW"
api_as reader GET "$O/comm-templates/$staff/filled"
assert_status 200
api_as reader POST "$O/comm-templates/adopt" '{"templates": ["kunden-erreichbarkeit"]}'
assert_error 403 forbidden
api_as reader POST "$O/comm-templates" '{"audience": "staff", "title": "x", "body": "y"}'
assert_error 403 forbidden

# the starter page: existing ones disabled; adopting again skips
web w GET /o/1/documents/templates/starter
assert_status 200
assert_body_contains 'value="mitarbeitende-it-ausfall" disabled'
api DELETE "$O/comm-templates/$staff" "" -H "$(im 1)"
assert_status 204
web w GET /o/1/documents/templates/starter
assert_body_contains 'value="mitarbeitende-it-ausfall" checked'
refresh_csrf w
form_csrf w /o/1/documents/templates/starter template=mitarbeitende-it-ausfall template=kunden-erreichbarkeit
assert_redirect 303 '/o/1/documents/templates?adopted=1'
form_csrf w /o/1/documents/templates/starter template=nix
assert_status 422
form_csrf w /o/1/documents/templates/starter
assert_status 422

# isolation
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
login other other@example.org "$PW"
api_as other POST /api/v1/orgs/2/comm-templates '{"audience": "staff", "title": "Geheim", "body": "{firma} {notfallleitung}"}'
foreign=$(json .id)
api_as other GET "/api/v1/orgs/2/comm-templates/$foreign/filled"
assert_json .body "Andere Firma —"
api GET "$O/comm-templates/$foreign/filled"
assert_error 404 not_found
api GET "$O/comm-templates/$foreign"
assert_error 404 not_found
web w GET "/o/1/documents/templates/$foreign"
assert_status 404

kf_stop
kf_done
