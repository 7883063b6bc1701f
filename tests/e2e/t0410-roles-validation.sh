#!/usr/bin/env bash
# Role validation: name, duties, primary person, deputies (existing, no
# repeats, not the primary person, at most 10); nothing stored on refusal.
. "$(dirname "$0")/lib.sh"

kf_setup

ids=()
for i in $(seq 1 12); do
	new_contact c "{\"name\": \"Kontakt $(printf %02d "$i")\"}"
	ids+=("$c")
done
c1=${ids[0]} c2=${ids[1]} c3=${ids[2]}
new_contact gone '{"name": "Gelöscht"}'
api DELETE "$O/contacts/$gone" "" -H "$(im 1)"
assert_status 204

new_role r "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $c1, \"deputy_contact_ids\": [$c2]}"
snapshot roles "$O/roles"
snapshot role "$O/roles/$r"

rep() { printf "%0.s$1" $(seq 1 "$2"); }
bad_post() {
	api POST "$O/roles" "$2"
	assert_field_error_prefix "$1"
}

bad_post name '{"duties": "ohne Namen"}'
bad_post name '{"name": ""}'
bad_post name "{\"name\": \"$(rep r 201)\"}"
bad_post name '{"name": 17}'
bad_post duties "{\"name\": \"R\", \"duties\": \"$(rep d 10001)\"}"
bad_post primary_contact_id '{"name": "R", "primary_contact_id": 987654}'
bad_post primary_contact_id "{\"name\": \"R\", \"primary_contact_id\": $gone}"
bad_post primary_contact_id "{\"name\": \"R\", \"primary_contact_id\": \"$c1\"}"
bad_post primary_contact_id "{\"name\": \"R\", \"primary_contact_id\": [$c1]}"
bad_post primary_contact_id '{"name": "R", "primary_contact_id": 1.5}'
bad_post deputy_contact_ids "{\"name\": \"R\", \"deputy_contact_ids\": [$c2, $c2]}"
bad_post deputy_contact_ids "{\"name\": \"R\", \"primary_contact_id\": $c1, \"deputy_contact_ids\": [$c2, $c1]}"
bad_post deputy_contact_ids "{\"name\": \"R\", \"deputy_contact_ids\": [987654]}"
bad_post deputy_contact_ids "{\"name\": \"R\", \"deputy_contact_ids\": [$gone]}"
bad_post deputy_contact_ids "{\"name\": \"R\", \"deputy_contact_ids\": \"$c2,$c3\"}"
bad_post deputy_contact_ids "{\"name\": \"R\", \"deputy_contact_ids\": [\"$c2\"]}"
bad_post deputy_contact_ids "{\"name\": \"R\", \"deputy_contact_ids\": $c2}"
eleven=$(printf '%s\n' "${ids[@]:1:11}" | jq -sc .)
bad_post deputy_contact_ids "{\"name\": \"R\", \"deputy_contact_ids\": $eleven}"
bad_post zustaendig '{"name": "R", "zustaendig": "alle"}'
# several at once
api POST "$O/roles" "{\"name\": \"\", \"primary_contact_id\": 987654}"
assert_field_error name
assert_field_error primary_contact_id
assert_unchanged roles

# the same on PUT / PATCH
api PUT "$O/roles/$r" '{"name": ""}' -H "$(im 1)"
assert_field_error name
api PUT "$O/roles/$r" "{\"name\": \"N\", \"primary_contact_id\": $c2, \"deputy_contact_ids\": [$c2]}" -H "$(im 1)"
assert_field_error_prefix deputy_contact_ids
api PATCH "$O/roles/$r" "{\"deputy_contact_ids\": [$c1]}" -H "$(im 1)"
assert_field_error_prefix deputy_contact_ids
api PATCH "$O/roles/$r" "{\"deputy_contact_ids\": [$c3, $c3]}" -H "$(im 1)"
assert_field_error_prefix deputy_contact_ids
api PATCH "$O/roles/$r" "{\"primary_contact_id\": $c2}" -H "$(im 1)"
assert_status 422
assert_jq '.error.fields | keys | any(startswith("deputy_contact_ids") or startswith("primary_contact_id"))'
api PATCH "$O/roles/$r" '{"primary_contact_id": 987654}' -H "$(im 1)"
assert_field_error primary_contact_id
api PATCH "$O/roles/$r" '{"duties": null}' -H "$(im 1)"
assert_field_error duties
api PATCH "$O/roles/$r" '{"unbekannt": 1}' -H "$(im 1)"
assert_field_error unbekannt
assert_unchanged role
assert_unchanged roles

# what is fine
ten=$(printf '%s\n' "${ids[@]:2:10}" | jq -sc .)
api POST "$O/roles" "{\"name\": \"$(rep r 200)\", \"duties\": \"$(rep d 10000)\", \"primary_contact_id\": $c2, \"deputy_contact_ids\": $ten}"
assert_status 201
assert_json '.deputy_contact_ids | length' 10
assert_json '.deputy_contact_ids | map(tostring) | join(",")' "$(IFS=,; echo "${ids[*]:2:10}")"
api POST "$O/roles" "{\"name\": \"Ohne Person\", \"primary_contact_id\": null, \"deputy_contact_ids\": [$c1]}"
assert_status 201
# the same contact may fill several roles
api POST "$O/roles" "{\"name\": \"Zweite Rolle\", \"primary_contact_id\": $c1}"
assert_status 201

kf_stop
kf_done
