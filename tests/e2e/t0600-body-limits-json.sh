#!/usr/bin/env bash
# Request bodies: 256 KiB limit (413), malformed JSON (400 with line/column),
# non-object bodies (400 bad_request), wrong types (422 naming the field).
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact c '{"name": "Erika Muster", "phones": [{"kind": "mobile", "number": "0170 1234567"}]}'
new_role r "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $c}"
snapshot contacts "$O/contacts"
snapshot contact "$O/contacts/$c"
snapshot roles "$O/roles"
snapshot role "$O/roles/$r"

# json_of_size FILE SIZE — a valid contact object of exactly SIZE bytes
json_of_size() {
	"$KF_PY" - "$1" "$2" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
head = b'{"name": "Gross", "notes": "x"}'
pad = size - len(head)
assert pad >= 0
# whitespace before the closing brace keeps the JSON valid and small in value
body = head[:-1] + b" " * pad + b"}"
assert len(body) == size
open(path, "wb").write(body)
PY
}
# big_notes FILE NBYTES — a contact whose notes string alone has NBYTES
big_notes() {
	"$KF_PY" - "$1" "$2" <<'PY'
import sys
open(sys.argv[1], "w").write('{"name": "Riesig", "notes": "%s"}' % ("n" * int(sys.argv[2])))
PY
}

# ---- body size
big_notes "$KF_TMP/300k.json" $((300 * 1024))
api POST "$O/contacts" "@$KF_TMP/300k.json"
assert_error 413 body_too_large
api PUT "$O/contacts/$c" "@$KF_TMP/300k.json" -H "$(im 1)"
assert_error 413 body_too_large
api PATCH "$O/roles/$r" "@$KF_TMP/300k.json" -H "$(im 1)"
assert_error 413 body_too_large
# without Expect: 100-continue the server must still answer 413
api POST "$O/contacts" "@$KF_TMP/300k.json" -H 'Expect:'
assert_error 413 body_too_large
# 2 MiB
big_notes "$KF_TMP/2m.json" $((2 * 1024 * 1024))
api POST "$O/contacts" "@$KF_TMP/2m.json" -H 'Expect:'
assert_error 413 body_too_large
# exactly at the limit: accepted; one byte more: 413
json_of_size "$KF_TMP/limit.json" 262144
api POST "$O/contacts" "@$KF_TMP/limit.json"
assert_status 201
assert_json .name Gross
limit_id=$(json .id)
api DELETE "$O/contacts/$limit_id" "" -H "$(im 1)"
assert_status 204
json_of_size "$KF_TMP/limit1.json" 262145
api POST "$O/contacts" "@$KF_TMP/limit1.json"
assert_error 413 body_too_large
# chunked upload beyond the limit is refused as well (never stored)
api POST "$O/contacts" "@$KF_TMP/300k.json" -H 'Transfer-Encoding: chunked'
assert_status 400 411 413 501
# the server is still fine
http GET /healthz
assert_status 200
assert_unchanged contacts
assert_unchanged contact

# ---- malformed JSON: 400 with line, column, position
api POST "$O/contacts" $'{\n  "name": "X",\n  "company": }\n'
assert_error 400 malformed_json
assert_json .error.line 3
assert_jq '.error.column | type == "number" and . >= 1'
assert_jq '.error.position | type == "number" and . >= 0'
api POST "$O/contacts" '{"name": "X"'
assert_error 400 malformed_json
assert_json .error.line 1
api POST "$O/contacts" $'{"name": "X",\n\n\n "notes": "a" "b"}'
assert_error 400 malformed_json
assert_json .error.line 4
api POST "$O/contacts" '{"name": "X",}'
assert_error 400 malformed_json
api POST "$O/contacts" "{'name': 'X'}"
assert_error 400 malformed_json
api POST "$O/contacts" '{"name": "X"} {"name": "Y"}'
assert_error 400 malformed_json
api POST "$O/contacts" '{"name": "X"} trailing'
assert_error 400 malformed_json
api POST "$O/contacts" '{"name": "X\u12"}'
assert_error 400 malformed_json
api POST "$O/contacts" '{"name": "Tab	im String"}'
assert_error 400 malformed_json
api POST "$O/contacts" '{"name": "X", "external": tru}'
assert_error 400 malformed_json
api POST "$O/contacts" '{"name": "X", "notes": NaN}'
assert_error 400 malformed_json
printf '{"name": "\xff\xfe kaputt"}' >"$KF_TMP/badutf8.json"
api POST "$O/contacts" "@$KF_TMP/badutf8.json"
assert_error 400 malformed_json
api PUT "$O/contacts/$c" '{"name": ' -H "$(im 1)"
assert_error 400 malformed_json
api PATCH "$O/roles/$r" '{"name": "X"' -H "$(im 1)"
assert_error 400 malformed_json
# empty body
api POST "$O/contacts" "" -H 'Content-Type: application/json'
assert_status 400
# deep nesting does not crash the server
"$KF_PY" -c 'print("{\"name\": \"Tief\", \"notes\": " + "[" * 100000 + "]" * 100000 + "}")' >"$KF_TMP/deep.json"
api POST "$O/contacts" "@$KF_TMP/deep.json"
assert_status 400 422
"$KF_PY" -c 'print("[" * 200000)' >"$KF_TMP/deep2.json"
api POST "$O/contacts" "@$KF_TMP/deep2.json"
assert_status 400
http GET /healthz
assert_status 200

