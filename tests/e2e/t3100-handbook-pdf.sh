#!/usr/bin/env bash
# The Notfallhandbuch as PDF: the demo company's handbook is A4, valid (qpdf),
# embeds its fonts, gives the German text back (pdftotext), its contents page
# numbers are the pages where the chapters start, every page but the cover
# has "Seite x von y"; a draft carries the ENTWURF watermark, an approved
# version its stamp; user text is never read as markup; an empty organisation
# gets "Noch keine Einträge." instead of missing chapters.
. "$(dirname "$0")/lib.sh"

RENDER=${KF_HANDBOOK_RENDER:-$(dirname "$KRISENFEST")/tests/unit/handbook_render}
[[ -x $RENDER ]] || kf_die "render tool not found: $RENDER"
for tool in pdfinfo pdftotext pdffonts qpdf; do
	command -v $tool >/dev/null || kf_die "$tool not installed (tools/install-deps.sh test)"
done

cli init --demo --data "$KF_DATA"
assert_eq 0 "$CLI_RC" "init --demo (stderr: $CLI_ERR)"
DB=$KF_DATA/krisenfest.db
PDF=$KF_TMP/handbook.pdf

# user text with markup characters: must come out as written
db_sql "UPDATE contact SET function = '<i>IT</i> & Co' WHERE org_id = 1 AND name = 'Markus Wendt';"

out=$("$RENDER" "$DB" 1 "$PDF")
assert_eq 0 "$?" "handbook_render exit status"
pages=$(awk '$1 == "pages" { print $2 }' <<<"$out")
note "demo handbook: $pages pages, $(awk '$1 == "ms" { print $2 }' <<<"$out") ms"

# ---- the file: A4, more than one page, valid, fonts embedded
info=$(pdfinfo "$PDF")
assert_contains "$info" "(A4)" "page size"
assert_eq "$pages" "$(awk '/^Pages:/ { print $2 }' <<<"$info")" "page count of pdfinfo and the renderer"
((pages > 1)) && _kf_pass || fail "more than one page (got $pages)"
qpdf_out=$(qpdf --check "$PDF" 2>&1)
assert_eq 0 "$?" "qpdf --check exit status ($qpdf_out)"
assert_not_contains "$qpdf_out" "WARNING" "qpdf --check warnings"
fonts=$(pdffonts "$PDF" | tail -n +3)
assert_contains "$fonts" "DejaVuSans" "DejaVu fonts used"
assert_eq "" "$(awk '$(NF-4) != "yes" { print }' <<<"$fonts")" "fonts not embedded"

# ---- the text comes back, umlauts included
text=$(pdftotext -enc UTF-8 "$PDF" -)
for s in "IT-Notfallhandbuch" "Muster Metallbau GmbH" "Wiederanlaufpläne" "Sofortmaßnahmen" \
	"Vertraulich – nur für den internen Gebrauch" "Arbeitsstand – Entwurf, nicht freigegeben" \
	"Markus Wendt" "Qualitätsmanagement" "<i>IT</i> & Co" "Noch nie getestet"; do
	assert_contains "$text" "$s" "handbook text"
done

# the diagonal watermark (pdftotext gives the rotated word in pieces) on the cover, a chapter and the last page
for p in 1 3 "$pages"; do
	assert_contains "$(pdftotext -enc UTF-8 -raw -f "$p" -l "$p" "$PDF" - | head -n 7 | tr -d ' \n')" "ENTWURF" "watermark on page $p"
done

# ---- every chapter: its title on the page the renderer reports, and the contents page says so
toc=$(pdftotext -enc UTF-8 -layout -f 2 -l 2 "$PDF" -)
n=0
while read -r _ num page title; do
	n=$((n + 1))
	assert_contains "$text" "$title" "chapter $num in the handbook"
	assert_contains "$(pdftotext -enc UTF-8 -f "$page" -l "$page" "$PDF" -)" "$num $title" "chapter $num on page $page"
	line=$(grep -F "$title" <<<"$toc" | head -n 1)
	assert_eq "$page" "$(awk '{ print $NF }' <<<"$line")" "contents page number of chapter $num ($line)"
done < <(grep '^chapter ' <<<"$out")
assert_eq 15 "$n" "number of chapters"
# the nine chapters in emergency order, then the appendices
assert_eq "Sofortmaßnahmen|Alarmierungskette|Notfallteam und Kontakte|Kommunikation|Kritische Geschäftsprozesse und IT-Systeme|Datensicherungen|Wiederanlaufpläne|Notbetrieb|Rückkehr zum Normalbetrieb|Kontaktliste|Dienstleister|Abhängigkeiten|Risikomatrix|Übungen|Änderungshistorie" \
	"$(grep '^chapter ' <<<"$out" | cut -d' ' -f4- | paste -sd'|')" "chapter order"

# ---- header and footer: "Seite x von y" on every page but the cover
assert_not_contains "$(pdftotext -enc UTF-8 -f 1 -l 1 "$PDF" -)" "Seite 1 von" "the cover has no footer"
for p in 2 3 "$pages"; do
	page_text=$(pdftotext -enc UTF-8 -f "$p" -l "$p" "$PDF" -)
	assert_contains "$page_text" "Seite $p von $pages" "footer of page $p"
	assert_contains "$page_text" "Muster Metallbau GmbH" "header of page $p"
	assert_contains "$page_text" "Entwurf" "version in the header of page $p"
done

# ---- an approved version: its stamp, no watermark
"$RENDER" --approved "$DB" 1 "$KF_TMP/approved.pdf" >/dev/null
assert_eq 0 "$?" "handbook_render --approved"
text=$(pdftotext -enc UTF-8 "$KF_TMP/approved.pdf" -)
assert_contains "$text" "Planversion 7, freigegeben am 20.11.2026 von Erika Mustermann" "approval stamp on the cover"
assert_contains "$text" "IT-Notfallhandbuch · Planversion 7" "version in the header"
assert_not_contains "$(pdftotext -enc UTF-8 -raw "$KF_TMP/approved.pdf" - | tr -d ' \n')" "ENTWURF" "no watermark on an approved version"

# ---- an organisation with nothing in it: every chapter says so instead of disappearing
cli org add --data "$KF_DATA" --name "Leere Firma"
assert_eq 0 "$CLI_RC" "org add (stderr: $CLI_ERR)"
out=$("$RENDER" "$DB" "$CLI_OUT" "$KF_TMP/empty.pdf")
assert_eq 0 "$?" "handbook_render of an empty organisation"
text=$(pdftotext -enc UTF-8 "$KF_TMP/empty.pdf" -)
assert_eq 15 "$(grep '^chapter ' <<<"$out" | wc -l)" "chapters of the empty handbook"
empties=$(grep -c "Noch keine Einträge." <<<"$text")
((empties >= 14)) && _kf_pass || fail "\"Noch keine Einträge.\" in the empty chapters (got $empties)"
assert_not_contains "$text" "Muster Metallbau" "no data of the other organisation"

kf_done
