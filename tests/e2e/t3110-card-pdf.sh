#!/usr/bin/env bash
# The IT-Notfallkarte and the wallet cards: the demo company's card is one A4
# page, valid (qpdf), with embedded fonts; it gives the emergency number, the
# first steps and the alarm chain back (pdftotext); its QR code decodes to
# exactly the plan's address (zbarimg), and without an address there is no
# code. The wallet cards: one for all staff and one per role, ten per sheet,
# more sheets for more roles. An organisation with
# an empty plan gets a card that says the number is missing (and no number).
. "$(dirname "$0")/lib.sh"

RENDER=${KF_CARD_RENDER:-$(dirname "$KRISENFEST")/tests/unit/card_render}
[[ -x $RENDER ]] || kf_die "render tool not found: $RENDER"
for tool in pdfinfo pdftotext pdffonts pdftoppm qpdf zbarimg; do
	command -v $tool >/dev/null || kf_die "$tool not installed (tools/install-deps.sh test)"
done

cli init --demo --data "$KF_DATA"
assert_eq 0 "$CLI_RC" "init --demo (stderr: $CLI_ERR)"
DB=$KF_DATA/krisenfest.db
CARD=$KF_TMP/card.pdf
WALLET=$KF_TMP/wallet.pdf
URL=https://plan.muster-metallbau.example

# valid, A4, fonts embedded
check_pdf() {
	local pdf=$1 what=$2 fonts qpdf_out
	assert_contains "$(pdfinfo "$pdf")" "(A4)" "$what: page size"
	qpdf_out=$(qpdf --check "$pdf" 2>&1)
	assert_eq 0 "$?" "$what: qpdf --check exit status ($qpdf_out)"
	assert_not_contains "$qpdf_out" "WARNING" "$what: qpdf --check warnings"
	fonts=$(pdffonts "$pdf" | tail -n +3)
	assert_contains "$fonts" "DejaVuSans" "$what: DejaVu fonts used"
	assert_eq "" "$(awk '$(NF-4) != "yes" { print }' <<<"$fonts")" "$what: fonts not embedded"
}
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
# the QR codes of a PDF's first page, one per line
qr_of() {
	pdftoppm -r 150 -f 1 -l 1 -png "$1" "$KF_TMP/qr"
	zbarimg -q --raw "$KF_TMP"/qr-*.png 2>/dev/null
	rm -f "$KF_TMP"/qr-*.png
}

out=$("$RENDER" --base-url "$URL/" "$DB" 1 "$CARD" "$WALLET")
assert_eq 0 "$?" "card_render exit status"
assert_eq "6" "$(awk '$1 == "cards" { print $2 }' <<<"$out")" "cards: one for all staff and one per role (5)"

# ---- the card
check_pdf "$CARD" card
assert_eq 1 "$(pages "$CARD")" "the card is one page"
text=$(pdftotext -enc UTF-8 "$CARD" -)
for s in "IT-Notfallkarte" "Muster Metallbau GmbH" "IT-Notfallnummer" "0171 3920013" "Was tun?" "Was melden?" \
	"Wen anrufen?" "Markus Wendt" "Thomas Berger" "Frank Lorenz" "Julia Hartmann" "Stefan Roth" "112" "110" \
	"Netzwerkkabel ziehen" "Nach 15 Minuten niemand erreicht? Dann Frank Lorenz" "Prüfcode 5f3a9c0e21d7" "Entwurf"; do
	assert_contains "$text" "$s" "card text"
done
# only the first five of the alarm chain
assert_not_contains "$text" "Schadenhotline" "the sixth step is not on the card"
assert_contains "$(pdftotext -enc UTF-8 -raw "$CARD" - | tr -d ' \n')" "ENTWURF" "watermark on a draft"
assert_eq "$URL/o/1/" "$(qr_of "$CARD")" "the QR code is the plan's address"
assert_contains "$(tr -d '\n' <<<"$text")" "$URL/o/1/" "the address is printed beneath the code"

# approved: version instead of draft, no watermark
"$RENDER" --approved --base-url "$URL" "$DB" 1 "$KF_TMP/card7.pdf" "$KF_TMP/wallet7.pdf" >/dev/null
assert_eq 0 "$?" "card_render --approved"
text=$(pdftotext -enc UTF-8 "$KF_TMP/card7.pdf" -)
assert_contains "$text" "Planversion 7" "version on the approved card"
assert_not_contains "$(pdftotext -enc UTF-8 -raw "$KF_TMP/card7.pdf" - | tr -d ' \n')" "ENTWURF" "no watermark when approved"
assert_contains "$(pdftotext -enc UTF-8 "$KF_TMP/wallet7.pdf" -)" "Planversion 7" "version on the approved wallet cards"

