#!/usr/bin/env bash
# The offline copy of the demo company's plan: the plain file is valid HTML
# (tidy), holds the company, the chapters and the German umlauts, loads
# nothing from anywhere (no src, no stylesheet link, only in-page, tel: and
# mailto: links, a CSP of default-src 'none'); user text is escaped; the
# encrypted file holds no plan text, and the Python recipe of
# docs/offline-format.md (run exactly as written there) opens it to the very
# same plain document — and refuses a wrong passphrase.
. "$(dirname "$0")/lib.sh"

RENDER=${KF_OFFLINE_RENDER:-$(dirname "$KRISENFEST")/tests/tools/offline_render}
[[ -x $RENDER ]] || kf_die "render tool not found: $RENDER (ninja -C build)"
command -v tidy >/dev/null || kf_die "tidy is not installed (Debian package tidy)"
python3 -c 'import cryptography' 2>/dev/null || kf_die "python3-cryptography is not installed (tools/install-deps.sh test)"

cli init --demo --data "$KF_DATA"
assert_eq 0 "$CLI_RC" "init --demo (stderr: $CLI_ERR)"
DB=$KF_DATA/krisenfest.db
PASS='Stollen & Brezel 2026 – geheim'

# user text with markup characters: must come out as written
db_sql "UPDATE contact SET function = '<i>IT</i> & Co' WHERE org_id = 1 AND name = 'Markus Wendt';"

