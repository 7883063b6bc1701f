#!/usr/bin/env bash
# Notifications API: each user sees and marks only their own; read, read-all, filters; email preferences with
# validation; signed-in and CSRF required.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add nl@example.org 'Nora Leitner' notfallleiter
login nl nl@example.org "$PW" || kf_die "login nl"
cli org add --data "$KF_DATA" --name 'Tischlerei Zwei'
[[ $CLI_RC == 0 ]] || kf_die "org add failed: $CLI_ERR"
kf_user_add nl@example.org 'Nora Leitner' admin 2 # an existing account joins org 2

# two notifications of the admin, one of nl in org 1, one of nl in org 2
db_sql "INSERT INTO notification(org_id, user_id, kind, text, param, link, created_at) VALUES
 (1, 1, 'due', 'The review of the emergency plan is due on %s.', '01.03.2027', '/o/1/exercises', 100),
 (1, 1, 'mention', 'The review of the emergency plan is due on %s.', '<b>&', '', 200),
 (1, 2, 'due', 'The review of the emergency plan is due on %s.', '02.03.2027', '/o/1/exercises', 300),
 (2, 2, 'assignment', 'The review of the emergency plan is due on %s.', '03.03.2027', '/o/2/exercises', 400)"

api GET /api/v1/notifications
assert_status 200
assert_json '.items | length' 2
assert_json '.unread' 2
assert_json '[.items[].id] | tostring' '[2,1]'
assert_json '.items[0].param' '<b>&'
assert_jq '.items[0].text | contains("<b>&")'
assert_json '.items[0].read_at' null
assert_json '.items[1].org_id' 1

api_as nl GET /api/v1/notifications
assert_json '[.items[].id] | tostring' '[4,3]'
api_as nl GET '/api/v1/notifications?org=2'
assert_json '[.items[].id] | tostring' '[4]'
assert_json '.unread' 1

# nl cannot read or mark the admin's
api_as nl POST /api/v1/notifications/1/read
assert_error 404 not_found
api GET /api/v1/notifications
assert_json '.unread' 2
api_as nl POST /api/v1/notifications/999/read
assert_error 404 not_found

# marking read: own only, twice is fine, read ones go below unread ones
api POST /api/v1/notifications/2/read
assert_status 204
api POST /api/v1/notifications/2/read
assert_status 204
api GET /api/v1/notifications
assert_json '.unread' 1
assert_json '[.items[].id] | tostring' '[1,2]'
assert_jq '.items[1].read_at | type == "number"'
api GET '/api/v1/notifications?unread=1'
assert_json '[.items[].id] | tostring' '[1]'

# read-all marks the caller's only (of one organisation with ?org=)
api_as nl POST '/api/v1/notifications/read-all?org=2'
assert_status 200
assert_json .marked 1
api_as nl GET /api/v1/notifications
assert_json .unread 1
api_as nl POST /api/v1/notifications/read-all
assert_json .marked 1
api GET /api/v1/notifications
assert_json .unread 1

# a user removed from an organisation no longer sees its notifications
db_sql "DELETE FROM membership WHERE org_id = 2 AND user_id = 2"
api_as nl GET /api/v1/notifications
assert_json '[.items[].id] | tostring' '[3]'
api_as nl POST /api/v1/notifications/4/read
assert_error 404 not_found

# bad input
api GET '/api/v1/notifications?org=abc'
assert_error 400 bad_request
api GET '/api/v1/notifications?limit=0'
assert_error 400 bad_request
api POST /api/v1/notifications/abc/read
assert_status 400
api_as anon GET /api/v1/notifications
assert_status 401
KF_NO_CSRF=1 api POST /api/v1/notifications/1/read
assert_status 403
KF_NO_CSRF=1 api POST /api/v1/notifications/read-all
assert_status 403
api GET /api/v1/notifications
assert_json .unread 1

# email preferences: all on by default, per user
api GET /api/v1/notification-settings
assert_status 200
assert_json '.email | tostring' '{"mention":true,"assignment":true,"approval":true,"due":true}'
api PUT /api/v1/notification-settings '{"email": {"due": false, "mention": false}}'
assert_status 200
assert_json '.email | tostring' '{"mention":false,"assignment":true,"approval":true,"due":false}'
api GET /api/v1/notification-settings
assert_json .email.due false
api_as nl GET /api/v1/notification-settings
assert_json .email.due true
snapshot prefs /api/v1/notification-settings
api PUT /api/v1/notification-settings '{"email": {"due": "ja"}}'
assert_field_error email.due
api PUT /api/v1/notification-settings '{"email": {"birthday": true}}'
assert_field_error email.birthday
api PUT /api/v1/notification-settings '{"email": true}'
assert_field_error email
api PUT /api/v1/notification-settings '{"sms": {}}'
assert_field_error sms
api PUT /api/v1/notification-settings '[1]'
assert_status 400
KF_NO_CSRF=1 api PUT /api/v1/notification-settings '{"email": {"due": true}}'
assert_status 403
assert_unchanged prefs

kf_done
