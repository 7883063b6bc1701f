#!/usr/bin/env bash
# HTML pages of the alarm chain: the chain in order with tap-to-call links,
# step form (create, validation beside the field, edit, move, stale edit,
# delete with confirmation), settings form (first save, 409 stale), escaping,
# readers see read-only, a contact named by a step cannot be deleted.
. "$(dirname "$0")/lib.sh"

kf_init
kf_user_add leser@example.org "Lea Leser" reader 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"

new_contact erika '{"name": "Erika Muster", "phones": [{"kind": "office", "number": "0761 123456"}, {"kind": "mobile", "number": "+49 170 1234567"}]}'
new_contact max '{"name": "Max Beispiel", "phones": [{"kind": "mobile", "number": "0171 7654321"}]}'
new_contact evil '{"name": "<script>alert(1)</script> Böse", "email": "boese@example.org"}'
new_role lead "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $erika}"

web_login w "$ADMIN_EMAIL" "$PW" || kf_die "web login"

# ---- the page, empty; the team page links to it
web w GET /o/1/team
assert_status 200
assert_body_contains 'href="/o/1/alarm"'
web w GET /o/1/alarm
assert_status 200
assert_body_contains 'href="/o/1/alarm/steps/new"'
assert_body_contains 'href="/o/1/alarm/plan"'
assert_body_contains '72'
assert_body_contains 'class="empty"'

# ---- new step: validation beside the field, input kept
web w GET /o/1/alarm/steps/new
assert_status 200
refresh_csrf w
assert_eq "" "$(html_input caller)" "caller preset: whoever notices"
form_csrf w /o/1/alarm/steps/new "caller=" "callee_contact_id=" "channel=phone" "escalate_after_minutes=15" "escalate_to_contact_id=" "note=Hallo"
assert_status 422
assert_body_contains 'id="err-callee_contact_id"'
assert_body_contains 'id="err-escalate_to_contact_id"'
assert_eq "15" "$(html_input escalate_after_minutes)" "minutes kept"
assert_eq "Hallo" "$(html_input note)" "note kept"
form_csrf w /o/1/alarm/steps/new "caller=" "callee_contact_id=$erika" "channel=fax" "escalate_after_minutes=abc"
assert_status 422
assert_body_contains 'id="err-channel"'
assert_body_contains 'id="err-escalate_after_minutes"'
form_csrf w /o/1/alarm/steps/new "caller=role:999" "callee_contact_id=$erika"
assert_status 422
assert_body_contains 'id="err-caller"'
api GET "$O/alarm-steps"
assert_json length 0

# ---- three steps
form_csrf w /o/1/alarm/steps/new "caller=" "callee_contact_id=$erika" "channel=phone" "escalate_after_minutes=15" "escalate_to_contact_id=$max"
assert_redirect 303 /o/1/alarm
form_csrf w /o/1/alarm/steps/new "caller=role:$lead" "callee_contact_id=$evil" "channel=email" "escalate_after_minutes=0" "note=<b>laut</b>"
assert_redirect 303 /o/1/alarm
form_csrf w /o/1/alarm/steps/new "caller=contact:$erika" "callee_contact_id=$max" "channel=sms" "escalate_after_minutes=0"
assert_redirect 303 /o/1/alarm
# a second step without caller: refused beside the caller field
form_csrf w /o/1/alarm/steps/new "caller=" "callee_contact_id=$max" "channel=phone"
assert_status 422
assert_body_contains 'id="err-caller"'
api GET "$O/alarm-steps"
assert_json length 3
s1=$(json '.[0].id')
s2=$(json '.[1].id')
s3=$(json '.[2].id')

# ---- the chain in order, with tap-to-call links, escaped
web w GET /o/1/alarm
assert_status 200
order=$(grep -o -E 'id="step-[0-9]+"' <<<"$BODY" | tr -d '"' | sed 's/id=step-//' | paste -sd,)
assert_eq "$s1,$s2,$s3" "$order" "steps in chain order"
assert_body_contains 'href="tel:+491701234567"'   # Erika's mobile, not the office number
assert_body_contains 'href="tel:01717654321"'      # escalation to Max
assert_body_contains 'href="sms:01717654321"'      # step 3 by SMS
assert_body_contains 'href="mailto:boese%40example.org"'
assert_body_contains '&lt;script&gt;alert(1)&lt;/script&gt; Böse'
assert_body_not_contains '<script>alert(1)'
assert_body_contains '&lt;b&gt;laut&lt;/b&gt;'
text=$(html_text)
assert_contains "$text" "Erika Muster" "chain text"
assert_contains "$text" "15" "escalation minutes"
assert_contains "$text" "Notfallleitung (Erika Muster)" "role caller with its person"

