#!/usr/bin/env bash
# Review marks (API): changes to IT systems, providers and people mark the
# chapters they affect, in the change's transaction and only once the plan
# was reviewed; refused changes mark nothing; one open mark per chapter and
# item; "chapter reviewed" by editors only (history), a plan review clears
# all; the Plan-Check lists marked chapters; organisations see only theirs.
. "$(dirname "$0")/lib.sh"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
kf_user_add leser@example.org "Lea Leser" reader 1
kf_user_add bea@example.org "Bea Bearbeiterin" editor 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login other other@example.org "$PW" || kf_die "login other"
login leser leser@example.org "$PW" || kf_die "login reader"
login bea bea@example.org "$PW" || kf_die "login editor"
M=$O/review/marks
today=$(today_utc)

# assert_chapters "a,b,c" LABEL: the chapters with open marks (sorted); BODY is the list afterwards
assert_chapters() {
	api GET "$M"
	assert_status 200
	assert_eq "$1" "$(jq -r '[.chapters[].chapter] | sort | join(",")' <<<"$BODY")" "$2"
}
open_db() { db_sql "SELECT count(*) FROM review_mark WHERE org_id = ${1:-1} AND cleared_at IS NULL"; }
clear_all() { for c in systems team alarm backups runbooks workarounds communication; do api POST "$M/$c/clear"; done; }

# ---- before the first review: changes mark nothing (the whole plan awaits its review)
api POST "$O/systems" '{"name": "Altsystem", "type": "server"}'
assert_status 201
old=$(json .id)
api GET "$M"
assert_status 200
assert_json .total 0
assert_json '.chapters | length' 0
assert_eq 0 "$(open_db)" "no marks before the first review"

# ---- record the first review
api PUT "$O/review" "{\"last_review_date\": \"$today\"}" -H "$(im 0)"
assert_status 200

# ---- an IT system created: systems, backups, runbooks
api POST "$O/systems" '{"name": "ERP", "type": "application"}'
assert_status 201
erp=$(json .id)
assert_chapters "backups,runbooks,systems" "chapters a new system marks"
assert_json .total 3
assert_json '[.chapters[].marks[]] | map(.item_type + ":" + (.item_id|tostring) + ":" + .item_name + ":" + .action) | unique | tostring' \
	"[\"system:$erp:ERP:create\"]"
assert_json '.chapters[] | select(.chapter == "systems") | .link' /o/1/systems
assert_json '.chapters[] | select(.chapter == "systems") | .step' 1
assert_json '.chapters[] | select(.chapter == "backups") | .step' 3
assert_jq '[.chapters[].marks[] | .reason | contains("ERP")] | all'
assert_jq '[.chapters[].marks[] | .marked_at | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")] | all'
assert_jq '[.chapters[].marks[] | .marked_by | type == "number"] | all'
assert_jq '[.chapters[].title | length > 0] | all'
assert_eq 3 "$(open_db)" "three open marks in the database"
assert_eq "backups|runbooks|systems" "$(db_sql "SELECT group_concat(chapter, '|') FROM (SELECT chapter FROM review_mark WHERE org_id = 1 AND cleared_at IS NULL ORDER BY chapter)")" "chapters in the database"

# ---- a repeat moves the time, never a second open mark; added-then-changed stays "added"
db_sql "UPDATE review_mark SET created_at = 1000 WHERE org_id = 1"
api PATCH "$O/systems/$erp" '{"location": "Büro"}' -H "$(im 1)"
assert_status 200
assert_eq 3 "$(open_db)" "still one open mark per chapter and item"
assert_eq 0 "$(db_sql "SELECT count(*) FROM review_mark WHERE org_id = 1 AND created_at = 1000")" "time moved on repeat"
api GET "$M"
assert_json '[.chapters[].marks[].action] | unique | tostring' '["create"]'

