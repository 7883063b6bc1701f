#!/usr/bin/env bash
# The printed exports through the API: the handbook, the IT-Notfallkarte and
# the wallet cards are real A4 PDFs (pdfinfo, qpdf); the card's QR code
# (zbarimg) leads to the address of serve --base-url; readers may download them;
# another organisation's plan is not theirs to print.
. "$(dirname "$0")/lib.sh"

PUBLIC=https://plan.example.de
KF_SERVE_ARGS=(--base-url "$PUBLIC")
kf_setup
kf_user_add rita@example.org "Rita Reader" reader
login rita rita@example.org "$PW" || kf_die "login rita"
new_contact c1 '{"name": "Jürgen Müller", "phones": [{"kind": "mobile", "number": "0171 1234567"}]}'
api POST "$O/alarm-steps" "{\"callee_contact_id\": $c1, \"channel\": \"phone\"}"
assert_status 201
api POST "$O/roles" "{\"name\": \"Notfallleitung\", \"primary_contact_id\": $c1}"
assert_status 201

# pdf_ok KIND PAGES-PATTERN — fetch as the reader, keep the file as $KF_TMP/KIND
pdf_ok() {
	api_as rita GET "$O/exports/$1"
	assert_status 200
	assert_header_contains Content-Type application/pdf
	assert_header_contains Content-Disposition "attachment; filename=\"baeckerei-beispiel-"
	cp "$KF_TMP/body" "$KF_TMP/$1"
	assert_match "$(head -c 5 "$KF_TMP/$1")" '^%PDF-' "$1 is a PDF"
	assert_match "$(pdfinfo "$KF_TMP/$1" | grep '^Page size')" 'A4' "$1 is A4"
	assert_match "$(pdfinfo "$KF_TMP/$1" | sed -n 's/^Pages: *//p')" "$2" "$1 page count"
	qpdf --check "$KF_TMP/$1" >/dev/null 2>&1
	assert_eq 0 $? "qpdf --check $1"
}

pdf_ok handbook.pdf '^[0-9]+$'
assert_contains "$(pdftotext "$KF_TMP/handbook.pdf" - 2>/dev/null)" "Jürgen Müller" "the handbook names the contact"
pdf_ok card.pdf '^1$'
card_text=$(pdftotext "$KF_TMP/card.pdf" - 2>/dev/null)
assert_contains "$card_text" "IT-Notfallkarte" "the card's title"
assert_contains "$card_text" "0171 1234567" "the emergency number from the alarm chain"
if command -v zbarimg >/dev/null; then
	pdftoppm -r 150 -png "$KF_TMP/card.pdf" "$KF_TMP/card"
	qr=$(zbarimg -q --raw "$KF_TMP"/card*.png 2>/dev/null)
	assert_eq "$PUBLIC/o/1/" "$qr" "the QR code leads to the plan's address"
fi
pdf_ok wallet-cards.pdf '^1$'
assert_contains "$(pdftotext "$KF_TMP/wallet-cards.pdf" - 2>/dev/null)" "Notfallleitung" "a card for the role"

# the list offers them
api_as rita GET "$O/exports"
assert_jq '[.exports[].kind] | index("handbook.pdf") != null and index("card.pdf") != null and index("wallet-cards.pdf") != null'

# another organisation's plan: not found for this member
api_as rita GET /api/v1/orgs/2/exports/card.pdf
assert_status 404
kf_done