# ---- edit: move step 3 to the front
web w GET "/o/1/alarm/steps/$s3"
assert_status 200
assert_eq "3" "$(html_input position)" "position of step 3"
assert_eq "contact:$erika" "$(html_input caller)" "caller of step 3"
assert_eq "1" "$(html_input version)" "version"
form_csrf w "/o/1/alarm/steps/$s3" "version=1" "position=1" "caller=contact:$erika" "callee_contact_id=$max" "channel=sms" "escalate_after_minutes=0"
assert_redirect 303 /o/1/alarm
web w GET /o/1/alarm
order=$(grep -o -E 'id="step-[0-9]+"' <<<"$BODY" | tr -d '"' | sed 's/id=step-//' | paste -sd,)
assert_eq "$s3,$s1,$s2" "$order" "order after the move"

# ---- stale edit: 409, input kept, saved value beside the field
web w GET "/o/1/alarm/steps/$s2"
v=$(html_input version)
api PATCH "$O/alarm-steps/$s2" '{"note": "von der API"}' -H "$(im "$v")"
assert_status 200
form_csrf w "/o/1/alarm/steps/$s2" "version=$v" "position=3" "caller=role:$lead" "callee_contact_id=$evil" "channel=email" "escalate_after_minutes=0" "note=aus dem Formular"
assert_status 409
assert_eq "aus dem Formular" "$(html_input note)" "input kept on 409"
assert_body_contains 'class="saved"'
assert_body_contains 'von der API'
assert_eq "$((v + 1))" "$(html_input version)" "the form now carries the saved version"

# ---- delete with confirmation; the gap closes
web w GET "/o/1/alarm/steps/$s1/delete"
assert_status 200
v=$(html_input version)
form_csrf w "/o/1/alarm/steps/$s1/delete" "version=$v"
assert_redirect 303 /o/1/alarm
api GET "$O/alarm-steps"
assert_json '[.[].id] | map(tostring) | join(",")' "$s3,$s2"
assert_json '[.[].position] | map(tostring) | join(",")' "1,2"

# ---- a contact named by a step cannot be deleted from the web
snapshot contacts "$O/contacts"
form_csrf w "/o/1/contacts/$evil/delete" "version=1"
assert_status 409
assert_body_contains 'role="alert"'
assert_body_not_contains 'Yes, delete'
assert_unchanged contacts
# ... nor a role the chain names
web w GET "/o/1/roles/$lead/delete"
assert_status 200
assert_body_contains 'role="alert"'
snapshot roles "$O/roles"
form_csrf w "/o/1/roles/$lead/delete" "version=$(api GET "$O/roles/$lead" >/dev/null; json .version)"
assert_status 409
assert_body_contains 'role="alert"'
assert_body_contains 'Alarmierungsschritt 2'
assert_body_not_contains 'Yes, delete'
assert_unchanged roles

# ---- settings form: first save with version 0, then a stale edit
web w GET /o/1/alarm/plan
assert_status 200
assert_eq "0" "$(html_input version)" "version before the first save"
form_csrf w /o/1/alarm/plan "version=0" "meeting_place=Raum 1" "meeting_fallback=Gartenweg 2" "phone_bridge=0800 1234567" "declare_role=$lead" "declare_criteria=Server länger als 4 Stunden aus" "breach_report_role_id=$lead" "breach_notes=<i>Formular</i>"
assert_redirect 303 /o/1/alarm
api GET "$O/alarm-plan"
assert_json .version 1
assert_json .meeting_place "Raum 1"
assert_json '.declare_role_ids | map(tostring) | join(",")' "$lead"
assert_json .breach_report_role_id "$lead"
web w GET /o/1/alarm
assert_body_contains 'Gartenweg 2'
assert_body_contains '&lt;i&gt;Formular&lt;/i&gt;'
form_csrf w /o/1/alarm/plan "version=0" "meeting_place=Keller"
assert_status 409
assert_eq "Keller" "$(html_input meeting_place)" "input kept on 409"
assert_body_contains 'class="saved"'
assert_eq "1" "$(html_input version)" "saved version in the form"
form_csrf w /o/1/alarm/plan "version=1" "declare_role=abc" "breach_report_role_id=999"
assert_status 422
assert_body_contains 'id="err-declare_role_ids"'
assert_body_contains 'id="err-breach_report_role_id"'
form_csrf w /o/1/alarm/plan "meeting_place=x"
assert_status 400
api GET "$O/alarm-plan"
assert_json .version 1

# ---- readers see read-only, may not post
web_login l leser@example.org "$PW" || kf_die "reader login"
web l GET /o/1/alarm
assert_status 200
assert_body_not_contains 'href="/o/1/alarm/steps/new"'
web l GET "/o/1/alarm/steps/$s2"
assert_status 200
assert_match "$(html_tag note)" 'readonly' "note read-only for readers"
web l GET /o/1/alarm/plan
assert_status 200
assert_match "$(html_tag meeting_place)" 'readonly' "meeting place read-only for readers"
web l GET /o/1/alarm/steps/new
assert_status 403
form_csrf l /o/1/alarm/plan "version=1" "meeting_place=Leser"
assert_status 403

kf_stop
kf_done
