#!/usr/bin/env bash
# The offline copy reachable three ways: GET the plain file, POST the sealed
# file through the API (opened with the Python recipe of
# docs/offline-format.md: the same document as the plain file), the
# download page's form (CSRF, refusals beside the field, attachment) and
# `krisenfest export offline.html --passphrase-file/--passphrase-stdin`;
# readers may export; another organisation's is 404; the passphrase never
# goes into an address and never into the server log.
. "$(dirname "$0")/lib.sh"

python3 -c 'import cryptography' 2>/dev/null || kf_die "python3-cryptography is not installed (tools/install-deps.sh test)"
awk '/^## Decrypting with standard tools/ { on = 1 } on && /^```python$/ { code = 1; next } code && /^```$/ { exit } code { print }' \
	"$KF_ROOT/docs/offline-format.md" >"$KF_TMP/kf-decrypt.py"

kf_setup
kf_user_add rita@example.org "Rita Reader" reader
login rita rita@example.org "$PW" || kf_die "login rita"
new_contact c1 '{"name": "Erika Muster", "company": "Bäckerei Süd", "phones": [{"kind": "mobile", "number": "0171 1234567"}]}'
PASS='Stollen & Brezel 2026 – geheim'

# the plain document without the line that says when it was made (two files made a minute apart)
strip_made() { grep -v -E 'Erstellt|[Mm]ade' "$1"; }

# ---- the list names the kind and that it can be sealed
api_as rita GET "$O/exports"
assert_json '.exports[] | select(.kind == "offline.html") | .sealed_option' true
assert_json '.exports[] | select(.kind == "json") | .sealed_option' false

# ---- GET: the plain file
api_as rita GET "$O/exports/offline.html"
assert_status 200
assert_header_contains Content-Type "text/html"
assert_header_contains Content-Disposition 'attachment; filename="baeckerei-beispiel-offline-kopie-entwurf-'
cp "$KF_TMP/body" "$KF_TMP/plain.html"
assert_contains "$(<"$KF_TMP/plain.html")" "Erika Muster" "plain: the plan"
assert_not_contains "$(<"$KF_TMP/plain.html")" "<script" "plain: no script"
stamp=$(hdr X-Krisenfest-Stamp)
assert_match "$stamp" '^[0-9a-f]{12}$' "plain: stamp header"

# the passphrase never in an address
api_as rita GET "$O/exports/offline.html?passphrase=x"
assert_field_error passphrase

# ---- POST: the sealed file
body=$(jq -nc --arg p "$PASS" '{passphrase: $p, version: "draft"}')
api_as rita POST "$O/exports/offline.html" "$body"
assert_status 200
assert_header_contains Content-Disposition 'attachment; filename="baeckerei-beispiel-offline-kopie-entwurf-verschluesselt-'
assert_header X-Krisenfest-Stamp "$stamp"
cp "$KF_TMP/body" "$KF_TMP/sealed.html"
assert_contains "$(<"$KF_TMP/sealed.html")" 'data-format="krisenfest-offline-1"' "sealed: the format"
assert_not_contains "$(<"$KF_TMP/sealed.html")" "Erika Muster" "sealed: no plan text"
KF_PASSPHRASE=$PASS python3 "$KF_TMP/kf-decrypt.py" "$KF_TMP/sealed.html" >"$KF_TMP/opened.html" 2>"$KF_TMP/py.err"
assert_eq 0 "$?" "the recipe opens it ($(<"$KF_TMP/py.err"))"
assert_eq "$(strip_made "$KF_TMP/plain.html")" "$(strip_made "$KF_TMP/opened.html")" "sealed = plain document"

# refusals, each naming its field
api_as rita POST "$O/exports/offline.html" '{"passphrase": "zu kurz"}'
assert_field_error passphrase
api_as rita POST "$O/exports/offline.html" "$(jq -nc --arg p "$(printf 'a%.0s' {1..1025})" '{passphrase: $p}')"
assert_field_error passphrase
api_as rita POST "$O/exports/offline.html" '{}'
assert_field_error passphrase
api_as rita POST "$O/exports/offline.html" "$(jq -nc --arg p "$PASS" '{passphrase: $p, version: "neu"}')"
assert_field_error version
api_as rita POST "$O/exports/offline.html" "$(jq -nc --arg p "$PASS" '{passphrase: $p, bom: 1}')"
assert_field_error bom
api_as rita POST "$O/exports/json" "$(jq -nc --arg p "$PASS" '{passphrase: $p}')"
assert_field_error passphrase
api_as rita POST "$O/exports/nope" "$(jq -nc --arg p "$PASS" '{passphrase: $p}')"
assert_status 404
api_as rita POST "$O/exports/offline.html" "$(jq -nc --arg p "$PASS" '{passphrase: $p, version: "approved"}')"
assert_status 409
KF_NO_CSRF=1 api_as rita POST "$O/exports/offline.html" "$body"
assert_status 403

