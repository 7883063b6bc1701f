#!/usr/bin/env bash
# krisenfest import: the demo company's JSON export read into a new, empty
# organisation gives the same document again (new ids and versions only);
# an organisation that has a plan is refused; a file with errors names each
# bad value by its JSON path and leaves the organisation empty, also when
# the store refuses an item half-way (one transaction); an own risk
# category and another risk scale come across; bad JSON names line:column.
. "$(dirname "$0")/lib.sh"

NORM=$KF_E2E_DIR/golden/normalise-export.py

cli_pw "$PW" init --demo --data "$KF_DATA" --admin-email "$ADMIN_EMAIL" --password-stdin
assert_eq 0 "$CLI_RC" "init --demo (stderr: $CLI_ERR)"
cli export json --data "$KF_DATA" --org 1 -o "$KF_TMP/demo.json"
assert_eq 0 "$CLI_RC" "export json"

# a new organisation per case: its id
new_org() {
	cli org add --data "$KF_DATA" --name "$1"
	assert_eq 0 "$CLI_RC" "org add $1 (stderr: $CLI_ERR)"
	printf -v "$2" '%s' "$(grep -Eo '[0-9]+' <<<"$CLI_OUT" | head -n 1)"
}
# the number of items in an organisation's export (every list section)
items_of() {
	cli export json --data "$KF_DATA" --org "$1" --draft -o "$KF_TMP/items.json"
	jq '[.sections[] | arrays | length] | add' "$KF_TMP/items.json"
}

# ---- --check: the file alone, no database; the same count the import reports
cli import --check "$KF_TMP/demo.json"
assert_eq 0 "$CLI_RC" "import --check (stderr: $CLI_ERR)"
checked=$(grep -Eo '[0-9]+' <<<"$CLI_OUT" | head -n 1)
assert_match "$CLI_OUT" 'in Ordnung' "German"

# ---- round trip: export -> import into an empty organisation -> export
new_org "Neustart GmbH" o2
cli import --data "$KF_DATA" --org "$o2" "$KF_TMP/demo.json"
assert_eq 0 "$CLI_RC" "import into an empty organisation (stderr: $CLI_ERR)"
assert_contains "$CLI_OUT" "Neustart GmbH" "the organisation is named"
assert_match "$CLI_OUT" '^1[0-9]{2} ' "the number of items imported"
assert_eq "$checked" "$(grep -Eo '^[0-9]+' <<<"$CLI_OUT")" "--check counted the same items"
cli export json --data "$KF_DATA" --org "$o2" -o "$KF_TMP/again.json"
assert_eq 0 "$CLI_RC" "export the imported plan"
"$KF_PY" "$NORM" --ids "$KF_TMP/demo.json" >"$KF_TMP/a.norm"
"$KF_PY" "$NORM" --ids "$KF_TMP/again.json" >"$KF_TMP/b.norm"
if diff -u "$KF_TMP/a.norm" "$KF_TMP/b.norm" >"$KF_TMP/rt.diff"; then _kf_pass; else
	fail "the re-imported plan differs from the export: $(head -n 40 "$KF_TMP/rt.diff")"
fi
assert_ne "$(jq -c '[.sections.contacts[].id]' "$KF_TMP/demo.json")" \
	"$(jq -c '[.sections.contacts[].id]' "$KF_TMP/again.json")" "the items got new ids"
# the references point to the new items: the Plan-Check of both is the same
cli check --data "$KF_DATA" --org 1 --json
c1=$(jq -c '[.percent, .gaps | length]' <<<"$CLI_OUT")
cli check --data "$KF_DATA" --org "$o2" --json
assert_eq "$c1" "$(jq -c '[.percent, .gaps | length]' <<<"$CLI_OUT")" "same Plan-Check"
# the history names no user, one record per item
n=$(sqlite3 "$KF_DATA/krisenfest.db" "SELECT count(*) FROM history WHERE org_id = $o2 AND user_id IS NULL")
assert_match "$n" '^1[0-9]{2}$' "history of the import"