# without an address: no QR code and no address
"$RENDER" "$DB" 1 "$KF_TMP/card-nourl.pdf" "$KF_TMP/wallet-nourl.pdf" >/dev/null
assert_eq 0 "$?" "card_render without a base URL"
assert_eq "" "$(qr_of "$KF_TMP/card-nourl.pdf")" "no QR code without an address"
assert_not_contains "$(pdftotext -enc UTF-8 "$KF_TMP/card-nourl.pdf" -)" "/o/1/" "no address without a base URL"

# ---- the wallet cards: 6 cards on one sheet
check_pdf "$WALLET" "wallet cards"
assert_eq 1 "$(pages "$WALLET")" "6 wallet cards on one sheet"
text=$(pdftotext -enc UTF-8 "$WALLET" -)
for s in "IT-Notfall" "Für alle Mitarbeitenden" "0171 3920013" "Lebensgefahr: 112" "Seite 1 von 1" \
	"an den Schnittmarken ausschneiden"; do
	assert_contains "$text" "$s" "wallet text"
done
while read -r role; do
	assert_contains "$text" "$role" "a wallet card for role $role"
done < <(db_sql "SELECT name FROM role WHERE org_id = 1 AND deleted_at IS NULL;")

# ---- more roles than fit on a sheet: 1 + 13 cards on two sheets, one with a duty text far too long for a card
# (it is cut with "…" on paper; pdftotext still reads the whole text, which cairo keeps as the run's ActualText)
long=$(printf 'Sehr lange Aufgabenbeschreibung mit vielen Wörtern. %.0s' {1..40})
for i in $(seq 1 8); do
	db_sql "INSERT INTO role (org_id, name, duties, created_at, updated_at) VALUES (1, 'Zusatzrolle $i', '$long Ende', 0, 0);"
done
out=$("$RENDER" "$DB" 1 "$KF_TMP/card2.pdf" "$WALLET")
assert_eq 0 "$?" "card_render with 14 cards"
assert_eq "14" "$(awk '$1 == "cards" { print $2 }' <<<"$out")" "14 cards"
check_pdf "$WALLET" "two wallet sheets"
assert_eq 2 "$(pages "$WALLET")" "14 wallet cards on two sheets"
text=$(pdftotext -enc UTF-8 "$WALLET" -)
assert_contains "$(pdftotext -enc UTF-8 -f 2 -l 2 "$WALLET" -)" "Zusatzrolle 8" "the last role on sheet 2"
assert_contains "$text" "Seite 2 von 2" "sheet numbers"

# ---- an organisation with an empty plan: the card says what is missing, and shows no number
cli org add --data "$KF_DATA" --name "Leere Firma"
assert_eq 0 "$CLI_RC" "org add (stderr: $CLI_ERR)"
"$RENDER" --base-url "$URL" "$DB" "$CLI_OUT" "$KF_TMP/empty.pdf" "$KF_TMP/empty-wallet.pdf" >/dev/null
assert_eq 0 "$?" "card_render of an empty organisation"
check_pdf "$KF_TMP/empty.pdf" "empty card"
assert_eq 1 "$(pages "$KF_TMP/empty.pdf")" "the empty card is one page"
text=$(pdftotext -enc UTF-8 "$KF_TMP/empty.pdf" -)
for s in "Leere Firma" "Noch nicht festgelegt" "Alarmierungskette an" "Die Alarmierungskette ist noch nicht angelegt." \
	"Was tun?" "112"; do
	assert_contains "$text" "$s" "empty card text"
done
assert_not_contains "$text" "Muster Metallbau" "no data of the other organisation"
assert_eq "" "$(grep -E '0[1-9][0-9]{2,} ?[0-9]{4,}' <<<"$text")" "no phone number on the empty card"
assert_eq "$URL/o/$CLI_OUT/" "$(qr_of "$KF_TMP/empty.pdf")" "the empty organisation's address"
text=$(pdftotext -enc UTF-8 "$KF_TMP/empty-wallet.pdf" -)
assert_eq 1 "$(pages "$KF_TMP/empty-wallet.pdf")" "one card for all staff"
assert_contains "$text" "Noch nicht festgelegt" "the empty wallet card says what is missing"

kf_done