# ---- the download page's form
web_login w rita@example.org "$PW"
web w GET /o/1/exports -H 'Accept-Language: en'
assert_status 200
assert_contains "$(html_text)" "Offline copy for the USB stick" "offline section"
assert_contains "$BODY" 'action="/o/1/exports/offline.html#offline"' "the form posts to the kind"
assert_contains "$BODY" 'autocomplete="new-password"' "new-password fields"
assert_contains "$BODY" 'href="/o/1/exports/offline.html"' "plain download link"
assert_contains "$BODY" 'src="/assets/exports.js"' "the progress script"
assert_contains "$BODY" 'role="status"' "a status line for the progress"
refresh_csrf w
if command -v tidy >/dev/null; then
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	assert_eq "" "$out" "tidy on the exports page"
fi
# no CSRF token: refused
form w /o/1/exports/offline.html "passphrase=$PASS" "passphrase_repeat=$PASS"
assert_status 403
# the two entries differ: the page again, message beside the field, nothing made
form_csrf w /o/1/exports/offline.html "passphrase=$PASS" "passphrase_repeat=${PASS}x" -H 'Accept-Language: en'
assert_status 422
assert_contains "$BODY" 'id="err-passphrase"' "message beside the field"
assert_match "$(html_id_text err-passphrase)" "(not the same|nicht gleich)" "mismatch named"
assert_header_absent Content-Disposition
assert_not_contains "$BODY" "$PASS" "the passphrase is not echoed"
form_csrf w /o/1/exports/offline.html "passphrase=kurz" "passphrase_repeat=kurz" -H 'Accept-Language: en'
assert_status 422
assert_match "$(html_id_text err-passphrase)" "(at least 12|mindestens 12)" "too short named"
form_csrf w /o/1/exports/json "passphrase=$PASS" "passphrase_repeat=$PASS"
assert_status 422
form_csrf w /o/1/exports/nope "passphrase=$PASS" "passphrase_repeat=$PASS"
assert_status 404
# success: the sealed file as an attachment
form_csrf w /o/1/exports/offline.html "passphrase=$PASS" "passphrase_repeat=$PASS"
assert_status 200
assert_header_contains Content-Disposition 'attachment; filename="baeckerei-beispiel-offline-kopie-entwurf-verschluesselt-'
cp "$KF_TMP/body" "$KF_TMP/web-sealed.html"
KF_PASSPHRASE=$PASS python3 "$KF_TMP/kf-decrypt.py" "$KF_TMP/web-sealed.html" >"$KF_TMP/web-opened.html" 2>"$KF_TMP/py.err"
assert_eq 0 "$?" "the form's file opens ($(<"$KF_TMP/py.err"))"
assert_contains "$(<"$KF_TMP/web-opened.html")" "Erika Muster" "the form's file holds the plan"

# ---- the CLI: from a file and from stdin, never as an argument
printf '%s\n' "$PASS" >"$KF_TMP/pass.txt"
cli export offline.html --data "$KF_DATA" --org 1 --passphrase-file "$KF_TMP/pass.txt" -o "$KF_TMP/cli-sealed.html"
assert_eq 0 "$CLI_RC" "export offline.html --passphrase-file (stderr: $CLI_ERR)"
KF_PASSPHRASE=$PASS python3 "$KF_TMP/kf-decrypt.py" "$KF_TMP/cli-sealed.html" >"$KF_TMP/cli-opened.html" 2>"$KF_TMP/py.err"
assert_eq 0 "$?" "the CLI's file opens ($(<"$KF_TMP/py.err"))"
assert_eq "$(strip_made "$KF_TMP/plain.html")" "$(strip_made "$KF_TMP/cli-opened.html")" "CLI sealed = plain document"
cli_pw "$PASS" export offline.html --data "$KF_DATA" --org 1 --passphrase-stdin -o "$KF_TMP/cli-sealed2.html"
assert_eq 0 "$CLI_RC" "export offline.html --passphrase-stdin (stderr: $CLI_ERR)"
assert_contains "$(<"$KF_TMP/cli-sealed2.html")" 'data-format="krisenfest-offline-1"' "stdin: sealed"
cli export offline.html --data "$KF_DATA" --org 1 -o "$KF_TMP/cli-plain.html"
assert_eq 0 "$CLI_RC" "export offline.html plain"
assert_contains "$(<"$KF_TMP/cli-plain.html")" "Erika Muster" "CLI plain: the plan"
printf 'kurz\n' >"$KF_TMP/short.txt"
cli export offline.html --data "$KF_DATA" --org 1 --passphrase-file "$KF_TMP/short.txt" -o "$KF_TMP/x.html"
assert_eq 2 "$CLI_RC" "short passphrase refused"
assert_contains "$CLI_ERR" "12" "the rule is named"
[[ ! -e $KF_TMP/x.html ]] && _kf_pass || fail "nothing written on a refusal"
cli export json --data "$KF_DATA" --org 1 --passphrase-file "$KF_TMP/pass.txt"
assert_eq 2 "$CLI_RC" "json cannot be sealed"
cli export offline.html --data "$KF_DATA" --org 1 --passphrase "$PASS"
assert_eq 2 "$CLI_RC" "no --passphrase argument"

# ---- another organisation
cli org add --data "$KF_DATA" --name "Andere Firma"
api_as rita GET "/api/v1/orgs/2/exports/offline.html"
assert_status 404
api_as rita POST "/api/v1/orgs/2/exports/offline.html" "$body"
assert_status 404
web w GET /o/2/exports
assert_status 404

# ---- the passphrase is nowhere in the server log
assert_not_contains "$(<"$KF_TMP/server.log")" "Stollen" "the passphrase is not logged"
assert_not_contains "$(<"$KF_TMP/server.log")" "geheim" "the passphrase is not logged"

kf_done
