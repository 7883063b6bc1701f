#!/usr/bin/env bash
# POST /api/v1/orgs/{org}/import: only an organisation's admin may import;
# the demo export goes into an empty organisation (the same document comes
# back, the live history names the admin); a second import answers 409 and
# changes nothing; errors answer 422 with the JSON path of each bad value
# and leave the organisation empty; bodies beyond 256 KiB are accepted here
# (a large plan), beyond 32 MiB refused.
. "$(dirname "$0")/lib.sh"

NORM=$KF_E2E_DIR/golden/normalise-export.py

cli_pw "$PW" init --demo --data "$KF_DATA" --admin-email "$ADMIN_EMAIL" --password-stdin
assert_eq 0 "$CLI_RC" "init --demo (stderr: $CLI_ERR)"
cli export json --data "$KF_DATA" --org 1 -o "$KF_TMP/demo.json"
assert_eq 0 "$CLI_RC" "export json"
for name in "Import GmbH" "Fehler GmbH"; do
	cli org add --data "$KF_DATA" --name "$name"
	assert_eq 0 "$CLI_RC" "org add"
done
o2=2
o3=3
kf_user_add "$ADMIN_EMAIL" "Admin" admin "$o2"
kf_user_add "$ADMIN_EMAIL" "Admin" admin "$o3"
kf_user_add editor@example.com "Eddi Editor" editor "$o2"
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login"
login editor editor@example.com "$PW" || kf_die "login editor"
I2=/api/v1/orgs/$o2
I3=/api/v1/orgs/$o3

# ---- only admins; never with a GET
api_as editor POST "$I2/import" -H 'Content-Type: application/json' --data-binary @"$KF_TMP/demo.json"
assert_status 403
api GET "$I2/import"
assert_status 405
api GET "$I2/contacts"
assert_json 'length' 0

# ---- the import (the body is about 90 KiB; larger than a form, smaller than the cap)
api POST "$I2/import" -H 'Content-Type: application/json' --data-binary @"$KF_TMP/demo.json"
assert_status 200
assert_jq '.items_imported > 100' "items_imported"
api GET "$I2/contacts"
assert_eq "$(jq '.sections.contacts | length' "$KF_TMP/demo.json")" "$(json length)" "every contact"
api GET "$I2/exports/json"
assert_status 200
printf '%s' "$BODY" >"$KF_TMP/again.json"
"$KF_PY" "$NORM" --ids "$KF_TMP/demo.json" >"$KF_TMP/a.norm"
"$KF_PY" "$NORM" --ids "$KF_TMP/again.json" >"$KF_TMP/b.norm"
if diff -u "$KF_TMP/a.norm" "$KF_TMP/b.norm" >"$KF_TMP/rt.diff"; then _kf_pass; else
	fail "the imported plan differs from the export: $(head -n 30 "$KF_TMP/rt.diff")"
fi
# the history names the admin who imported
api GET "$I2/contacts"
cid=$(json '.[0].id')
api GET "$I2/history?entity=contact&entity_id=$cid"
assert_status 200
assert_json '.items[0].user_id' 1
assert_json '.items[0].user_name' "Demo-Zugang"

# ---- a second import: 409, nothing added
snapshot contacts2 "$I2/contacts"
api POST "$I2/import" -H 'Content-Type: application/json' --data-binary @"$KF_TMP/demo.json"
assert_error 409 not_empty
assert_unchanged contacts2

# ---- errors by path, nothing kept
jq '.sections.contacts[0].name = "" | .sections.processes[2].system_ids = [31337]
    | .sections.runbooks[1].system_id = .sections.runbooks[0].system_id' "$KF_TMP/demo.json" >"$KF_TMP/bad.json"
