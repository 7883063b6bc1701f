#!/usr/bin/env bash
# Contact validation: every rule of docs/api.md, 422 naming the field,
# nothing stored on refusal.
. "$(dirname "$0")/lib.sh"

kf_setup

new_contact cid '{"name": "Erika Muster", "email": "erika@example.org", "phones": [{"kind": "mobile", "number": "+49 170 1234567"}]}'
snapshot list "$O/contacts"
snapshot item "$O/contacts/$cid"

rep() { printf "%0.s$1" $(seq 1 "$2"); } # rep CHAR N

# bad_post FIELD JSON — POST is refused naming FIELD
bad_post() {
	api POST "$O/contacts" "$2"
	assert_field_error "$1"
}
# bad_put FIELD JSON / bad_patch FIELD JSON on the existing contact
bad_put() {
	api PUT "$O/contacts/$cid" "$2" -H "$(im 1)"
	assert_field_error "$1"
}
bad_patch() {
	api PATCH "$O/contacts/$cid" "$2" -H "$(im 1)"
	assert_field_error "$1"
}

# name
bad_post name '{"company": "Ohne Namen"}'
bad_post name '{"name": ""}'
bad_post name "{\"name\": \"$(rep a 201)\"}"
bad_post name "{\"name\": \"$(rep ä 201)\"}"
# company, function: up to 200
bad_post company "{\"name\": \"X\", \"company\": \"$(rep b 201)\"}"
bad_post function "{\"name\": \"X\", \"function\": \"$(rep c 201)\"}"
# phones
phones11=$(jq -nc '[range(11) | {kind: "mobile", number: "0761 \(100 + .)"}]')
bad_post phones "{\"name\": \"X\", \"phones\": $phones11}"
bad_post 'phones[0].kind' '{"name": "X", "phones": [{"kind": "fax", "number": "0761 123"}]}'
bad_post 'phones[1].kind' '{"name": "X", "phones": [{"kind": "mobile", "number": "0761 123"}, {"kind": "Mobile", "number": "0761 124"}]}'
bad_post 'phones[0].number' '{"name": "X", "phones": [{"kind": "mobile", "number": "12"}]}'
bad_post 'phones[0].number' '{"name": "X", "phones": [{"kind": "mobile", "number": "+1 2"}]}'
bad_post 'phones[0].number' '{"name": "X", "phones": [{"kind": "mobile", "number": "0761 abc 123"}]}'
bad_post 'phones[0].number' '{"name": "X", "phones": [{"kind": "mobile", "number": "0761 123#4"}]}'
bad_post 'phones[0].number' "{\"name\": \"X\", \"phones\": [{\"kind\": \"mobile\", \"number\": \"$(rep 1 41)\"}]}"
bad_post 'phones[2].number' '{"name": "X", "phones": [{"kind": "mobile", "number": "0761 1"}, {"kind": "office", "number": "0761 2"}, {"kind": "other", "number": ""}]}'
# email
bad_post email '{"name": "X", "email": "keine-adresse"}'
bad_post email '{"name": "X", "email": "a@b"}'
bad_post email '{"name": "X", "email": "a@@b.de"}'
bad_post email '{"name": "X", "email": "a@b@c.de"}'
bad_post email "{\"name\": \"X\", \"email\": \"$(rep a 64)@$(rep b 63).$(rep c 63).$(rep d 60).de\"}"
# notes
bad_post notes "{\"name\": \"X\", \"notes\": \"$(rep n 10001)\"}"
# external must be a boolean
bad_post external '{"name": "X", "external": "yes"}'
bad_post external '{"name": "X", "external": 1}'
# last_verified: YYYY-MM-DD, a real date, not in the future
bad_post last_verified '{"name": "X", "last_verified": "2024-13-01"}'
bad_post last_verified '{"name": "X", "last_verified": "2023-02-29"}'
bad_post last_verified '{"name": "X", "last_verified": "01.10.2024"}'
bad_post last_verified '{"name": "X", "last_verified": "2024-1-5"}'
bad_post last_verified '{"name": "X", "last_verified": ""}'
bad_post last_verified "{\"name\": \"X\", \"last_verified\": \"$(date -u -d '+2 days' +%Y-%m-%d)\"}"
bad_post last_verified "{\"name\": \"X\", \"last_verified\": \"$(( $(date -u +%Y) + 1 ))-01-01\"}"
# unknown fields are refused
bad_post telefon '{"name": "X", "telefon": "0761 123"}'
# several errors at once: all named
api POST "$O/contacts" "{\"name\": \"\", \"email\": \"kaputt\", \"phones\": [{\"kind\": \"fax\", \"number\": \"1\"}]}"
assert_field_error name
assert_field_error email
assert_field_error 'phones[0].kind'
assert_field_error 'phones[0].number'
# messages are German by default, English on request
api POST "$O/contacts" '{"name": ""}'
msg_de=$(json .error.message)
fmsg_de=$(json '.error.fields.name')
api POST "$O/contacts" '{"name": ""}' -H 'Accept-Language: en'
assert_field_error name
assert_ne "$msg_de" "$(json .error.message)" "English error.message"

