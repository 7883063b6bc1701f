#!/usr/bin/env bash
# Plan-Check: an empty organisation shows the content gaps; each rule shows
# its gap and fixing it through the API removes exactly that gap; messages in
# the request's language; JSON and CLI agree; CLI exit codes (0 clean, 1 gaps,
# 2 usage); organisations are isolated; readers may read it.
. "$(dirname "$0")/lib.sh"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
kf_user_add leser@example.org "Lea Leser" reader 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login other other@example.org "$PW" || kf_die "login other"
login leser leser@example.org "$PW" || kf_die "login reader"
C=$O/check
O2=/api/v1/orgs/2
today=$(date -u +%F)
yesterday=$(date -u -d yesterday +%F)
past=$(date -u -d '-10 days' +%F)

# gaps — "step kind link" per gap of BODY, sorted
gaps() { jq -r '.gaps[] | "\(.step) \(.kind) \(.link)"' <<<"$BODY" | LC_ALL=C sort; }

# assert_fixed BEFORE GAP — the gaps of BODY are exactly BEFORE without the line GAP
assert_fixed() {
	local expected now
	expected=$(grep -v -x -F -- "$2" <<<"$1")
	now=$(gaps)
	grep -q -x -F -- "$2" <<<"$1" || { fail "gap '$2' was not there before"; return; }
	if [[ $expected == "$now" ]]; then _kf_pass; else
		fail "fixing '$2' changed more: $(diff <(echo "$expected") <(echo "$now") | tr '\n' ' ')"
	fi
}

# ---- an empty organisation: the content gaps of every step and the alarm plan's and review's
api GET "$C"
assert_status 200
assert_json .percent 0
assert_json '.steps | length' 5
assert_json '[.steps[].step] | tostring' '[1,2,3,4,5]'
assert_json '.steps[2].percent' 0
assert_json '.steps[2].checks' 1
assert_json '[.gaps[] | select(.kind == "step_empty") | .step] | tostring' '[1,2,3,4,5]'
assert_eq "1 step_empty /o/1/risks
2 no_alarm_chain /o/1/alarm/steps/new
2 nobody_declares /o/1/alarm/plan
2 nobody_reports_breaches /o/1/alarm/plan
2 step_empty /o/1/team
3 step_empty /o/1/backups
4 step_empty /o/1/documents
5 review_never /o/1/exercises#h-review
5 step_empty /o/1/exercises" "$(gaps)" "gaps of an empty organisation"
assert_json '[.steps[] | select(.checks > 0) | .passed] | add' 0
assert_json '[.gaps[].level] | unique | tostring' '["gap"]'

# messages in the request's language
assert_json '.gaps[] | select(.kind == "nobody_declares") | .message' "Es ist niemand festgelegt, der den Notfall ausrufen darf."
api GET "$C" -H 'Accept-Language: en'
assert_json '.gaps[] | select(.kind == "nobody_declares") | .message' "Nobody is named who may declare an emergency."
assert_json '.steps[0].title' "Recognise and assess risks"

# readers read it; anonymous callers do not
api_as leser GET "$C"
assert_status 200
api_as anon GET "$C"
assert_status 401

# ---- step 2: a person and a role without deputy
new_contact anna "{\"name\": \"Anna Alt\", \"phones\": [{\"kind\": \"mobile\", \"number\": \"0170 1\"}], \"last_verified\": \"$today\"}"
new_contact bernd "{\"name\": \"Bernd Büro\", \"phones\": [{\"kind\": \"office\", \"number\": \"030 1\"}], \"last_verified\": \"$today\"}"
new_role rid "{\"name\": \"Technik\", \"primary_contact_id\": $anna}"
api GET "$C"
assert_json '.gaps[] | select(.kind == "role_without_deputy") | .message' "Die Rolle „Technik“ hat keine Stellvertretung."
assert_json '.gaps[] | select(.kind == "role_without_deputy") | .link' "/o/1/roles/$rid"
assert_json '.gaps[] | select(.kind == "person_without_mobile") | .link' "/o/1/contacts/$bernd"
assert_json '[.gaps[] | select(.kind == "step_empty") | .step] | tostring' '[1,3,4,5]'
before=$(gaps)
api PATCH "$O/roles/$rid" "{\"deputy_contact_ids\": [$bernd]}" -H "$(im 1)"
assert_status 200
api GET "$C"
assert_fixed "$before" "2 role_without_deputy /o/1/roles/$rid"

