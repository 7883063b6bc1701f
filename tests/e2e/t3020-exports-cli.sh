#!/usr/bin/env bash
# krisenfest export on the command line: the demo company's JSON export
# against the golden file (times and hash normalised, dates relative to
# today), CSV with BOM, vCard, the same document as the API; refusals with
# their exit status and a sentence naming the problem.
. "$(dirname "$0")/lib.sh"

GOLDEN=$KF_E2E_DIR/golden/export-demo.json
NORM=$KF_E2E_DIR/golden/normalise-export.py

cli_pw "$PW" init --demo --data "$KF_DATA" --admin-email "$ADMIN_EMAIL" --password-stdin
assert_eq 0 "$CLI_RC" "init --demo (stderr: $CLI_ERR)"

# ---- the JSON export of the demo company = the golden file
cli export json --data "$KF_DATA" --org 1 -o "$KF_TMP/demo.json"
assert_eq 0 "$CLI_RC" "export json (stderr: $CLI_ERR)"
assert_match "$CLI_ERR" '[0-9a-f]{12}' "the stamp on stderr"
"$KF_PY" "$NORM" "$KF_TMP/demo.json" "$(today_utc)" >"$KF_TMP/demo.norm.json"
if [[ ${KF_UPDATE_GOLDEN:-0} == 1 ]]; then
	cp "$KF_TMP/demo.norm.json" "$GOLDEN"
	note "golden file updated"
fi
if ! diff -u "$GOLDEN" "$KF_TMP/demo.norm.json" >"$KF_TMP/golden.diff"; then
	fail "the demo export differs from $GOLDEN (KF_UPDATE_GOLDEN=1 rewrites it): $(head -n 40 "$KF_TMP/golden.diff")"
else
	_kf_pass
fi
# stdout when -o is missing; same document
cli export json --data "$KF_DATA" --org 1
assert_eq 0 "$CLI_RC" "export json to stdout"
assert_eq "$(jq -c 'del(.stamp.made_at)' "$KF_TMP/demo.json")" "$(jq -c 'del(.stamp.made_at)' <<<"$CLI_OUT")" "stdout = file"

# ---- the API gives the same document
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login"
api GET "$O/exports/json"
assert_status 200
assert_eq "$(jq -c 'del(.stamp.made_at)' "$KF_TMP/demo.json")" "$(jq -c 'del(.stamp.made_at)' <<<"$BODY")" "API = CLI"

# ---- CSV with BOM, vCard
cli export risks.csv --data "$KF_DATA" --org 1 --bom -o "$KF_TMP/r.csv"
assert_eq 0 "$CLI_RC" "export risks.csv --bom"
assert_eq "efbbbf" "$(head -c 3 "$KF_TMP/r.csv" | od -An -tx1 | tr -d ' \n')" "BOM"
n=$("$KF_PY" -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))))-1)' "$KF_TMP/r.csv")
assert_eq "$(jq '.sections.risks | length' "$KF_TMP/demo.json")" "$n" "one CSV row per risk"
cli export contacts.vcf --data "$KF_DATA" --org 1 -o "$KF_TMP/c.vcf"
assert_eq 0 "$CLI_RC" "export contacts.vcf"
n=$("$KF_PY" -c 'import sys, vobject; print(len(list(vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()))))' "$KF_TMP/c.vcf")
assert_eq "$(jq '.sections.contacts | length' "$KF_TMP/demo.json")" "$n" "one vCard per contact"

# ---- refusals
cli export --list
assert_eq 0 "$CLI_RC" "export --list"
assert_contains "$CLI_OUT" "contacts.vcf" "list names the kinds"
cli export nope --data "$KF_DATA" --org 1
assert_eq 2 "$CLI_RC" "unknown kind"
assert_contains "$CLI_ERR" "nope" "the kind is named"
cli export json --data "$KF_DATA" --org 1 --bom
assert_eq 2 "$CLI_RC" "--bom on JSON"
assert_contains "$CLI_ERR" "json" "the kind is named"
cli export json --data "$KF_DATA" --org 1 --approved --draft
assert_eq 2 "$CLI_RC" "--approved with --draft"
cli export json --data "$KF_DATA" --org 9
assert_eq 1 "$CLI_RC" "unknown organisation"
assert_contains "$CLI_ERR" "9" "the id is named"
LANGUAGE=en cli export json --data "$KF_DATA" --org 1 --approved
assert_eq 1 "$CLI_RC" "--approved without an approved version"
assert_contains "$CLI_ERR" "--draft" "the way out is named"
cli export json --data "$KF_TMP/nothing" --org 1
assert_eq 1 "$CLI_RC" "no database"
cli export json --data "$KF_DATA" --org 1 -o "$KF_TMP/no/such/dir/x.json"
assert_eq 1 "$CLI_RC" "unwritable file"

# the card's QR code leads to --base-url (no QR code without it); a bad address is refused
cli export card.pdf --data "$KF_DATA" --org 1 --base-url https://plan.example.de/ -o "$KF_TMP/card.pdf"
assert_eq 0 "$CLI_RC" "card with --base-url"
if command -v zbarimg >/dev/null; then
	pdftoppm -r 150 -png "$KF_TMP/card.pdf" "$KF_TMP/cardqr"
	assert_eq "https://plan.example.de/o/1/" "$(zbarimg -q --raw "$KF_TMP"/cardqr*.png 2>/dev/null)" "the QR code"
fi
cli export card.pdf --data "$KF_DATA" --org 1 --base-url ftp://plan.example.de -o "$KF_TMP/card2.pdf"
assert_eq 2 "$CLI_RC" "a base URL that is no web address"
assert_contains "$CLI_ERR" "--base-url" "the option is named"

kf_done
