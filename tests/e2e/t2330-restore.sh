#!/usr/bin/env bash
# Restoring deleted items: admin only (editor 403), version bumped and history "restore" written; a name taken
# meanwhile refuses with 409 and changes nothing; the "Deleted items" page lists and restores with confirmation.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add ed@example.org 'Eda Editor' editor
login ed ed@example.org "$PW" || kf_die "login ed"
new_contact cid '{"name":"Anna Becker"}'
api DELETE "$O/contacts/$cid" -H "$(im 1)"
assert_status 204

api GET "$O/deleted"
assert_status 200
assert_json '.items[0].entity' contact
assert_json '.items[0].name' 'Anna Becker'
assert_json '.items[0].deleted_by' 'admin@example.org'
api_as ed GET "$O/deleted"
assert_status 403
api_as ed POST "$O/deleted/contact/$cid/restore"
assert_status 403

api POST "$O/deleted/contact/$cid/restore"
assert_status 200
api GET "$O/contacts/$cid"
assert_status 200
assert_json .version 3
assert_eq restore "$(db_sql "SELECT action FROM history WHERE entity='contact' AND entity_id=$cid ORDER BY id DESC LIMIT 1")" "history"
api POST "$O/deleted/contact/$cid/restore"
assert_status 404
api POST "$O/deleted/spaceship/$cid/restore"
assert_status 404

# name taken meanwhile: 409, nothing changes
api POST "$O/systems" '{"name":"Kasse","type":"application"}'
sid=$(json .id)
api DELETE "$O/systems/$sid" -H "$(im 1)"
assert_status 204
api POST "$O/systems" '{"name":"kasse","type":"application"}'
assert_status 201
n=$(db_sql "SELECT count(*) FROM history")
api POST "$O/deleted/system/$sid/restore"
assert_status 409
assert_json .error.code conflict
api GET "$O/systems/$sid"
assert_status 404
assert_eq "$n" "$(db_sql "SELECT count(*) FROM history")" "no history written"

# web: list, confirm, restore
api POST "$O/roles" '{"name":"Kasse prüfen"}'
rid=$(json .id)
api DELETE "$O/roles/$rid" -H "$(im 1)"
web_login wa "$ADMIN_EMAIL" "$PW"
web wa GET /o/1/deleted
assert_status 200
assert_body_contains 'Kasse prüfen'
web wa GET "/o/1/deleted/role/$rid/restore"
assert_status 200
refresh_csrf wa
form wa "/o/1/deleted/role/$rid/restore"
assert_status 403
form_csrf wa "/o/1/deleted/role/$rid/restore"
assert_redirect 303 "/o/1/roles/$rid"
form_csrf wa "/o/1/deleted/system/$sid/restore"
assert_status 409
web_login we ed@example.org "$PW"
web we GET /o/1/deleted
assert_status 403

kf_done