# ---- the plain file
out=$("$RENDER" --base-url https://plan.example.org "$DB" 1 "$KF_TMP/plain.html")
assert_eq 0 "$?" "offline_render (plain) exit status"
PLAIN=$(<"$KF_TMP/plain.html")
note "demo offline copy: plain $(wc -c <"$KF_TMP/plain.html") bytes"

tidy_out=$(tidy -q -e --drop-empty-elements no "$KF_TMP/plain.html" 2>&1)
assert_eq "" "$tidy_out" "tidy on the plain file"
assert_contains "$PLAIN" "<title>IT-Notfallplan – Muster Metallbau GmbH</title>" "title"
assert_contains "$PLAIN" '<p class="company">Muster Metallbau GmbH</p>' "company"
for ch in "1. Sofortmaßnahmen" "2. Alarmierungskette" "3. Notfallteam und Kontakte" "4. Kommunikation" \
	"5. Kritische Geschäftsprozesse und IT-Systeme" "6. Datensicherungen" "7. Wiederanlaufpläne" \
	"8. Notbetrieb" "9. Rückkehr zum Normalbetrieb" "10. Anhänge"; do
	assert_contains "$PLAIN" "$ch</h2>" "chapter $ch"
done
assert_contains "$PLAIN" "Arbeitsstand – Entwurf, nicht freigegeben" "draft stamp"
assert_contains "$PLAIN" 'href="#wiederanlauf"' "contents links into the page"
assert_contains "$PLAIN" 'id="wiederanlauf"' "chapter anchor"
assert_contains "$PLAIN" "default-src 'none'" "CSP forbids every request"
assert_contains "$PLAIN" '@media print' "print stylesheet"
assert_contains "$PLAIN" 'href="tel:' "tap-to-call links"
assert_contains "$PLAIN" 'href="mailto:' "mail links"
assert_contains "$PLAIN" "Der Plan online (solange der Server läuft): https://plan.example.org" "base_url as text"
assert_contains "$PLAIN" "&lt;i&gt;IT&lt;/i&gt; &amp; Co" "user text escaped"
assert_not_contains "$PLAIN" "<i>IT</i>" "user text never markup"
assert_not_contains "$PLAIN" "<script" "no script in the plain file"
# nothing that loads: no src at all, no <link>, no url() in the CSS, no @import
assert_eq "" "$(grep -oiE '<(img|iframe|link|object|embed|video|audio|source)[ >]|\bsrc=|url\(|@import' "$KF_TMP/plain.html" | sort -u)" \
	"elements or CSS that load something"
# every href: an anchor in the page, tel: or mailto: (the demo's Markdown texts hold no web links)
bad=$(grep -oE 'href="[^"]*"' "$KF_TMP/plain.html" | grep -vE '^href="(#[a-z0-9-]+|tel:[+0-9]+|mailto:[^"]+)"$' | sort -u)
assert_eq "" "$bad" "links other than anchors, tel: and mailto:"
# every in-page link has its target
for a in $(grep -oE 'href="#[a-z0-9-]+"' "$KF_TMP/plain.html" | sed 's/href="#//; s/"$//' | sort -u); do
	assert_contains "$PLAIN" "id=\"$a\"" "anchor #$a"
done

# ---- the encrypted file, and the plain document of the same load
out=$("$RENDER" --base-url https://plan.example.org "$DB" 1 "$KF_TMP/sealed.html" "$PASS" "$KF_TMP/same.html")
assert_eq 0 "$?" "offline_render (sealed) exit status"
SEALED=$(<"$KF_TMP/sealed.html")
note "demo offline copy: encrypted $(wc -c <"$KF_TMP/sealed.html") bytes"
tidy_out=$(tidy -q -e --drop-empty-elements no "$KF_TMP/sealed.html" 2>&1)
assert_eq "" "$tidy_out" "tidy on the encrypted file"
assert_contains "$SEALED" 'data-format="krisenfest-offline-1"' "format marker"
assert_contains "$SEALED" 'data-iterations="600000"' "600,000 PBKDF2 rounds"
assert_contains "$SEALED" '<label for="kf-pass">Passphrase</label>' "labelled passphrase field"
assert_contains "$SEALED" "<noscript>" "a word for browsers without JavaScript"
assert_contains "$SEALED" "JavaScript" "the noscript text names JavaScript"
assert_contains "$SEALED" 'data-msg-wrong="Die Passphrase stimmt nicht."' "German wrong-passphrase message"
for plan_text in "Thomas Berger" "Sofortmaßnahmen" "Wiederanlaufpläne" "tel:"; do
	assert_not_contains "$SEALED" "$plan_text" "no plan text in the encrypted file ($plan_text)"
done
assert_eq "" "$(grep -oiE '\bsrc=|<link|url\(|https?://' "$KF_TMP/sealed.html" | sort -u)" "the encrypted file loads nothing"
salt=$(grep -oE 'data-salt="[^"]*"' "$KF_TMP/sealed.html" | sed 's/^data-salt="//; s/"$//')
assert_eq 16 "$(printf '%s' "$salt" | base64 -d | wc -c)" "16-byte salt"
iv=$(grep -oE 'data-iv="[^"]*"' "$KF_TMP/sealed.html" | sed 's/^data-iv="//; s/"$//')
assert_eq 12 "$(printf '%s' "$iv" | base64 -d | wc -c)" "12-byte IV"
ctlen=$(grep -oE 'data-ciphertext="[^"]*"' "$KF_TMP/sealed.html" | sed 's/^data-ciphertext="//; s/"$//' | base64 -d | wc -c)
assert_eq $(($(wc -c <"$KF_TMP/same.html") + 16)) "$ctlen" "ciphertext = plain length + 16-byte tag"

# ---- the documented recipe, exactly as docs/offline-format.md has it
awk '/^## Decrypting with standard tools/ { on = 1 } on && /^```python$/ { code = 1; next } code && /^```$/ { exit } code { print }' \
	"$KF_ROOT/docs/offline-format.md" >"$KF_TMP/kf-decrypt.py"
assert_contains "$(<"$KF_TMP/kf-decrypt.py")" "AESGCM" "recipe extracted from the docs"
KF_PASSPHRASE=$PASS python3 "$KF_TMP/kf-decrypt.py" "$KF_TMP/sealed.html" >"$KF_TMP/opened.html" 2>"$KF_TMP/py.err"
assert_eq 0 "$?" "recipe with the right passphrase ($(<"$KF_TMP/py.err"))"
if cmp -s "$KF_TMP/opened.html" "$KF_TMP/same.html"; then _kf_pass; else fail "the opened file differs from the plain document"; fi
assert_contains "$(<"$KF_TMP/opened.html")" "Muster Metallbau GmbH" "opened: the company"
KF_PASSPHRASE='falsch' python3 "$KF_TMP/kf-decrypt.py" "$KF_TMP/sealed.html" >"$KF_TMP/wrong.html" 2>"$KF_TMP/py.err"
assert_ne 0 "$?" "recipe with a wrong passphrase fails"
assert_contains "$(<"$KF_TMP/py.err")" "InvalidTag" "wrong passphrase: the tag check fails"
assert_eq 0 "$(wc -c <"$KF_TMP/wrong.html")" "wrong passphrase: nothing written"

# two files of the same plan never share salt or IV
"$RENDER" "$DB" 1 "$KF_TMP/sealed2.html" "$PASS" >/dev/null
salt2=$(grep -oE 'data-salt="[^"]*"' "$KF_TMP/sealed2.html")
assert_ne "data-salt=\"$salt\"" "$salt2" "a fresh salt per file"

# ---- an empty organisation: every chapter there, "Noch keine Einträge."
cli org add --data "$KF_DATA" --name "Leere GmbH"
assert_eq 0 "$CLI_RC" "org add (stderr: $CLI_ERR)"
"$RENDER" "$DB" 2 "$KF_TMP/empty.html" >/dev/null
assert_eq 0 "$?" "offline_render of an empty organisation"
EMPTY=$(<"$KF_TMP/empty.html")
assert_contains "$EMPTY" "10. Anhänge</h2>" "empty: all chapters"
assert_contains "$EMPTY" "Noch keine Einträge." "empty: says so"
assert_not_contains "$EMPTY" "Muster Metallbau" "empty: nothing of the other organisation"
tidy_out=$(tidy -q -e --drop-empty-elements no "$KF_TMP/empty.html" 2>&1)
assert_eq "" "$tidy_out" "tidy on the empty organisation's file"

kf_done
