#!/usr/bin/env bash
# Alarm steps: create, read, list in chain order, replace, patch, move
# (renumbering), delete (closing the gap), If-Match (412/428), references to
# other organisations refused (422), isolation, people named by a step
# cannot be deleted.
. "$(dirname "$0")/lib.sh"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add other@example.org "Otto Other" admin 2
kf_user_add leser@example.org "Lea Leser" reader 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login other other@example.org "$PW" || kf_die "login other"
login leser leser@example.org "$PW" || kf_die "login reader"
O2=/api/v1/orgs/2
S=$O/alarm-steps

new_contact erika '{"name": "Erika Muster", "phones": [{"kind": "mobile", "number": "+49 170 1234567"}]}'
new_contact max '{"name": "Max Beispiel"}'
new_contact it '{"name": "IT-Partner Süd", "external": true}'
new_role lead "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $erika}"
api_as other POST "$O2/contacts" '{"name": "Zacharias Zwei"}'
foreign=$(json .id)
api_as other POST "$O2/roles" '{"name": "Fremde Rolle"}'
foreign_role=$(json .id)

api GET "$S"
assert_status 200
assert_json length 0

# first step: whoever notices calls Erika, escalation to Max after 15 minutes
api POST "$S" "{\"callee_contact_id\": $erika, \"channel\": \"phone\", \"escalate_after_minutes\": 15, \"escalate_to_contact_id\": $max, \"note\": \"Ruhig bleiben\"}"
assert_status 201
s1=$(json .id)
assert_eq "$S/$s1" "$(hdr Location | sed -E 's#^https?://[^/]+##')" "Location"
assert_header ETag '"1"'
assert_json .position 1
assert_json .caller_role_id null
assert_json .caller_contact_id null
assert_json .callee_contact_id "$erika"
assert_json .escalate_after_minutes 15
assert_json .escalate_to_contact_id "$max"
assert_json .note "Ruhig bleiben"
created=$(jq -S . <<<"$BODY")
api GET "$S/$s1"
assert_status 200
assert_header ETag '"1"'
assert_eq "$created" "$(jq -S . <<<"$BODY")" "GET after POST"

# defaults: channel phone, no escalation; appended at the end
api POST "$S" "{\"caller_role_id\": $lead, \"callee_contact_id\": $it}"
assert_status 201
s2=$(json .id)
assert_json .position 2
assert_json .channel phone
assert_json .escalate_after_minutes 0
assert_json .escalate_to_contact_id null
api POST "$S" "{\"caller_contact_id\": $erika, \"callee_contact_id\": $max, \"channel\": \"sms\"}"
assert_status 201
s3=$(json .id)
assert_json .position 3

api GET "$S"
assert_json '[.[].id] | map(tostring) | join(",")' "$s1,$s2,$s3"
assert_json '[.[].position] | map(tostring) | join(",")' "1,2,3"

# insert at position 2: the others move down and get a new version
api POST "$S" "{\"caller_contact_id\": $max, \"callee_contact_id\": $it, \"channel\": \"email\", \"position\": 2}"
assert_status 201
s4=$(json .id)
assert_json .position 2
api GET "$S"
assert_json '[.[].id] | map(tostring) | join(",")' "$s1,$s4,$s2,$s3"
assert_json '[.[].position] | map(tostring) | join(",")' "1,2,3,4"
api GET "$S/$s2"
assert_json .position 3
assert_json .version 2
api GET "$S/$s1"
assert_json .version 1
# a stale edit of a moved step is refused
api PATCH "$S/$s2" '{"note": "alt"}' -H "$(im 1)"
assert_error 412 version_conflict
assert_json .current.position 3

# PATCH position moves a step: s3 (at 4) to the front; the others move down
# (s1, the step without caller, may be pushed to 2 by another step's move)
api PATCH "$S/$s3" '{"position": 1}' -H "$(im 2)"
assert_status 200
assert_json .position 1
assert_json .version 3
api GET "$S"
assert_json '[.[].id] | map(tostring) | join(",")' "$s3,$s1,$s4,$s2"
assert_json '[.[].position] | map(tostring) | join(",")' "1,2,3,4"
# and back to the end
api PATCH "$S/$s3" '{"position": 4}' -H "$(im 3)"
assert_status 200
api GET "$S"
assert_json '[.[].id] | map(tostring) | join(",")' "$s1,$s4,$s2,$s3"
assert_json '[.[].position] | map(tostring) | join(",")' "1,2,3,4"
# a position after the end is refused
api GET "$S/$s3"
v=$(json .version)
snapshot chain "$S"
api PATCH "$S/$s3" '{"position": 5}' -H "$(im "$v")"
assert_field_error position
api POST "$S" "{\"caller_contact_id\": $max, \"callee_contact_id\": $it, \"position\": 6}"
assert_field_error position
# a second step without caller is refused
api POST "$S" "{\"callee_contact_id\": $it}"
assert_field_error caller_role_id
assert_unchanged chain