before=$(gaps)
api PATCH "$O/contacts/$bernd" '{"phones": [{"kind": "mobile", "number": "0171 2"}]}' -H "$(im 1)"
assert_status 200
api GET "$C"
assert_fixed "$before" "2 person_without_mobile /o/1/contacts/$bernd"

# a contact not verified for six months
before=$(gaps)
api PATCH "$O/contacts/$anna" "{\"last_verified\": \"$(date -u -d '-7 months' +%F)\"}" -H "$(im 1)"
api GET "$C"
assert_json '[.gaps[] | select(.kind == "contact_not_verified") | .link] | tostring' "[\"/o/1/contacts/$anna\"]"
api PATCH "$O/contacts/$anna" "{\"last_verified\": \"$today\"}" -H "$(im 2)"
api GET "$C"
assert_eq "$before" "$(gaps)" "verified again: the gap is gone"

# alarm chain, who declares, who reports breaches
before=$(gaps)
api POST "$O/alarm-steps" "{\"callee_contact_id\": $anna}"
assert_status 201
api GET "$C"
assert_fixed "$before" "2 no_alarm_chain /o/1/alarm/steps/new"
before=$(gaps)
api PUT "$O/alarm-plan" "{\"declare_role_ids\": [$rid]}" -H "$(im 0)"
assert_status 200
api GET "$C"
assert_fixed "$before" "2 nobody_declares /o/1/alarm/plan"
before=$(gaps)
api PUT "$O/alarm-plan" "{\"declare_role_ids\": [$rid], \"breach_report_role_id\": $rid}" -H "$(im 1)"
assert_status 200
api GET "$C"
assert_fixed "$before" "2 nobody_reports_breaches /o/1/alarm/plan"
# drill: a reachability drill that is still running answers the hint that none was ever done
before=$(gaps)
api POST "$O/drills" '{}'
assert_status 201
api GET "$C"
assert_fixed "$before" "2 no_drill /o/1/drills"
assert_json '.steps[1].percent' 100
assert_json '.steps[1].passed' "$(json .steps[1].checks)"

# ---- step 1: risks, processes, systems
api POST "$O/risks" '{"title": "Ransomware", "category": "cyber", "likelihood": 4, "impact": 5}'
assert_status 201
risk=$(json .id)
api GET "$C"
assert_json '[.gaps[] | select(.step == 1) | .kind] | tostring' '["risk_without_owner","risk_without_measures"]'
assert_json '.gaps[] | select(.kind == "risk_without_owner") | .link' "/o/1/risks/$risk"
before=$(gaps)
api PATCH "$O/risks/$risk" "{\"owner_contact_id\": $anna}" -H "$(im 1)"
assert_status 200
api GET "$C"
assert_fixed "$before" "1 risk_without_owner /o/1/risks/$risk"
before=$(gaps)
api PATCH "$O/risks/$risk" '{"measures": "Offline-Sicherung jeden Abend"}' -H "$(im 2)"
api GET "$C"
assert_fixed "$before" "1 risk_without_measures /o/1/risks/$risk"

api POST "$O/systems" '{"name": "Warenwirtschaft", "type": "application"}'
sys=$(json .id)
api POST "$O/processes" "{\"name\": \"Auftragsannahme\", \"system_ids\": [$sys]}"
p1=$(json .id)
api GET "$C"
assert_json '.gaps[] | select(.kind == "process_without_rto") | .link' "/o/1/processes/$p1"
before=$(gaps)
api PATCH "$O/processes/$p1" '{"rto_hours": 4}' -H "$(im 1)"
api GET "$C"
# the system is critical now (back within 4 hours), so it needs a runbook
assert_json '.gaps[] | select(.kind == "critical_system_without_runbook") | .link' "/o/1/runbooks"
api POST "$O/runbooks" "{\"system_id\": $sys, \"steps\": [{\"text\": \"Server einschalten und anmelden\"}]}"
assert_status 201
api GET "$C"
assert_fixed "$before" "1 process_without_rto /o/1/processes/$p1"
# a second process on the same system makes the critical system a single point of failure: a warning
api POST "$O/processes" "{\"name\": \"Versand\", \"rto_hours\": 48, \"system_ids\": [$sys]}"
p2=$(json .id)
api GET "$C"
assert_json '.gaps[] | select(.kind == "critical_system_spof") | .level' warning
assert_json '.gaps[] | select(.kind == "critical_system_spof") | .link' "/o/1/systems/$sys"
before=$(gaps)
api PATCH "$O/processes/$p2" '{"system_ids": []}' -H "$(im 1)"
api GET "$C"
assert_fixed "$before" "1 critical_system_spof /o/1/systems/$sys"
assert_json '.steps[0].percent' 100

