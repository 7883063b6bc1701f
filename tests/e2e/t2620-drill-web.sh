#!/usr/bin/env bash
# The drill pages: the start page names who gets the test alarm and who cannot (no email address); starting
# leads to the drill's page with each person; the confirmation page needs a click (GET shows a button), the
# click confirms once; closing by form; the webhook form refuses a bad address beside the field; valid HTML.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add leser@example.org 'Lea Leser' reader
new_contact anna '{"name": "Anna Alarm", "email": "anna@example.org"}'
new_contact carl '{"name": "Carl <Ohnemail>"}'
api POST "$O/alarm-steps" "{\"callee_contact_id\": $anna}"
api POST "$O/alarm-steps" "{\"caller_contact_id\": $anna, \"callee_contact_id\": $carl}"
assert_status 201

tidy_ok() {
	if command -v tidy >/dev/null; then
		out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
		assert_eq "" "$out" "$1 is valid HTML"
	fi
}

web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/drills
assert_status 200
assert_body_contains 'href="/o/1/drills/new"'
tidy_ok "drill list"
web w GET /o/1/drills/new
assert_status 200
assert_contains "$(html_id_text drill-reached)" "Anna Alarm" "Anna gets it"
assert_contains "$(html_id_text drill-gaps)" "Carl <Ohnemail>" "Carl is named as a gap"
assert_body_contains 'Carl &lt;Ohnemail&gt;'
tidy_ok "start page"
form w /o/1/drills note=Probe
assert_status 403
form_csrf w /o/1/drills note=Probe
assert_redirect 303 /o/1/drills/1
web w GET /o/1/drills/1
assert_status 200
assert_contains "$(html_id_text drill-recipients)" "Anna Alarm" "Anna listed"
assert_contains "$(html_id_text drill-recipients)" "Carl <Ohnemail>" "Carl listed"
tidy_ok "drill page"

tok=$(db_sql "SELECT token_hash FROM drill_recipient WHERE name = 'Anna Alarm'")
assert_ne "" "$tok" "Anna has a token hash"
# find the token by the outbox link (mail not configured: it waits there)
link=$(db_sql "SELECT link FROM outbox WHERE recipient = 'anna@example.org'")
token=${link##*/}
client c
web c GET "/drill/confirm/$token"
assert_status 200
assert_contains "$(html_id_text drill-status)" "$ORG_NAME" "names the organisation"
tidy_ok "confirm page"
pre=$(html_input _csrf)
api GET "$O/drills/1"
assert_json '[.recipients[] | select(.confirmed_at != null)] | length' 0
form c "/drill/confirm/$token"
assert_status 403
form c "/drill/confirm/$token" "_csrf=$pre"
assert_status 200
api GET "$O/drills/1"
assert_json '[.recipients[] | select(.confirmed_at != null) | .name] | tostring' '["Anna Alarm"]'
form c "/drill/confirm/$token" "_csrf=$pre"
assert_status 200
assert_body_not_contains 'method="post"'
web c GET /drill/confirm/unbekannt
assert_status 404

# a reader sees the page without buttons and cannot start
web_login r leser@example.org "$PW"
web r GET /o/1/drills/1
assert_status 200
assert_body_not_contains '/close"'
web r GET /o/1/drills/new
assert_status 403

# close by form (stale version: 409 with the drill as it is)
form_csrf w /o/1/drills/1/close version=7
assert_status 409
form_csrf w /o/1/drills/1/close version=1
assert_redirect 303 /o/1/drills/1
web w GET /o/1/drills/1
assert_body_not_contains '/close"'

# the webhook form: a bad address is refused beside the field and kept
form_csrf w /o/1/drills/settings version=0 webhook_url=http://sms.example.de/x
assert_status 422
assert_body_contains 'id="err-webhook_url"'
assert_eq "http://sms.example.de/x" "$(html_input webhook_url)" "input kept"
tidy_ok "webhook error"
form_csrf w /o/1/drills/settings version=0 webhook_url=https://sms.example.de/x
assert_redirect 303 /o/1/drills
api GET "$O/drill-settings"
assert_json .webhook_url https://sms.example.de/x
kf_done