# the same into a new, empty instance (another server): its first organisation
cli_pw "$PW" init --data "$KF_TMP/other" --org "Anderswo GmbH" --admin-email "$ADMIN_EMAIL" --password-stdin
assert_eq 0 "$CLI_RC" "init another instance"
cli import --data "$KF_TMP/other" --org 1 "$KF_TMP/demo.json"
assert_eq 0 "$CLI_RC" "import into the new instance (stderr: $CLI_ERR)"
cli export json --data "$KF_TMP/other" --org 1 -o "$KF_TMP/other.json"
"$KF_PY" "$NORM" --ids "$KF_TMP/other.json" >"$KF_TMP/c.norm"
if diff -u "$KF_TMP/a.norm" "$KF_TMP/c.norm" >"$KF_TMP/rt2.diff"; then _kf_pass; else
	fail "the plan in the new instance differs from the export: $(head -n 40 "$KF_TMP/rt2.diff")"
fi

# ---- an organisation with a plan is refused, and unchanged
before=$(items_of "$o2")
cli import --data "$KF_DATA" --org "$o2" "$KF_TMP/demo.json"
assert_eq 1 "$CLI_RC" "import into a filled organisation"
assert_contains "$CLI_ERR" "Neustart GmbH" "the organisation is named"
assert_eq "$before" "$(items_of "$o2")" "nothing added"
cli import --data "$KF_DATA" --org 1 "$KF_TMP/demo.json"
assert_eq 1 "$CLI_RC" "import into the demo company"

# ---- bad values: every one named by its path; nothing kept
new_org "Leer GmbH" o3
jq '.sections.contacts[3].email = "keine-adresse"
    | .sections.systems[0].depends_on_ids = [999999]
    | .sections.risks[1].likelihood = 9
    | .sections.roles[0].primary_contact_id = 424242
    | .sections.findings[0].exercise_id = 77777' "$KF_TMP/demo.json" >"$KF_TMP/bad.json"
LANGUAGE=en cli import --data "$KF_DATA" --org "$o3" "$KF_TMP/bad.json"
assert_eq 1 "$CLI_RC" "a file with errors"
for p in 'sections.contacts\[3\].email' 'sections.systems\[0\].depends_on_ids\[0\]' 'sections.risks\[1\].likelihood' \
	'sections.roles\[0\].primary_contact_id' 'sections.findings\[0\].exercise_id'; do
	assert_match "$CLI_ERR" "$p: " "error at $p"
done
assert_contains "$CLI_ERR" "nothing was imported" "says nothing was kept"
assert_eq 0 "$(items_of "$o3")" "the organisation stays empty"
# German messages by default
cli import --data "$KF_DATA" --org "$o3" "$KF_TMP/bad.json"
assert_contains "$CLI_ERR" "nichts importiert" "German"
LANGUAGE=en cli import --check "$KF_TMP/bad.json"
assert_eq 1 "$CLI_RC" "--check of a file with errors"
assert_match "$CLI_ERR" 'sections.contacts\[3\].email: ' "--check names the same paths"
cli import --check --data "$KF_DATA" "$KF_TMP/demo.json"
assert_eq 2 "$CLI_RC" "--check takes no database"

# systems that depend on each other in a circle: both named
jq '.sections.systems[0].depends_on_ids = [.sections.systems[1].id]
    | .sections.systems[1].depends_on_ids = [.sections.systems[0].id]' "$KF_TMP/demo.json" >"$KF_TMP/cycle.json"
LANGUAGE=en cli import --data "$KF_DATA" --org "$o3" "$KF_TMP/cycle.json"
assert_eq 1 "$CLI_RC" "a dependency cycle"
assert_match "$CLI_ERR" 'sections.systems\[0\].depends_on_ids: .*cycle' "first system of the cycle"
assert_match "$CLI_ERR" 'sections.systems\[1\].depends_on_ids: .*cycle' "second system of the cycle"
LANGUAGE=en cli import --check "$KF_TMP/cycle.json"
assert_eq 1 "$CLI_RC" "--check finds the cycle too"
assert_eq 0 "$(items_of "$o3")" "still empty"