# PUT replaces everything but keeps the place when no position is given
api GET "$S/$s4"
v=$(json .version)
api PUT "$S/$s4" "{\"caller_role_id\": $lead, \"callee_contact_id\": $max, \"channel\": \"messenger\"}" -H "$(im "$v")"
assert_status 200
assert_json .position 2
assert_json .caller_contact_id null
assert_json .caller_role_id "$lead"
assert_json .channel messenger
assert_json .note ""
assert_json .version $((v + 1))

# If-Match: missing 428, stale 412 with the current item
api PATCH "$S/$s4" '{"note": "x"}'
assert_error 428 precondition_required
api PATCH "$S/$s4" '{"note": "x"}' -H "$(im 1)"
assert_error 412 version_conflict
assert_json .current.id "$s4"
api DELETE "$S/$s4" ""
assert_error 428 precondition_required

# references to another organisation's contact or role: 422, nothing stored
snapshot chain "$S"
api POST "$S" "{\"caller_contact_id\": $erika, \"callee_contact_id\": $foreign}"
assert_field_error callee_contact_id
api POST "$S" "{\"caller_role_id\": $foreign_role, \"callee_contact_id\": $max}"
assert_field_error caller_role_id
api POST "$S" "{\"caller_contact_id\": $erika, \"callee_contact_id\": $max, \"escalate_after_minutes\": 5, \"escalate_to_contact_id\": $foreign}"
assert_field_error escalate_to_contact_id
api POST "$S" "{\"caller_contact_id\": $foreign, \"callee_contact_id\": $max}"
assert_field_error caller_contact_id
api GET "$S/$s1"
v=$(json .version)
api PATCH "$S/$s1" "{\"callee_contact_id\": $foreign}" -H "$(im "$v")"
assert_field_error callee_contact_id
assert_unchanged chain

# every bad field named at once
api POST "$S" "{\"caller_role_id\": $lead, \"caller_contact_id\": $erika, \"channel\": \"fax\", \"escalate_after_minutes\": 2000, \"note\": 5, \"colour\": \"red\"}"
assert_field_error callee_contact_id
assert_field_error caller_contact_id
assert_field_error channel
assert_field_error escalate_after_minutes
assert_field_error note
assert_field_error colour
api POST "$S" "{\"caller_role_id\": $lead, \"callee_contact_id\": $max, \"escalate_after_minutes\": 10}"
assert_field_error escalate_to_contact_id
api POST "$S" "{\"caller_role_id\": $lead, \"callee_contact_id\": $max, \"escalate_to_contact_id\": $it}"
assert_field_error escalate_after_minutes
api POST "$S" "{\"caller_role_id\": $lead, \"callee_contact_id\": $max, \"position\": 0}"
assert_field_error position
api POST "$S" '[1]'
assert_error 400 bad_request
assert_unchanged chain

# people and roles named by a step cannot be deleted (409 in_use, used_by names the step)
api DELETE "$O/contacts/$it" "" -H "$(im 1)"
assert_error 409 in_use
assert_match "$(json .error.used_by)" "(step |Alarmierungsschritt )3" "used_by"
api DELETE "$O/contacts/$max" "" -H "$(im 1)"
assert_error 409 in_use
api DELETE "$O/roles/$lead" "" -H "$(im 1)"
assert_error 409 in_use
assert_match "$(json .error.used_by)" "(step |schritt )2, .*(step |schritt )3" "used_by of the role"
api GET "$O/roles/$lead"
assert_status 200

# reader reads, may not write
api_as leser GET "$S"
assert_status 200
assert_json length 4
api_as leser POST "$S" "{\"caller_role_id\": $lead, \"callee_contact_id\": $max}"
assert_error 403 forbidden

# isolation: the other organisation sees none of it
api_as other GET "$O2/alarm-steps"
assert_status 200
assert_json length 0
api_as other GET "$O2/alarm-steps/$s1"
assert_error 404 not_found
api_as other GET "$S"
assert_error 404 not_found
api_as other DELETE "$O2/alarm-steps/$s1" "" -H "$(im 1)"
assert_error 404 not_found
api_as other POST "$O2/alarm-steps" "{\"callee_contact_id\": $erika}"
assert_field_error callee_contact_id
api_as other POST "$O2/alarm-steps" "{\"callee_contact_id\": $foreign}"
assert_status 201
assert_json .position 1

# delete closes the gap
api GET "$S/$s4"
v=$(json .version)
api DELETE "$S/$s4" "" -H "$(im "$v")"
assert_status 204
api GET "$S/$s4"
assert_error 404 not_found
api GET "$S"
assert_json '[.[].id] | map(tostring) | join(",")' "$s1,$s2,$s3"
assert_json '[.[].position] | map(tostring) | join(",")' "1,2,3"
# history: a record for each write of the step
# (create, moved down and back up by s3, PUT, delete)
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'alarm_step' AND entity_id = $s4 ORDER BY id)")
assert_eq "create,update,update,update,delete" "$n" "history records of the deleted step"
api DELETE "$S/987654" "" -H "$(im 1)"
assert_error 404 not_found
api GET "$S/abc"
assert_error 400 bad_request

kf_stop
kf_done
