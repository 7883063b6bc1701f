#!/usr/bin/env bash
# Starter content: list it, adopt a choice in one go (API and form), skip
# what exists, refuse unknown keys without storing anything.
. "$(dirname "$0")/lib.sh"

kf_setup
snapshot contacts "$O/contacts"
snapshot roles "$O/roles"

api GET /api/v1/templates/team
assert_status 200
assert_jq '.roles | length >= 5' "at least five standard roles"
assert_jq '[.roles[].key] | index("notfallleitung") != null' "Notfallleitung is offered"
assert_jq '[.contacts[] | select(.region == "BW") | .key] | index("lfdi-bw") != null' "LfDI BW is offered"
assert_jq 'all(.contacts[]; (.source | length) > 0)' "every authority contact names its source"
api_as anon GET /api/v1/templates/team
assert_error 401 unauthenticated

# refused choices store nothing
api POST "$O/team/adopt" '{"roles": ["notfallleitung", "gibt-es-nicht"], "contacts": ["zac-bw"]}'
assert_error 422 validation_failed
assert_field_error 'roles[1]'
api POST "$O/team/adopt" '{"roles": ["technik", "technik"]}'
assert_error 422 validation_failed
assert_field_error 'roles[1]'
api POST "$O/team/adopt" '{"roles": [], "contacts": []}'
assert_error 422 validation_failed
assert_field_error roles
api POST "$O/team/adopt" '{"roles": "notfallleitung"}'
assert_error 422 validation_failed
assert_field_error roles
api POST "$O/team/adopt" '{"rollen": ["notfallleitung"]}'
assert_error 422 validation_failed
assert_field_error rollen
assert_unchanged contacts
assert_unchanged roles

# a reader may look but not adopt
kf_user_add leser@example.org "Lea Leser" reader
login reader leser@example.org "$PW"
api_as reader POST "$O/team/adopt" '{"roles": ["notfallleitung"]}'
assert_error 403 forbidden
assert_unchanged roles

# adopt through the API
api POST "$O/team/adopt" '{"roles": ["notfallleitung", "technik"], "contacts": ["zac-bw", "lfdi-bw"]}'
assert_status 200
assert_json .created 4
assert_json .skipped 0
api GET "$O/roles"
assert_jq '[.[].name] | sort == ["Notfallleitung", "Technik und Wiederherstellung"]' "the two roles exist"
api GET "$O/contacts"
assert_jq 'length == 2' "two contacts"
assert_jq 'all(.[]; .external == true and .last_verified == null)' "adopted contacts are external and not yet checked"
assert_jq 'all(.[]; (.notes | test("Quelle: ")))' "adopted contacts carry their source"
assert_jq '[.[] | .phones[0].number] | index("0711 5401-2444") != null' "ZAC BW number"
assert_eq 4 "$(db_sql "SELECT count(*) FROM history WHERE action = 'create'")" "one history record per adopted item"

# adopting again skips what exists (names compare case-insensitively)
api POST "$O/team/adopt" '{"roles": ["notfallleitung", "kommunikation"], "contacts": ["zac-bw"]}'
assert_status 200
assert_json .created 1
assert_json .skipped 2

# the web page: choices preselected, existing ones disabled; adopting redirects to the team page
web_login w "$ADMIN_EMAIL" "$PW"
web w GET '/o/1/team/templates?region=BY'
assert_status 200
assert_body_contains 'Zentrale Ansprechstelle Cybercrime (ZAC) Bayern'
assert_body_not_contains 'LKA Baden-Württemberg'
web w GET /o/1/team/templates
assert_body_contains 'value="notfallleitung" disabled'
assert_body_contains 'value="datenschutz" checked'
refresh_csrf w
form_csrf w /o/1/team/templates role=datenschutz role=meldungen contact=bsi-service
assert_redirect 303 '/o/1/team?adopted=3'
web w GET '/o/1/team?adopted=3'
assert_body_contains 'Die Vorlagen wurden übernommen'
assert_body_contains 'BSI Service-Center'
form_csrf w /o/1/team/templates role=nix
assert_status 422
assert_body_contains 'ist keine bekannte Vorlage'

kf_stop
kf_done