assert_unchanged list

# the same rules on PUT and PATCH; the item stays as it was
bad_put name '{"name": ""}'
bad_put email '{"name": "Erika", "email": "erika-at-example.org"}'
bad_put 'phones[0].kind' '{"name": "Erika", "phones": [{"kind": "pager", "number": "0761 123"}]}'
bad_put telefon '{"name": "Erika", "telefon": "1"}'
bad_patch name '{"name": ""}'
bad_patch name "{\"name\": \"$(rep x 201)\"}"
bad_patch notes "{\"notes\": \"$(rep n 10001)\"}"
bad_patch last_verified '{"last_verified": "morgen"}'
bad_patch 'phones[0].number' '{"phones": [{"kind": "mobile", "number": "abc"}]}'
bad_patch telefon '{"telefon": "1"}'
assert_unchanged item
assert_unchanged list

# boundaries that are fine
ok_post() {
	api POST "$O/contacts" "$1"
	assert_status 201
}
ok_post "{\"name\": \"$(rep a 200)\"}"
assert_json '.name | length' 200
ok_post "{\"name\": \"$(rep ä 200)\", \"company\": \"$(rep ö 200)\", \"function\": \"$(rep ß 200)\"}"
assert_json '.name | length' 200
ok_post "{\"name\": \"Y\", \"notes\": \"$(rep n 10000)\"}"
assert_json '.notes | length' 10000
ok_post "{\"name\": \"Y\", \"notes\": \"$(rep ü 10000)\"}"
assert_json '.notes | length' 10000
phones10=$(jq -nc '[range(10) | {kind: (["mobile","office","private","other"][. % 4]), number: "0761 \(100 + .)"}]')
ok_post "{\"name\": \"Zehn Nummern\", \"phones\": $phones10}"
assert_json '.phones | length' 10
assert_json '[.phones[].kind] | join(",")' "mobile,office,private,other,mobile,office,private,other,mobile,office"
ok_post '{"name": "Sonderzeichen", "phones": [{"kind": "office", "number": "+49 (0)761 / 123-45.6"}, {"kind": "other", "number": "112"}]}'
ok_post "{\"name\": \"Lang\", \"phones\": [{\"kind\": \"other\", \"number\": \"$(rep 1 40)\"}]}"
ok_post '{"name": "Leer", "email": ""}'
ok_post '{"name": "Datum", "last_verified": "2020-02-29"}'
ok_post "{\"name\": \"Heute\", \"last_verified\": \"$(date -u -d '-1 day' +%Y-%m-%d)\"}"
ok_post '{"name": "Mail", "email": "erika.muster+krise@sub.example.org"}'

kf_stop
kf_done
