#!/usr/bin/env bash
# @mentions in comments notify the named members (by name or email local part), in the comment's transaction;
# a refused comment notifies nobody; members of other organisations and the author are not notified.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add anna.schmidt@example.org 'Anna Schmidt' editor
kf_user_add bernd@example.org 'Bernd Maier' reader
login anna anna.schmidt@example.org "$PW" || kf_die "login anna"
login bernd bernd@example.org "$PW" || kf_die "login bernd"
new_contact cid '{"name":"IT-Partner"}'

count() { db_sql "SELECT count(*) FROM notification WHERE kind = 'mention' AND user_id = (SELECT id FROM user WHERE email = '$1')"; }

# refused comment: nobody notified
api POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":99999,\"body\":\"@bernd bitte prüfen\"}"
assert_field_error entity_id
assert_eq 0 "$(count bernd@example.org)" "mentions after refused comment"

api POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":$cid,\"body\":\"@bernd und @\\\"Anna Schmidt\\\" bitte prüfen, nicht mail@bernd.de\"}"
assert_status 201
assert_eq 1 "$(count bernd@example.org)" "bernd notified"
assert_eq 1 "$(count anna.schmidt@example.org)" "anna notified"
assert_eq 0 "$(count admin@example.org)" "author not notified"

api_as bernd GET /api/v1/notifications
assert_json '.items[0].kind' mention
assert_json '.items[0].link' "/o/1/contacts/$cid"
# the text names the item and who wrote (stored in the mail language)
assert_json '.items[0].param' 'Kontakt „IT-Partner“ (von admin@example.org)'

# the author mentioning herself is not notified; an editor's mention by local part works
api_as anna POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":$cid,\"body\":\"@anna.schmidt notiz, @bernd.maier\"}"
assert_status 201
assert_eq 1 "$(count anna.schmidt@example.org)" "no self-notification"
assert_eq 2 "$(count bernd@example.org)" "bernd by name with dot"

# editing keeps old mentions quiet, new ones notify
id=$(json .id)
api_as anna PATCH "$O/comments/$id" '{"body":"@bernd.maier und @admin"}' -H "$(im 1)"
assert_status 200
assert_eq 2 "$(count bernd@example.org)" "no second notification for the same mention"
assert_eq 1 "$(count admin@example.org)" "admin newly mentioned"

kf_done