# ---- refused changes mark nothing
clear_all
assert_eq 0 "$(open_db)" "cleared"
api PATCH "$O/systems/$erp" '{"type": "no-such-type", "rto_hours": -3}' -H "$(im 2)"
assert_status 422
api PATCH "$O/systems/$erp" '{"location": "Keller"}' -H "$(im 1)"
assert_error 412 version_conflict
api PATCH "$O/systems/$erp" '{"location": "Keller"}'
assert_status 428
api POST "$O/systems" '{"name": ""}'
assert_status 422
api POST "$O/contacts" '{"name": "", "email": "kaputt"}'
assert_status 422
api POST "$O/roles" '{"name": "", "primary_contact_id": 999999}'
assert_status 422
api GET "$M"
assert_json .total 0
assert_eq 0 "$(open_db)" "no marks after refused changes"
# a system still needed cannot be deleted: 409, nothing marked
api POST "$O/processes" "{\"name\": \"Auftragsannahme\", \"system_ids\": [$erp]}"
assert_status 201
proc=$(json .id)
clear_all
api DELETE "$O/systems/$erp" -H "$(im 2)"
assert_status 409
assert_eq 0 "$(open_db)" "no marks after a refused delete"

# ---- a system a workaround's process needs: workarounds too
api POST "$O/workarounds" "{\"process_id\": $proc, \"title\": \"Bestellungen auf Papier\", \"procedure\": \"Block nehmen\"}"
assert_status 201
api PATCH "$O/systems/$erp" '{"notes": "neu"}' -H "$(im 2)"
assert_status 200
assert_chapters "backups,runbooks,systems,workarounds" "workarounds marked too"
assert_json '.chapters[] | select(.chapter == "workarounds") | .marks[0].action' update
clear_all
# deleting a system that nothing needs
api DELETE "$O/systems/$old" -H "$(im 1)"
assert_status 204
assert_chapters "backups,runbooks,systems" "a deleted system"
assert_json '.chapters[0].marks[0].action' delete
assert_json '.chapters[0].marks[0].item_name' Altsystem
clear_all
# restoring it (admins) marks the same chapters, like an added system
api POST "$O/deleted/system/$old/restore"
assert_status 200 201 204
assert_chapters "backups,runbooks,systems" "a restored system"
assert_json '.chapters[0].marks[0].action' create
clear_all

# ---- people and providers
new_contact anna '{"name": "Anna Intern"}'
assert_chapters "alarm,communication,team" "an internal contact (a person)"
assert_json '.chapters[0].marks[0].item_type' contact
clear_all
new_contact dienst '{"name": "IT-Dienstleister", "external": true}'
assert_chapters "alarm,systems,team" "an external contact (a provider)"
clear_all
# an internal contact named as a system's provider is a provider too
api PATCH "$O/systems/$erp" "{\"provider_contact_id\": $anna}" -H "$(im 3)"
assert_status 200
clear_all
api PATCH "$O/contacts/$anna" '{"email": "anna@example.org"}' -H "$(im 1)"
assert_status 200
assert_chapters "alarm,communication,systems,team" "a person who is a provider"
clear_all
# confirming a contact (last verified) is no change to review
api PATCH "$O/contacts/$dienst" "{\"last_verified\": \"$today\"}" -H "$(im 1)"
assert_status 200
assert_chapters "" "only verified: nothing marked"
api DELETE "$O/contacts/$dienst" -H "$(im 2)"
assert_status 204
assert_chapters "alarm,systems,team" "a provider deleted"
assert_json '.chapters[0].marks[0].action' delete
clear_all

# ---- roles: the team always; who holds it also the alarm chain and the templates
new_role rid "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $anna}"
assert_chapters "alarm,communication,team" "a new role"
clear_all
api PATCH "$O/roles/$rid" '{"duties": "Entscheidet"}' -H "$(im 1)"
assert_status 200
assert_chapters "team" "only the duties changed"
clear_all
new_contact bernd '{"name": "Bernd"}'
clear_all
api PATCH "$O/roles/$rid" "{\"deputy_contact_ids\": [$bernd]}" -H "$(im 2)"
assert_status 200
assert_chapters "alarm,communication,team" "a new deputy"

