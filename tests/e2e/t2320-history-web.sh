#!/usr/bin/env bash
# History API and the item panel: who/when/what after two edits (German labels); comments on the page with
# Markdown, XSS attempts neutralised; adding a comment by form (CSRF), an empty one refused and nothing stored.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add ed@example.org 'Eda Editor' editor
login ed ed@example.org "$PW" || kf_die "login ed"
new_contact cid '{"name":"Anna Becker","company":"Alt GmbH"}'
api PATCH "$O/contacts/$cid" '{"company":"Neu GmbH"}' -H "$(im 1)"
assert_status 200
api_as ed PATCH "$O/contacts/$cid" '{"notes":"nur vormittags"}' -H "$(im 2)"
assert_status 200

api GET "$O/history?entity=contact&entity_id=$cid"
assert_status 200
assert_json '.items | length' 3
assert_json '.items[0].action' update
assert_json '.items[0].user_name' 'Eda Editor'
assert_json '.items[0].changes[0].field' notes
assert_json '.items[0].changes[0].kind' changed
assert_json '.items[0].changes[0].after' 'nur vormittags'
assert_json '.items[1].changes | length' 1
assert_json '.items[1].changes[0].before' 'Alt GmbH'
assert_json '.items[1].changes[0].after' 'Neu GmbH'
assert_jq '.items[1].at | type == "number"'
assert_json '.items[2].action' create
api GET "$O/history?entity=contact&entity_id=abc"
assert_field_error entity_id
api GET "$O/history?entity=contact&entity_id=99999"
assert_status 404

# comments with XSS attempts
api POST "$O/comments" "{\"entity\":\"contact\",\"entity_id\":$cid,\"body\":\"[klick](javascript:alert(1)) <script>alert(2)</script> **fett**\"}"
assert_status 201

web_login wa "$ADMIN_EMAIL" "$PW"
web wa GET "/o/1/contacts/$cid"
assert_status 200
assert_body_contains 'id="comments"'
assert_body_contains 'id="history"'
assert_body_contains '<strong>fett</strong>'
assert_body_not_contains 'javascript:'
assert_body_not_contains '<script>alert'
assert_body_contains '&lt;script&gt;'
assert_body_contains 'Eda Editor'
assert_body_contains 'Neu GmbH'
assert_body_contains 'Firma'
refresh_csrf wa

# add by form: empty refused (nothing stored), then stored and back to the item
n=$(db_sql "SELECT count(*) FROM comment")
form_csrf wa /o/1/comments entity=contact "entity_id=$cid" "back=/o/1/contacts/$cid" "comment=   "
assert_status 422
assert_eq "$n" "$(db_sql "SELECT count(*) FROM comment")" "nothing stored"
form wa /o/1/comments entity=contact "entity_id=$cid" "back=/o/1/contacts/$cid" "comment=ohne csrf"
assert_status 403
form_csrf wa /o/1/comments entity=contact "entity_id=$cid" "back=https://evil.example/" "comment=Hallo @ed"
assert_redirect 303 "/o/1#comments"
[[ $(db_sql "SELECT count(*) FROM notification WHERE kind='mention'") == 1 ]] && _kf_pass || fail "mention by form"
web wa GET "/o/1/contacts/$cid"
assert_body_contains 'Hallo @ed'

# the panel is on other item pages too
api POST "$O/roles" '{"name":"Notfallleitung"}'
rid=$(json .id)
web wa GET "/o/1/roles/$rid"
assert_body_contains 'id="history"'

kf_done
