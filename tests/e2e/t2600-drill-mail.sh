#!/usr/bin/env bash
# Reachability drill by email: one mail per person of the alarm chain with a one-time link below --base-url; the
# link confirms once (a second time says "already", nothing changes); GET alone never confirms; unknown links are
# 404; a person without email address is reported, not mailed; readers cannot start; other organisations see
# nothing; after closing, the Plan-Check names who did not confirm.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail-lib.sh"

kf_init
sink_start
serve_with_smtp "$SINK_PORT"
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login failed"
kf_user_add leser@example.org 'Lea Leser' reader
login reader leser@example.org "$PW" || kf_die "login reader"

# without an alarm chain there is nobody to alarm
api POST "$O/drills" '{}'
assert_error 422 empty_alarm_chain

new_contact anna '{"name": "Anna Alarm", "email": "anna@example.org", "phones": [{"kind": "mobile", "number": "0171 1"}]}'
new_contact bernd '{"name": "Bernd Bote", "email": "bernd@example.org"}'
new_contact carl '{"name": "Carl Ohnemail", "phones": [{"kind": "mobile", "number": "0171 3"}]}'
api POST "$O/alarm-steps" "{\"callee_contact_id\": $anna}"
assert_status 201
api POST "$O/alarm-steps" "{\"caller_contact_id\": $anna, \"callee_contact_id\": $bernd}"
assert_status 201
api POST "$O/alarm-steps" "{\"caller_contact_id\": $bernd, \"callee_contact_id\": $carl}"
assert_status 201

# a reader may look, not start
api_as reader POST "$O/drills" '{}'
assert_error 403 forbidden
api_as reader GET "$O/drills"
assert_status 200
assert_json 'length' 0

api POST "$O/drills" '{"note": "angekündigte Übung"}'
assert_status 201
drill=$(json .id)
assert_json .recipients_count 3
assert_json '[.recipients[] | select(.sent_at == null) | .name] | tostring' '["Carl Ohnemail"]'
assert_json '[.recipients[] | .name] | tostring' '["Anna Alarm","Bernd Bote","Carl Ohnemail"]'
assert_eq 2 "$(db_sql "SELECT count(*) FROM outbox")" "one mail per person with an address"
assert_eq 0 "$(db_sql "SELECT count(*) FROM drill_recipient WHERE token_hash IS NOT NULL AND length(token_hash) <> 64")" "only hashes stored"

wait_mails 2 20 || fail "the sink got $(mail_count) mails, expected 2"
mail_show 1
m1=$MAIL
mail_show 2
m2=$MAIL
all="$m1
$m2"
assert_contains "$all" "Envelope-To: <anna@example.org>" "mail to Anna"
assert_contains "$all" "Envelope-To: <bernd@example.org>" "mail to Bernd"
assert_not_contains "$all" "Carl" "no mail for Carl"
assert_contains "$m1" "$(de_subst 'This is a test of the alarm chain of %s. Please confirm with one click:' "$ORG_NAME")" "German text"
tok1=$(grep -o 'https://plan.example.de/drill/confirm/[A-Za-z0-9_-]*' <<<"$m1" | head -1)
tok2=$(grep -o 'https://plan.example.de/drill/confirm/[A-Za-z0-9_-]*' <<<"$m2" | head -1)
[[ -n $tok1 && -n $tok2 ]] || fail "no confirmation link in the mails"
tok1=${tok1##*/}
tok2=${tok2##*/}
assert_ne "$tok1" "$tok2" "a link per person"
assert_eq 0 "$(db_sql "SELECT count(*) FROM outbox WHERE link LIKE '%$tok1%' OR body LIKE '%$tok1%'")" "sent: token gone from the outbox"

# GET shows a button and confirms nothing (mail scanners open links)
http GET "/drill/confirm/$tok1"
assert_status 200
assert_body_contains 'method="post"'
api GET "$O/drills/$drill"
assert_json '[.recipients[] | select(.confirmed_at != null)] | length' 0

# unknown link: 404, page and API
http GET "/drill/confirm/nichtda"
assert_status 404
api_as anon POST /api/v1/drill-confirm '{"token": "nichtda"}'
assert_error 404 not_found

# confirm once through the API (no sign-in), the second time says "already" and changes nothing
api_as anon POST /api/v1/drill-confirm "{\"token\": \"$tok1\"}"
assert_status 200
assert_json .already false
first=$(json .confirmed_at)
sleep 1
api_as anon POST /api/v1/drill-confirm "{\"token\": \"$tok1\"}"
assert_status 200
assert_json .already true
assert_json .confirmed_at "$first"
http GET "/drill/confirm/$tok1"
assert_status 200
assert_body_not_contains 'method="post"'
api GET "$O/drills/$drill"
assert_json '[.recipients[] | select(.confirmed_at != null) | .name] | tostring' '["'"$(jq -r '.recipients[] | select(.confirmed_at != null) | .name' <<<"$BODY")"'"]'
assert_json '.confirmed_count' 1
assert_jq '[.recipients[] | select(.confirmed_at != null) | .seconds_to_confirm >= 0] | all'

# another organisation sees and closes nothing
cli org add --data "$KF_DATA" --name "Fremde GmbH"
kf_user_add fremd@example.org "Fremd" admin 2
login stranger fremd@example.org "$PW" || kf_die "login stranger"
api_as stranger GET "/api/v1/orgs/2/drills/$drill"
assert_status 404
api_as stranger POST "/api/v1/orgs/2/drills/$drill/close" '' -H "$(im 1)"
assert_status 404
api_as stranger GET "/api/v1/orgs/2/drills"
assert_json 'length' 0
api_as stranger GET "$O/drills"
assert_status 404

# closing needs the version; a reader cannot
api POST "$O/drills/$drill/close" ''
assert_status 428
api_as reader POST "$O/drills/$drill/close" '' -H "$(im 1)"
assert_error 403 forbidden
api POST "$O/drills/$drill/close" '' -H "$(im 1)"
assert_status 200
assert_jq '.closed_at != null'
assert_json .version 2
api POST "$O/drills/$drill/close" '' -H "$(im 2)"
assert_error 409 drill_closed

# a closed drill takes no more confirmations
api_as anon POST /api/v1/drill-confirm "{\"token\": \"$tok2\"}"
assert_error 410 drill_closed
http GET "/drill/confirm/$tok2"
assert_status 410

# the Plan-Check names who did not confirm, with a link to the drill
api GET "$O/check" -H 'Accept-Language: en'
assert_json '[.gaps[] | select(.kind == "drill_unconfirmed")] | length' 2
assert_json '[.gaps[] | select(.kind == "drill_unconfirmed") | .link] | unique | tostring' "[\"/o/1/drills/$drill\"]"
assert_json '[.gaps[] | select(.kind == "no_drill")] | length' 0
assert_jq '[.gaps[] | select(.kind == "drill_unconfirmed") | .message] | any(contains("Carl Ohnemail"))'
kf_done