api POST "$I3/import" -H 'Content-Type: application/json' -H 'Accept-Language: en' --data-binary @"$KF_TMP/bad.json"
assert_error 422 invalid_plan
assert_jq '[.error.errors[].path] | index("sections.contacts[0].name") != null' "contact name named"
assert_jq '[.error.errors[].path] | index("sections.processes[2].system_ids[0]") != null' "process system named"
assert_jq '.error.errors[] | select(.path == "sections.contacts[0].name") | .message | test("empty")' "a message in English"
api GET "$I3/contacts"
assert_json 'length' 0
# only the store can tell (one runbook per system): refused after the first items, none kept
jq '.sections.runbooks[1].system_id = .sections.runbooks[0].system_id' "$KF_TMP/demo.json" >"$KF_TMP/twice.json"
api POST "$I3/import" -H 'Content-Type: application/json' --data-binary @"$KF_TMP/twice.json"
assert_status 422
assert_jq '[.error.errors[].path] | index("sections.runbooks[1].system_id") != null' "runbook system named"
assert_jq '.error.message | test("importiert")' "German by default"
api GET "$I3/contacts"
assert_json 'length' 0
api GET "$I3/systems"
assert_json 'length' 0
# not JSON; not an object; not a plan
api POST "$I3/import" '{"format": "krisenfest-plan", "sections": ['
assert_error 400 malformed_json
api POST "$I3/import" '[1, 2]'
assert_status 400
api POST "$I3/import" '{"format": "krisenfest-plan", "schema": 9, "sections": {}}'
assert_status 422
assert_jq '.error.errors[0].path == "schema"' "schema named"
# CSRF is checked like every write
KF_NO_CSRF=1 api POST "$I3/import" '{"sections": {}}'
assert_status 403

# ---- the approved version's export (its frozen snapshot) imports the same way
kf_user_add nele@example.com "Nele Notfall" notfallleiter 1
login nele nele@example.com "$PW" || kf_die "login nele"
api_as nele POST "$O/plan-versions" '{"note": "Fassung für den Ordner"}'
assert_status 201
vid=$(json .number)
api POST "$O/plan-versions/$vid/approve" '{}' -H "$(im 1)"
assert_status 200
api GET "$O/exports/json?version=approved"
assert_status 200
assert_header X-Krisenfest-Plan-Version 1
printf '%s' "$BODY" >"$KF_TMP/approved.json"
cli org add --data "$KF_DATA" --name "Freigabe GmbH"
o4=$(grep -Eo '[0-9]+' <<<"$CLI_OUT" | head -n 1)
kf_user_add "$ADMIN_EMAIL" "Admin" admin "$o4"
api POST "/api/v1/orgs/$o4/import" -H 'Content-Type: application/json' --data-binary @"$KF_TMP/approved.json"
assert_status 200
api GET "/api/v1/orgs/$o4/exports/json?version=draft"
printf '%s' "$BODY" >"$KF_TMP/approved-again.json"
"$KF_PY" "$NORM" --ids "$KF_TMP/approved.json" | jq -S .sections >"$KF_TMP/ap.norm"
"$KF_PY" "$NORM" --ids "$KF_TMP/approved-again.json" | jq -S .sections >"$KF_TMP/ap2.norm"
if diff -u "$KF_TMP/ap.norm" "$KF_TMP/ap2.norm" >"$KF_TMP/ap.diff"; then _kf_pass; else
	fail "the imported approved version differs: $(head -n 30 "$KF_TMP/ap.diff")"
fi

# ---- size: a body beyond 32 MiB is refused before it is read
head -c $((33 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$KF_TMP/huge.json"
api POST "$I3/import" -H 'Content-Type: application/json' --data-binary @"$KF_TMP/huge.json"
assert_status 413
assert_contains "$(json .error.message)" "32 MiB" "the cap is named"
# at most two file-sized bodies at once: two uploads that have not ended
# hold both places; a third large body is refused as busy (a small one still
# passes); once they end, a large body is read again
mkfifo "$KF_TMP/f1" "$KF_TMP/f2"
curl -s -o /dev/null -X POST -T "$KF_TMP/f1" -H 'Content-Type: application/json' "$KF_BASE$I3/import" &
p1=$!
curl -s -o /dev/null -X POST -T "$KF_TMP/f2" -H 'Content-Type: application/json' "$KF_BASE$I3/import" &
p2=$!
exec 7>"$KF_TMP/f1" 8>"$KF_TMP/f2"
printf '{"sections": ' >&7
printf '{"sections": ' >&8
head -c $((300 * 1024)) /dev/zero | tr '\0' ' ' >"$KF_TMP/big.json"
sleep 0.5
api POST "$I3/import" -H 'Content-Type: application/json' --data-binary @"$KF_TMP/big.json"
assert_error 503 busy
api POST "$I3/import" '{"format": "krisenfest-plan", "schema": 9, "sections": {}}'
assert_status 422
exec 7>&- 8>&-
wait "$p1" "$p2"
api POST "$I3/import" -H 'Content-Type: application/json' --data-binary @"$KF_TMP/big.json"
assert_error 400 malformed_json
api GET "$I3/contacts"
assert_json 'length' 0
# other writes keep their 256 KiB
api POST "$I3/contacts" -H 'Content-Type: application/json' --data-binary @"$KF_TMP/big.json"
assert_status 413

kf_stop
kf_done
