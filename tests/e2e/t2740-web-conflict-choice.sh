#!/usr/bin/env bash
# Safe concurrent editing in the web: a stale post of the IT system form answers 409, keeps the input,
# shows the saved value beside every differing field (also selects and checkbox lists) with a choice
# "keep my input / take the saved value" announced as an alert and tied by aria-describedby; the next
# post with the choices stores exactly the chosen mix.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add bea@example.org "Bea Bearbeiterin" editor
login bea bea@example.org "$PW" || kf_die "login bea"
web_login w "$ADMIN_EMAIL" "$PW"

api POST "$O/systems" '{"name": "Strom", "type": "power"}'
strom=$(json .id)
api POST "$O/systems" '{"name": "Netz", "type": "network"}'
netz=$(json .id)
api POST "$O/systems" '{"name": "Server", "type": "server", "location": "Keller", "notes": "alt"}'
s=$(json .id)

# Bea saves meanwhile (version 2)
api_as bea PATCH "$O/systems/$s" "{\"location\": \"Bea-Raum\", \"type\": \"application\", \"depends_on_ids\": [$strom], \"notes\": \"von Bea\"}" -H "$(im 1)"
assert_status 200
snapshot item "$O/systems/$s"

# the admin posts the old version
form_csrf w "/o/1/systems/$s" "version=1" "name=Server" "type=server" "location=Admin-Raum" "notes=vom Admin" \
	"depends_on=$netz" "rto_hours=" "rpo_hours="
assert_status 409
page=$BODY
assert_unchanged item
BODY=$page
assert_body_contains 'role="alert"'
assert_match "$BODY" '(zwischenzeitlich|inzwischen) geändert' "the conflict notice"
assert_eq "Admin-Raum" "$(html_input location)" "the admin's input is kept"
assert_body_contains "Bea-Raum"
assert_body_contains "von Bea"
assert_body_contains 'id="saved-location"'
assert_body_contains 'id="saved-type"'
assert_body_contains 'id="saved-notes"'
assert_body_contains 'id="saved-depends_on"'
assert_match "$BODY" 'id="f-location"[^>]*aria-describedby="[^"]*saved-location' "location input described by its saved block"
assert_match "$BODY" 'id="f-type"[^>]*aria-describedby="[^"]*saved-type' "type select described by its saved block"
assert_match "$BODY" 'aria-describedby="saved-depends_on"' "the checkbox list is described by its saved block"
assert_match "$BODY" 'value="saved" name="_take:location"' "the choice to take the saved location"
assert_not_contains "$BODY" 'id="saved-name"' "no saved block where nothing differs"
assert_eq 2 "$(html_input version)" "the conflict page carries the current version"

# keep my location and notes, take the saved type and dependencies
form_csrf w "/o/1/systems/$s" "version=2" "name=Server" "type=server" "location=Admin-Raum" "notes=vom Admin" \
	"depends_on=$netz" "rto_hours=" "rpo_hours=" \
	"_take:location=mine" "_clear:location=location" "_saved:location:location=Bea-Raum" \
	"_take:type=saved" "_clear:type=type" "_saved:type:type=application" \
	"_take:notes=mine" "_clear:notes=notes" "_saved:notes:notes=von Bea" \
	"_take:depends_on=saved" "_clear:depends_on=depends_on" "_saved:depends_on:depends_on=$strom"
assert_redirect 303 /o/1/systems
api GET "$O/systems/$s"
assert_json .version 3
assert_json .location "Admin-Raum"
assert_json .notes "vom Admin"
assert_json .type "application"
assert_json '.depends_on_ids | tostring' "[$strom]"

# a business process: selects and numbers, take all saved
api POST "$O/processes" '{"name": "Auftrag", "cost_per_hour": 100}'
p=$(json .id)
api_as bea PATCH "$O/processes/$p" "{\"cost_per_hour\": 250, \"system_ids\": [$s]}" -H "$(im 1)"
assert_status 200
snapshot proc "$O/processes/$p"
form_csrf w "/o/1/processes/$p" "version=1" "name=Auftrag" "cost_per_hour=90"
assert_status 409
page=$BODY
assert_unchanged proc
BODY=$page
assert_body_contains 'id="saved-cost_per_hour"'
assert_body_contains 'id="saved-system"'
assert_eq 90 "$(html_input cost_per_hour)" "input kept"

kf_stop
kf_done
