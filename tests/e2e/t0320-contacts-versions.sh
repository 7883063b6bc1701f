#!/usr/bin/env bash
# Versions, ETag and If-Match: 428 without, 412 with a stale version (body
# holds the current item), versions grow by one, refusals change nothing.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add bea@example.org "Bea Bearbeiterin" editor
login bea bea@example.org "$PW" || kf_die "login bea"

new_contact a '{"name": "Erika Muster", "company": "Muster GmbH", "phones": [{"kind": "mobile", "number": "0170 1234567"}]}'
new_contact b '{"name": "Anton Aal"}'
snapshot item "$O/contacts/$a"
snapshot list "$O/contacts"

# missing If-Match: 428 for PUT, PATCH, DELETE
api PUT "$O/contacts/$a" '{"name": "Ohne If-Match"}'
assert_error 428 precondition_required
api PATCH "$O/contacts/$a" '{"name": "Ohne If-Match"}'
assert_error 428 precondition_required
api DELETE "$O/contacts/$a"
assert_error 428 precondition_required
assert_unchanged item

# stale / wrong If-Match: 412 with the current item
for v in 0 2 7 999; do
	api PUT "$O/contacts/$a" '{"name": "Falsche Version"}' -H "$(im $v)"
	assert_error 412 version_conflict
	assert_json .current.id "$a"
	assert_json .current.version 1
	assert_json .current.name "Erika Muster"
	assert_json .current.company "Muster GmbH"
done
api PATCH "$O/contacts/$a" '{"notes": "x"}' -H "$(im 2)"
assert_error 412 version_conflict
assert_json .current.version 1
api DELETE "$O/contacts/$a" "" -H "$(im 2)"
assert_error 412 version_conflict
assert_json .current.version 1
assert_unchanged item
assert_unchanged list

# each change adds exactly one to the version; ETag follows
for n in 2 3 4 5; do
	api PATCH "$O/contacts/$a" "{\"notes\": \"Änderung $n\"}" -H "$(im $((n - 1)))"
	assert_status 200
	assert_json .version "$n"
	assert_header ETag "\"$n\""
	api GET "$O/contacts/$a"
	assert_header ETag "\"$n\""
	assert_json .notes "Änderung $n"
done
api PUT "$O/contacts/$a" '{"name": "Erika Muster", "company": "Muster GmbH"}' -H "$(im 5)"
assert_status 200
assert_json .version 6
# versions of other items are untouched
api GET "$O/contacts/$b"
assert_json .version 1
assert_header ETag '"1"'

# two people edit the same contact: the second one gets 412 and sees the first's values
api GET "$O/contacts/$a"
v_admin=$(json .version)
api_as bea GET "$O/contacts/$a"
v_bea=$(json .version)
assert_eq "$v_admin" "$v_bea" "version seen by both"
api PATCH "$O/contacts/$a" '{"function": "Geschäftsführung", "email": "erika@example.org"}' -H "$(im "$v_admin")"
assert_status 200
assert_json .version 7
snapshot item "$O/contacts/$a"
api_as bea PUT "$O/contacts/$a" '{"name": "Erika Überschrieben"}' -H "$(im "$v_bea")"
assert_error 412 version_conflict
assert_json .current.version 7
assert_json .current.function "Geschäftsführung"
assert_json .current.email "erika@example.org"
assert_json .current.name "Erika Muster"
api_as bea DELETE "$O/contacts/$a" "" -H "$(im "$v_bea")"
assert_error 412 version_conflict
assert_unchanged item
# with the fresh version bea succeeds
api_as bea PATCH "$O/contacts/$a" '{"name": "Erika Muster-Neu"}' -H "$(im 7)"
assert_status 200
assert_json .version 8
assert_json .function "Geschäftsführung"

# a refused (invalid) write does not bump the version
api PATCH "$O/contacts/$a" '{"name": ""}' -H "$(im 8)"
assert_field_error name
api GET "$O/contacts/$a"
assert_json .version 8

# delete with the right version
api DELETE "$O/contacts/$a" "" -H "$(im 8)"
assert_status 204
api GET "$O/contacts/$a"
assert_error 404 not_found

# history (not in the API; read from the database, see
# db/migrations/0001-init.sqlite.sql): one record per successful change,
# none for the refused requests above
hist=$(db_sql "SELECT action FROM history WHERE entity LIKE 'contact%' AND entity_id = $a ORDER BY id;" | tr '\n' ' ')
assert_eq "create update update update update update update update delete " "$hist" "history actions of contact $a"
hist=$(db_sql "SELECT count(*) FROM history WHERE entity LIKE 'contact%' AND entity_id = $a AND action = 'update' AND (before_json IS NULL OR after_json IS NULL);")
assert_eq 0 "$hist" "history updates without before or after"

# roles behave the same
new_role r '{"name": "Notfallleitung"}'
api GET "$O/roles/$r"
assert_header ETag '"1"'
api PUT "$O/roles/$r" '{"name": "X"}'
assert_error 428 precondition_required
api PATCH "$O/roles/$r" '{"name": "X"}' -H "$(im 3)"
assert_error 412 version_conflict
assert_json .current.name "Notfallleitung"
assert_json .current.version 1
api DELETE "$O/roles/$r" "" -H "$(im 3)"
assert_error 412 version_conflict
api PATCH "$O/roles/$r" '{"duties": "Koordiniert"}' -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_header ETag '"2"'

kf_stop
kf_done