# ---- step 4: copies and acknowledgements
api POST "$O/plan-copies" "{\"kind\": \"print\", \"location\": \"Notfallordner\", \"plan_date\": \"$yesterday\"}"
assert_status 201
copy=$(json .id)
api GET "$C"
assert_json '[.gaps[] | select(.step == 4) | .kind] | tostring' '["copy_stale","staff_not_confirmed"]'
assert_json '.gaps[] | select(.kind == "copy_stale") | .link' "/o/1/documents/copies/$copy"
api GET "$C" -H 'Accept-Language: en'
assert_json '.gaps[] | select(.kind == "staff_not_confirmed") | .message' "Staff members who have not yet confirmed that they know the emergency card: 2"
before=$(gaps)
api PATCH "$O/plan-copies/$copy" "{\"plan_date\": \"$today\"}" -H "$(im 1)"
api GET "$C"
assert_fixed "$before" "4 copy_stale /o/1/documents/copies/$copy"
api POST "$O/acknowledgements" "{\"contact_id\": $anna, \"confirmed_on\": \"$today\", \"how\": \"signature\"}"
api GET "$C" -H 'Accept-Language: en'
assert_json '.gaps[] | select(.kind == "staff_not_confirmed") | .message' "Staff members who have not yet confirmed that they know the emergency card: 1"
before=$(gaps)
api POST "$O/acknowledgements" "{\"contact_id\": $bernd, \"confirmed_on\": \"$today\", \"how\": \"signature\"}"
api GET "$C"
assert_fixed "$before" "4 staff_not_confirmed /o/1/documents/acknowledgements"

# ---- step 5: exercise, overdue finding, review
api POST "$O/exercises" "{\"type\": \"tabletop\", \"title\": \"Planspiel\", \"date\": \"$past\", \"status\": \"done\"}"
ex=$(json .id)
api GET "$C"
assert_json '[.gaps[] | select(.step == 5) | .kind] | tostring' '["review_never"]'
api POST "$O/exercises/$ex/findings" "{\"title\": \"Nummern veraltet\", \"due_date\": \"$yesterday\"}"
assert_status 201
fid=$(json .id)
api POST "$O/exercises/$ex/findings" "{\"title\": \"Später\", \"due_date\": \"2099-01-01\"}"
api GET "$C"
assert_json '.gaps[] | select(.kind == "finding_overdue") | .link' "/o/1/findings/$fid"
assert_json '[.gaps[] | select(.kind == "finding_overdue")] | length' 1
before=$(gaps)
api PATCH "$O/findings/$fid" '{"status": "done"}' -H "$(im 1)"
assert_status 200
api GET "$C"
assert_fixed "$before" "5 finding_overdue /o/1/findings/$fid"
# reviewed 13 months ago with a 12-month interval: overdue; today: fine
api PUT "$O/review" "{\"last_review_date\": \"$(date -u -d '-13 months' +%F)\", \"review_interval_months\": 12}" -H "$(im 0)"
assert_status 200
api GET "$C" -H 'Accept-Language: en'
assert_json '[.gaps[] | select(.step == 5) | .kind] | tostring' '["review_overdue"]'
assert_json '.gaps[] | select(.kind == "review_overdue") | .message' "The plan has not been reviewed for more than 12 months."
before=$(gaps)
api PUT "$O/review" "{\"last_review_date\": \"$today\", \"review_interval_months\": 12}" -H "$(im 1)"
api GET "$C"
assert_fixed "$before" "5 review_overdue /o/1/exercises#h-review"

# step 3: a backup kept after the 3-2-1 rule needs a successful restore test
api POST "$O/backups" '{"title": "Tägliche Sicherung", "frequency_hours": 24, "copies": [{"kind": "onsite", "media": "NAS"}, {"kind": "offline", "media": "USB-Platte im Tresor"}, {"kind": "cloud", "media": "Cloud-Speicher"}]}'
assert_status 201
bid=$(json .id)
api GET "$C"
assert_json '[.gaps[] | select(.step == 3) | .kind] | tostring' '["backup_never_tested"]'
assert_json '.gaps[] | select(.kind == "backup_never_tested") | .link' "/o/1/backups/$bid"
api POST "$O/backups/$bid/restore-tests" "{\"date\": \"$today\", \"result\": \"success\", \"duration_minutes\": 30}"
assert_status 201

