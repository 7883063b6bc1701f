#!/usr/bin/env bash
# Notifications pages: the unread count in the header, the list (escaped, links only to our own paths), marking
# one and all read with CSRF, nobody marks another's; the email settings form; valid HTML.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add nl@example.org 'Nora Leitner' reader
db_sql "INSERT INTO notification(org_id, user_id, kind, text, param, link, created_at) VALUES
 (1, 1, 'due', 'The review of the emergency plan is due on %s.', '01.03.2027', '/o/1/exercises', 100),
 (1, 1, 'mention', 'The review of the emergency plan is overdue since %s.', '<script>x</script>', 'javascript:alert(1)', 200),
 (1, 2, 'due', 'The review of the emergency plan is due on %s.', '02.03.2027', '/o/1/exercises', 300)"

web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/
assert_eq 2 "$(html_id_text notif-count)" "unread count in the header"
assert_body_contains 'href="/o/1/notifications"'

web w GET /o/1/notifications
assert_status 200
assert_body_contains 'id="n-1"'
assert_body_contains 'id="n-2"'
assert_body_not_contains 'id="n-3"'
assert_body_contains '&lt;script&gt;x&lt;/script&gt;'
assert_body_not_contains '<script>x'
assert_body_not_contains 'javascript:'
assert_body_contains 'href="/o/1/exercises"'
assert_contains "$(html_id_text n-1)" "01.03.2027" "param shown"
if command -v tidy >/dev/null; then
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	assert_eq "" "$out" "notifications page is valid HTML"
fi

# mark one read (CSRF needed), then all
form w /o/1/notifications/1/read
assert_status 403
form_csrf w /o/1/notifications/1/read
assert_redirect 303 '/o/1/notifications?read=1'
web w GET /o/1/notifications?read=1
assert_eq 1 "$(html_id_text notif-count)" "one unread left"
assert_body_contains 'class="notice ok"'
# someone else's notification is not found, and stays unread
form_csrf w /o/1/notifications/3/read
assert_status 404
assert_eq "" "$(db_sql 'SELECT read_at FROM notification WHERE id = 3')" "nl's notification untouched"
form_csrf w /o/1/notifications/read-all
assert_redirect 303 '/o/1/notifications?read=1'
web w GET /o/1/notifications
assert_status 200
html_id_text notif-count >/dev/null && fail "no count once all are read"
assert_body_not_contains 'Mark all as read'
assert_eq "" "$(db_sql 'SELECT read_at FROM notification WHERE id = 3')" "read-all leaves nl's alone"

# email settings
web w GET /o/1/notifications/settings
assert_status 200
assert_contains "$(html_tag email_due)" 'checked' "due on by default"
if command -v tidy >/dev/null; then
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	assert_eq "" "$out" "settings page is valid HTML"
fi
form w /o/1/notifications/settings email_mention=1
assert_status 403
form_csrf w /o/1/notifications/settings email_mention=1 email_assignment=1
assert_redirect 303 '/o/1/notifications?saved=1'
web w GET /o/1/notifications/settings
assert_contains "$(html_tag email_mention)" 'checked' "mention kept on"
assert_not_contains "$(html_tag email_due)" 'checked' "due now off"
api GET /api/v1/notification-settings
assert_json '.email | tostring' '{"mention":true,"assignment":true,"approval":false,"due":false}'

# a reader has the pages too (their own notifications); no outbox counts for non-admins
web_login r nl@example.org "$PW"
web r GET /o/1/notifications
assert_status 200
assert_body_contains 'id="n-3"'
assert_body_not_contains 'id="n-1"'
web r GET /o/1/notifications/settings
assert_status 200
assert_body_not_contains 'outbox-waiting'

kf_done
