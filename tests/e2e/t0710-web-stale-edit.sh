#!/usr/bin/env bash
# Two people edit the same contact/role: the later form post with a stale
# version answers 409 "inzwischen geändert", shows the saved values and
# changes nothing.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add bea@example.org "Bea Bearbeiterin" editor
login bea bea@example.org "$PW" || kf_die "login bea"
web_login w "$ADMIN_EMAIL" "$PW"

new_contact c '{"name": "Erika Muster", "company": "Muster GmbH", "phones": [{"kind": "mobile", "number": "0170 1111111"}]}'
new_contact d '{"name": "Anton Aal"}'

# the admin opens the edit form (version 1)
web w GET "/o/1/contacts/$c"
assert_status 200
assert_eq 1 "$(html_input version)" "version in the edit form"
refresh_csrf w

# meanwhile Bea saves a change via the API (version 2)
api_as bea PUT "$O/contacts/$c" '{"name": "Erika Muster-Bea", "company": "Bea GmbH", "phones": [{"kind": "office", "number": "0761 2222222"}]}' -H "$(im 1)"
assert_status 200
assert_json .version 2
snapshot item "$O/contacts/$c"

# the admin's stale post
form_csrf w "/o/1/contacts/$c" "version=1" "name=Erika Admin-Änderung" "company=Admin AG" \
	"phone_kind_0=mobile" "phone_number_0=0170 3333333"
assert_status 409
assert_eq "text/html; charset=utf-8" "$(hdr Content-Type | tr 'A-Z' 'a-z')" "Content-Type of the 409 page"
assert_body_contains "inzwischen geändert"
txt=$(html_text)
assert_contains "$BODY$txt" "Erika Muster-Bea" "409 page shows the saved name"
assert_contains "$BODY$txt" "Bea GmbH" "409 page shows the saved company"
assert_contains "$BODY$txt" "0761 2222222" "409 page shows the saved phone"
assert_unchanged item

# the page offers the current version; posting with it succeeds
web w GET "/o/1/contacts/$c"
assert_eq 2 "$(html_input version)" "version in the reloaded edit form"
assert_eq "Erika Muster-Bea" "$(html_input name)" "name in the reloaded edit form"
form_csrf w "/o/1/contacts/$c" "version=2" "name=Erika Admin-Änderung" "company=Admin AG" \
	"phone_kind_0=mobile" "phone_number_0=0170 3333333"
assert_redirect 303 /o/1/team
api GET "$O/contacts/$c"
assert_json .version 3
assert_json .name "Erika Admin-Änderung"
assert_json .company "Admin AG"

# a version from the future or garbage is refused, too
snapshot item "$O/contacts/$c"
form_csrf w "/o/1/contacts/$c" "version=9" "name=Zukunft"
assert_status 409
form_csrf w "/o/1/contacts/$c" "version=abc" "name=Unsinn"
assert_status 400 409 422
form_csrf w "/o/1/contacts/$c" "name=Ohne Version"
assert_status 400 409 422 428
assert_unchanged item

# stale delete: nothing is deleted
web w GET "/o/1/contacts/$d/delete"
assert_status 200
assert_eq 1 "$(html_input version)" "version in the delete form"
api_as bea PATCH "$O/contacts/$d" '{"notes": "Bea war hier"}' -H "$(im 1)"
assert_status 200
snapshot d "$O/contacts/$d"
form_csrf w "/o/1/contacts/$d/delete" "version=1"
assert_status 409
assert_body_contains "inzwischen geändert"
assert_unchanged d

# roles: the same
new_role r "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $c}"
web w GET "/o/1/roles/$r"
assert_eq 1 "$(html_input version)" "version in the role edit form"
api_as bea PATCH "$O/roles/$r" "{\"duties\": \"Von Bea\", \"deputy_contact_ids\": [$d]}" -H "$(im 1)"
assert_status 200
snapshot role "$O/roles/$r"
form_csrf w "/o/1/roles/$r" "version=1" "name=Notfallleitung (Admin)" "duties=Vom Admin" \
	"primary_contact_id=$c" "deputy_0=" "deputy_1=" "deputy_2="
assert_status 409
assert_body_contains "inzwischen geändert"
assert_contains "$BODY$(html_text)" "Von Bea" "409 page shows the saved duties"
assert_unchanged role
form_csrf w "/o/1/roles/$r/delete" "version=1"
assert_status 409
assert_unchanged role

# a deleted contact: edit form post answers 404 (or 409), nothing resurrected
api DELETE "$O/contacts/$d" "" -H "$(im 2)"
assert_status 409   # still a deputy of the role
api PATCH "$O/roles/$r" '{"deputy_contact_ids": []}' -H "$(im 2)"
assert_status 200
api DELETE "$O/contacts/$d" "" -H "$(im 2)"
assert_status 204
form_csrf w "/o/1/contacts/$d" "version=2" "name=Wiederbelebt"
assert_status 404 409
api GET "$O/contacts/$d"
assert_error 404 not_found

kf_stop
kf_done