# ---- everything fixed: no gaps, 100 %, CLI exit 0
api GET "$C"
assert_json '.gaps | length' 0
assert_json .percent 100
assert_json '[.steps[] | select(.checks > 0) | .percent] | unique | tostring' '[100]'
cli check --data "$KF_DATA" --org 1
assert_eq 0 "$CLI_RC" "exit status without gaps (stderr: $CLI_ERR)"
assert_contains "$CLI_OUT" "100" "overall figure printed"

# ---- JSON and CLI agree (one gap back: the copy is stale after a change of the plan later than its date)
api PATCH "$O/plan-copies/$copy" "{\"plan_date\": \"$yesterday\"}" -H "$(im 2)"
api PATCH "$O/roles/$rid" '{"deputy_contact_ids": []}' -H "$(im 2)"
api GET "$C"
# review marks: the role change after the review also marks the team, alarm chain and templates chapters
assert_json '.gaps | length' 5
assert_json '[.gaps[] | select(.kind == "chapter_needs_review")] | length' 3
api_json=$(jq -S . <<<"$BODY")
LANGUAGE= LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 cli check --data "$KF_DATA" --org 1 --json
assert_eq 1 "$CLI_RC" "exit status of --json with gaps"
assert_eq "$api_json" "$(jq -S . <<<"$CLI_OUT")" "CLI --json equals the API's answer"
LANGUAGE= LC_ALL= LC_MESSAGES= LANG=de_DE.UTF-8 cli check --data "$KF_DATA" --org 1
assert_eq 1 "$CLI_RC" "exit status with gaps"
assert_eq 5 "$(grep -c '^\[' <<<"$CLI_OUT")" "one line per gap"
while IFS=$'\t' read -r msg link; do
	assert_contains "$CLI_OUT" "$msg → $link" "CLI line of the gap"
done < <(jq -r '.gaps[] | [.message, .link] | @tsv' <<<"$api_json")
assert_eq 6 "$(grep -c -E '^(Plan-Check|Step|Schritt)' <<<"$CLI_OUT")" "overall and per-step figures"
LANGUAGE=en cli check --data "$KF_DATA" --org 1
assert_contains "$CLI_OUT" "Role \"Technik\" has no deputy. → /o/1/roles/$rid" "English in an English terminal"

# ---- CLI usage: exit 2
cli check --data "$KF_DATA"
assert_eq 2 "$CLI_RC" "without --org"
cli check --org 1
assert_eq 2 "$CLI_RC" "without --data"
cli check --data "$KF_DATA" --org abc
assert_eq 2 "$CLI_RC" "--org not a number"
assert_ne "" "$CLI_ERR" "says why"
cli check --data "$KF_DATA" --org 99
assert_eq 2 "$CLI_RC" "unknown organisation"
assert_ne "" "$CLI_ERR" "says why"
cli check --data "$KF_DATA" --org 1 --frob
assert_eq 2 "$CLI_RC" "unknown option"
cli check --data "$KF_TMP/nothing" --org 1
assert_eq 2 "$CLI_RC" "folder without database"
cli check --help
assert_eq 0 "$CLI_RC" "--help"
assert_contains "$CLI_OUT" "--json" "help names --json"
cli --help
assert_contains "$CLI_OUT" "check" "command list names check"

# ---- isolation: organisation 2 is still empty, and nobody sees the other's check
api_as other GET "$O2/check"
assert_status 200
assert_json '[.gaps[] | select(.kind == "step_empty") | .step] | tostring' '[1,2,3,4,5]'
assert_eq "" "$(jq -r '.gaps[].link' <<<"$BODY" | grep -v '^/o/2/')" "org 2's links stay in org 2"
api_as other GET "$C"
assert_status 404
api GET "$O2/check"
assert_status 404
api_as leser GET "$O2/check"
assert_status 404
cli check --data "$KF_DATA" --org 2 --json
assert_eq 1 "$CLI_RC" "org 2 has gaps"
assert_eq "[1,2,3,4,5]" "$(jq -c '[.gaps[] | select(.kind == "step_empty") | .step]' <<<"$CLI_OUT")" "CLI for org 2"

kf_stop
kf_done