# refused by the store half-way (two runbooks for one system, after 100
# items were written): the whole import is rolled back
jq '.sections.runbooks[1].system_id = .sections.runbooks[0].system_id' "$KF_TMP/demo.json" >"$KF_TMP/twice.json"
LANGUAGE=en cli import --data "$KF_DATA" --org "$o3" "$KF_TMP/twice.json"
assert_eq 1 "$CLI_RC" "a second runbook for the same system"
assert_match "$CLI_ERR" 'sections.runbooks\[1\].system_id: ' "the runbook's system is named"
assert_eq 0 "$(items_of "$o3")" "nothing of the first items is kept"
assert_eq 0 "$(sqlite3 "$KF_DATA/krisenfest.db" "SELECT count(*) FROM history WHERE org_id = $o3")" "no history either"

# not JSON; not a plan
printf '{"format": "krisenfest-plan", "schema": 1, "sections": {\n  "contacts": [,]}}' >"$KF_TMP/broken.json"
LANGUAGE=en cli import --data "$KF_DATA" --org "$o3" "$KF_TMP/broken.json"
assert_eq 1 "$CLI_RC" "broken JSON"
assert_match "$CLI_ERR" '\(2:1[0-9]: ' "line and column"
echo '{"format": "something-else", "sections": {}}' >"$KF_TMP/other.json"
LANGUAGE=en cli import --data "$KF_DATA" --org "$o3" "$KF_TMP/other.json"
assert_eq 1 "$CLI_RC" "another format"
assert_match "$CLI_ERR" 'format: ' "the format is named"
jq '.schema = 2' "$KF_TMP/demo.json" >"$KF_TMP/schema2.json"
LANGUAGE=en cli import --data "$KF_DATA" --org "$o3" "$KF_TMP/schema2.json"
assert_eq 1 "$CLI_RC" "a newer schema"
assert_match "$CLI_ERR" 'schema: ' "the schema is named"
assert_eq 0 "$(items_of "$o3")" "still empty"

# ---- an own risk category and the BSI scale come across; standard input
cat >"$KF_TMP/small.json" <<'JSON'
{"format": "krisenfest-plan", "schema": 1, "sections": {
 "risk_settings": {"id": 7, "version": 2, "scale": "bsi-4x4"},
 "contacts": [{"id": 40, "name": "Erika Muster", "external": false}],
 "risks": [
  {"id": 3, "title": "Lieferant fällt aus", "category": "custom:5", "category_name": "Lieferkette",
   "likelihood": 4, "impact": 4, "owner_contact_id": 40},
  {"id": 4, "title": "Zweiter Lieferant", "category": "custom:5", "category_name": "Lieferkette",
   "likelihood": 1, "impact": 2}]}}
JSON
CLI_STDIN=$(<"$KF_TMP/small.json") cli import --data "$KF_DATA" --org "$o3" -
assert_eq 0 "$CLI_RC" "import from standard input (stderr: $CLI_ERR)"
cli export json --data "$KF_DATA" --org "$o3" --draft -o "$KF_TMP/small.out"
assert_eq "bsi-4x4" "$(jq -r .sections.risk_settings.scale "$KF_TMP/small.out")" "the scale"
assert_eq '["Lieferkette","Lieferkette"]' "$(jq -c '[.sections.risks[].category_name]' "$KF_TMP/small.out")" "one own category for both"
assert_eq 1 "$(jq '[.sections.risks[].category] | unique | length' "$KF_TMP/small.out")" "the same category id"
assert_eq "Erika Muster" "$(jq -r --argjson id "$(jq '.sections.risks[] | select(.title == "Lieferant fällt aus") | .owner_contact_id' "$KF_TMP/small.out")" \
	'.sections.contacts[] | select(.id == $id) | .name' "$KF_TMP/small.out")" "the owner is the new contact"

# ---- usage
cli import --data "$KF_DATA" "$KF_TMP/demo.json"
assert_eq 2 "$CLI_RC" "--org missing"
cli import --data "$KF_DATA" --org x "$KF_TMP/demo.json"
assert_eq 2 "$CLI_RC" "--org not a number"
cli import --data "$KF_DATA" --org 99 "$KF_TMP/demo.json"
assert_eq 1 "$CLI_RC" "unknown organisation"
assert_contains "$CLI_ERR" "99" "the id is named"
cli import --data "$KF_DATA" --org "$o3" "$KF_TMP/nope.json"
assert_eq 1 "$CLI_RC" "missing file"
assert_contains "$CLI_ERR" "nope.json" "the file is named"

kf_done
