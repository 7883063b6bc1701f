#!/usr/bin/env bash
# Comments API: create, list, edit own, delete (author or admin), versions, bad input named and nothing stored,
# isolation (an item of another organisation is refused).
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add ed@example.org 'Eda Editor' editor
kf_user_add re@example.org 'Rolf Reader' reader
login ed ed@example.org "$PW" || kf_die "login ed"
login re re@example.org "$PW" || kf_die "login re"
new_contact cid '{"name":"Anna Becker","phones":[{"kind":"mobile","number":"0170 1234567"}]}'

api POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":$cid,\"body\":\"Nummer **geprüft**\"}"
assert_status 201
com=$(json .id)
assert_json .version 1
assert_json .author_id 1
assert_json .entity contact
assert_header ETag '"1"'

api GET "$O/comments?entity=contact&entity_id=$cid"
assert_status 200
assert_json '.items | length' 1
assert_json '.items[0].body' 'Nummer **geprüft**'

# bad input names the field, nothing stored
snapshot list "$O/comments?entity=contact&entity_id=$cid"
api POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":$cid,\"body\":\"   \"}"
assert_field_error body
api POST "$O/comments" "{\"entity\":\"spaceship\",\"entity_id\":$cid,\"body\":\"x\"}"
assert_field_error entity
api POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":\"x\",\"body\":\"x\"}"
assert_field_error entity_id
api POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":99999,\"body\":\"x\"}"
assert_field_error entity_id
api POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":$cid,\"body\":\"a\u0001b\"}"
assert_field_error body
api GET "$O/comments?entity=contact"
assert_field_error entity_id
assert_unchanged list

# a reader reads but does not write
api_as re GET "$O/comments?entity=contact&entity_id=$cid"
assert_status 200
api_as re POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":$cid,\"body\":\"x\"}"
assert_status 403

# edit own: If-Match required, stale refused, other's refused
api PATCH "$O/comments/$com" '{"body":"neu"}'
assert_status 428
api PATCH "$O/comments/$com" '{"body":"neu"}' -H "$(im 7)"
assert_status 412
assert_json .current.version 1
api_as ed PATCH "$O/comments/$com" '{"body":"fremd"}' -H "$(im 1)"
assert_status 403
api PATCH "$O/comments/$com" '{"body":""}' -H "$(im 1)"
assert_field_error body
api PATCH "$O/comments/$com" '{"body":"Nummer geprüft am Montag"}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .body 'Nummer geprüft am Montag'

# delete: an editor may not delete another's, an admin may delete any
api_as ed POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":$cid,\"body\":\"von Eda\"}"
assert_status 201
ecom=$(json .id)
api_as ed DELETE "$O/comments/$com" -H "$(im 2)"
assert_status 403
api DELETE "$O/comments/$ecom" -H "$(im 1)"
assert_status 204
api_as ed DELETE "$O/comments/$com" -H "$(im 2)"
assert_status 403
api DELETE "$O/comments/$com" -H "$(im 2)"
assert_status 204
api GET "$O/comments?entity=contact&entity_id=$cid"
assert_json '.items | length' 0
[[ $(db_sql "SELECT count(*) FROM history WHERE entity = 'comment'") == 5 ]] && _kf_pass || fail "comment history records"

# isolation: an item of another organisation is refused, and its comments are not listed
cli org add --data "$KF_DATA" --name 'Bäckerei Zwei'
[[ $CLI_RC == 0 ]] || kf_die "org add failed: $CLI_ERR"
db_sql "INSERT INTO contact(org_id, name, created_at, updated_at) VALUES (2, 'Fremd', 1, 1)"
other=$(db_sql "SELECT id FROM contact WHERE org_id = 2")
api POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":$other,\"body\":\"x\"}"
assert_field_error entity_id
api GET "$O/comments?entity=contact&entity_id=$other"
assert_status 404
api GET "/api/v1/orgs/2/comments?entity=contact&entity_id=$other"
assert_status 404
[[ $(db_sql "SELECT count(*) FROM comment WHERE entity_id = $other") == 0 ]] && _kf_pass || fail "comment stored on other org's item"

kf_done