# ---- JSON that is not an object: 400 bad_request
for b in '[{"name": "X"}]' '[]' '"Erika"' '42' 'null' 'true'; do
	api POST "$O/contacts" "$b"
	assert_error 400 bad_request
done
api PUT "$O/contacts/$c" '[{"name": "X"}]' -H "$(im 1)"
assert_error 400 bad_request
api PATCH "$O/contacts/$c" '["name"]' -H "$(im 1)"
assert_error 400 bad_request
api POST "$O/roles" '[{"name": "X"}]'
assert_error 400 bad_request
api POST /api/v1/session '[{"email": "admin@example.org"}]'
assert_error 400 bad_request

# ---- wrong types: 422 naming the field
wt() { # wt FIELD JSON [PATH]
	api POST "${3:-$O/contacts}" "$2"
	assert_field_error "$1"
}
wt name '{"name": 42}'
wt name '{"name": null}'
wt name '{"name": ["Erika"]}'
wt name '{"name": {"first": "Erika"}}'
wt company '{"name": "X", "company": 1}'
wt function '{"name": "X", "function": false}'
wt email '{"name": "X", "email": ["a@b.de"]}'
wt notes '{"name": "X", "notes": {"a": 1}}'
wt external '{"name": "X", "external": "true"}'
wt external '{"name": "X", "external": null}'
wt last_verified '{"name": "X", "last_verified": 20241001}'
wt phones '{"name": "X", "phones": "0761 123"}'
wt phones '{"name": "X", "phones": {"kind": "mobile", "number": "0761 123"}}'
api POST "$O/contacts" '{"name": "X", "phones": ["0761 123"]}'
assert_field_error_prefix 'phones'
wt 'phones[0].number' '{"name": "X", "phones": [{"kind": "mobile", "number": 761123}]}'
wt 'phones[0].kind' '{"name": "X", "phones": [{"kind": 1, "number": "0761 123"}]}'
api POST "$O/contacts" '{"name": "X", "phones": [{"kind": "mobile", "number": "0761 123", "fax": true}]}'
assert_field_error_prefix 'phones[0]'
wt name '{"name": 42}' "$O/roles"
wt duties '{"name": "R", "duties": 1}' "$O/roles"
wt primary_contact_id "{\"name\": \"R\", \"primary_contact_id\": \"$c\"}" "$O/roles"
wt primary_contact_id '{"name": "R", "primary_contact_id": true}' "$O/roles"
api POST "$O/roles" '{"name": "R", "deputy_contact_ids": [1.5]}'
assert_field_error_prefix deputy_contact_ids
api POST "$O/roles" '{"name": "R", "deputy_contact_ids": {"0": 1}}'
assert_field_error_prefix deputy_contact_ids
# PATCH checks types too
api PATCH "$O/contacts/$c" '{"external": "ja"}' -H "$(im 1)"
assert_field_error external
api PATCH "$O/roles/$r" '{"primary_contact_id": "eins"}' -H "$(im 1)"
assert_field_error primary_contact_id

# ---- odd path ids
api GET "$O/contacts/99999999999999999999999"
assert_status 400 404
api GET "$O/contacts/1.0"
assert_error 400 bad_request
api GET "$O/contacts/%20$c"
assert_status 400 404
api GET "/api/v1/orgs/abc/contacts"
assert_status 400 404

assert_unchanged contacts
assert_unchanged contact
assert_unchanged roles
assert_unchanged role

kf_stop
kf_done