# ---- clearing: editors only, unknown chapters 404, history says who and when
api_as leser POST "$M/team/clear"
assert_error 403 forbidden
api_as leser GET "$M"
assert_status 200
assert_json .total 3
api POST "$M/nonsense/clear"
assert_error 404 not_found
api_as bea POST "$M/nonsense/clear"
assert_status 404
KF_NO_CSRF=1 api_as bea POST "$M/team/clear"
assert_status 403
assert_eq 3 "$(open_db)" "nothing cleared without CSRF token"
api_as bea POST "$M/team/clear"
assert_status 200
assert_json .chapter team
assert_json .cleared 1
assert_chapters "alarm,communication" "team cleared, the others stay"
bea_id=$(db_sql "SELECT id FROM user WHERE email = 'bea@example.org'")
assert_eq "update|$bea_id" "$(db_sql "SELECT action || '|' || user_id FROM history WHERE org_id = 1 AND entity = 'chapter_review' AND entity_id = 3 ORDER BY id DESC LIMIT 1")" "history: who reviewed the chapter"
assert_eq 1 "$(db_sql "SELECT count(*) FROM review_mark WHERE org_id = 1 AND chapter = 'team' AND cleared_by = $bea_id")" "cleared by whom"
# clearing again: 0 cleared, still recorded
api_as bea POST "$M/team/clear"
assert_status 200
assert_json .cleared 0

# ---- the Plan-Check lists marked chapters with a link, as warnings of their step
api GET "$O/check"
assert_status 200
assert_json '[.gaps[] | select(.kind == "chapter_needs_review") | .link] | sort | tostring' '["/o/1/alarm","/o/1/documents/templates"]'
assert_json '[.gaps[] | select(.kind == "chapter_needs_review") | .level] | unique | tostring' '["warning"]'
assert_json '.gaps[] | select(.link == "/o/1/alarm") | .step' 2
cli check --data "$KF_DATA" --org 1
assert_eq 1 "$CLI_RC" "krisenfest check: exit 1 with gaps (stderr: $CLI_ERR)"
assert_contains "$CLI_OUT" "→ /o/1/alarm" "the CLI names the chapter's link"
cli check --data "$KF_DATA" --org 1 --json
assert_eq 2 "$(jq '[.gaps[] | select(.kind == "chapter_needs_review")] | length' <<<"$CLI_OUT")" "CLI --json lists the marks"

# ---- organisations see only their own marks
api_as other GET /api/v1/orgs/2/review/marks
assert_status 200
assert_json .total 0
api_as other GET "$M"
assert_status 404
api_as other POST "$M/alarm/clear"
assert_status 404
api_as other PUT /api/v1/orgs/2/review "{\"last_review_date\": \"$today\"}" -H "$(im 0)"
assert_status 200
api_as other POST /api/v1/orgs/2/systems '{"name": "Kasse", "type": "application"}'
assert_status 201
api_as other GET /api/v1/orgs/2/review/marks
assert_json .total 3
assert_json '[.chapters[].marks[].item_name] | unique | tostring' '["Kasse"]'
assert_json '.chapters[0].link | startswith("/o/2/")' true
api GET "$M"
assert_jq '[.chapters[].marks[].item_name] | index("Kasse") == null'
assert_eq 3 "$(open_db 2)" "org 2 has its own marks"
# a plan review of org 1 leaves org 2's marks alone

# ---- a recorded plan review clears every mark of the organisation
api GET "$O/review"
v=$(json .version)
api PUT "$O/review" "{\"last_review_date\": \"$today\", \"review_interval_months\": 12}" -H "$(im "$v")"
assert_status 200
api GET "$M"
assert_json .total 0
assert_eq 0 "$(open_db)" "org 1: all cleared by the review"
assert_eq 3 "$(open_db 2)" "org 2 untouched"
# a refused review (stale version, bad field) clears nothing
api_as other GET /api/v1/orgs/2/review
v2=$(json .version)
api_as other PUT /api/v1/orgs/2/review "{\"last_review_date\": \"$today\"}" -H "$(im 99)"
assert_status 412
api_as other PUT /api/v1/orgs/2/review '{"last_review_date": "2999-01-01"}' -H "$(im "$v2")"
assert_status 422
assert_eq 3 "$(open_db 2)" "refused reviews clear nothing"
api GET "$O/check"
assert_json '[.gaps[] | select(.kind == "chapter_needs_review")] | length' 0

kf_stop
kf_done
