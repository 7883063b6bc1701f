#!/usr/bin/env bash
# xlsx: every register in one Excel workbook (registers.xlsx) through the API
# (as a reader), the download page and the CLI, opened with openpyxl: German
# sheet names, bold frozen filterable header rows, umlauts, costs as numbers,
# dates as Excel dates, the stamp on the summary sheet; another organisation's
# data is absent; no temporary file is left behind.
. "$(dirname "$0")/lib.sh"

"$KF_PY" -c 'import openpyxl' 2>/dev/null || kf_die "python3-openpyxl is missing (tools/install-deps.sh test)"
# the server and the CLI write the workbook to a temporary file in $TMPDIR
XTMP=$KF_TMP/xlsx-tmp
mkdir -p "$XTMP"
export TMPDIR=$XTMP

kf_setup
kf_user_add rita@example.org "Rita Reader" reader
login rita rita@example.org "$PW" || kf_die "login rita"
new_contact c1 '{"name": "Jürgen Müller-Lüdenscheidt", "company": "Bäckerei Süd", "function": "Backstube", "last_verified": "2025-03-01", "notes": "Zeile 1\nZeile 2", "phones": [{"kind": "mobile", "number": "0171 1234567"}]}'
api POST "$O/processes" "{\"name\": \"Verkauf\", \"cost_per_hour\": 1250, \"responsible_contact_id\": $c1}"
assert_status 201

# ---- another organisation with its own contact
cli org add --data "$KF_DATA" --name "Andere Firma"
assert_eq 0 "$CLI_RC" "org add (stderr: $CLI_ERR)"
kf_user_add otto@example.org "Otto Other" editor 2
login otto otto@example.org "$PW" || kf_die "login otto"
api_as otto POST /api/v1/orgs/2/contacts '{"name": "Geheimer Kontakt Zweitfirma"}'
assert_status 201

# ---- the list has the kind
api_as rita GET "$O/exports"
assert_status 200
assert_json '.exports[] | select(.kind == "registers.xlsx") | .bom_option' false
hash=$(json .working.hash)

# ---- the API as a reader (2>/dev/null: bash warns about the NUL bytes when lib.sh reads the body)
api_as rita GET "$O/exports/registers.xlsx" 2>/dev/null
assert_status 200
assert_header_contains Content-Type "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
assert_header_contains Content-Disposition 'baeckerei-beispiel-verzeichnisse-entwurf-'
assert_header_contains Content-Disposition '.xlsx"'
assert_header X-Krisenfest-Stamp "$hash"
cp "$KF_TMP/body" "$KF_TMP/api.xlsx"
assert_eq "504b0304" "$(head -c 4 "$KF_TMP/api.xlsx" | od -An -tx1 | tr -d ' \n')" "a ZIP file"

check_workbook() { # FILE: the workbook's content, printed "ok" or the first problem
	"$KF_PY" - "$1" "$ORG_NAME" "$hash" <<'PY'
import datetime, sys, openpyxl
path, org, stamp = sys.argv[1:4]
wb = openpyxl.load_workbook(path)
want = ["Kontakte", "Notfallrollen", "Alarmierungskette", "Risiken", "Geschäftsprozesse", "IT-Systeme",
        "Datensicherungen", "Wiederherstellungstests", "Wiederanlaufpläne", "Notbetrieb", "Kopien des Plans",
        "Kenntnisnahmen", "Vorlagen für die Kommunikation", "Übungen", "Feststellungen"]
# the summary's name is German once po/de-xlsx.txt is merged into po/de.po
assert wb.sheetnames[0] in ("Übersicht", "Summary"), wb.sheetnames
assert wb.sheetnames[1:] == want, wb.sheetnames
for ws in wb.worksheets[1:]:
    assert len(ws.title) <= 31 and not any(c in ws.title for c in "[]:*?/\\"), ws.title
    assert ws.freeze_panes == "A2", (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), (ws.title, ws.auto_filter.ref)
    assert all(c.font.b for c in ws[1] if c.value is not None), ws.title + ": header not bold"
    for col, dim in ws.column_dimensions.items():
        assert dim.width is None or dim.width <= 61, (ws.title, col, dim.width)

k = wb["Kontakte"]
head = [c.value for c in k[1]]
assert head == ["Nr.", "Name", "Firma", "Funktion", "Telefonnummern", "E-Mail", "Extern", "Zuletzt überprüft", "Notizen"], head
rows = {r[1]: r for r in k.iter_rows(min_row=2, values_only=True)}
j = rows["Jürgen Müller-Lüdenscheidt"]
assert j[2] == "Bäckerei Süd", j
assert j[4] == "Mobil: 0171 1234567", j
assert j[7] == datetime.datetime(2025, 3, 1), repr(j[7])
assert j[8] == "Zeile 1\nZeile 2", repr(j[8])
cell = next(r for r in k.iter_rows(min_row=2) if r[1].value == "Jürgen Müller-Lüdenscheidt")
assert cell[7].is_date and cell[7].number_format == "dd.mm.yyyy", cell[7].number_format
assert cell[8].alignment.wrap_text, "multi-line text wraps"
assert isinstance(cell[0].value, int), "the number is a number"

p = wb["Geschäftsprozesse"]
head = [c.value for c in p[1]]
i = head.index("Kosten pro Stunde (EUR)")
r = next(r for r in p.iter_rows(min_row=2) if r[1].value == "Verkauf")
assert isinstance(r[i].value, (int, float)) and r[i].value == 1250, repr(r[i].value)
assert r[i].data_type == "n", r[i].data_type
assert r[head.index("Verantwortlich")].value == "Jürgen Müller-Lüdenscheidt"

s = wb.worksheets[0]
cells = {row[0]: row[1] for row in s.iter_rows(min_row=1, max_col=2, values_only=True) if row[0]}
assert cells.get("Firma") == org, cells
assert cells.get("Prüfcode") == stamp, cells
assert "Entwurf" in cells.get("Stand des Plans", ""), cells
assert isinstance(cells.get("Erstellt am"), datetime.datetime), cells
links = {c.value: c.hyperlink.location for c in s["A"] if c.hyperlink}
assert links.get("Kontakte") == "'Kontakte'!A1", links
assert cells.get("Kontakte") == 1, cells

for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        for v in row:
            assert not (isinstance(v, str) and "Zweitfirma" in v), "the other organisation's data in " + ws.title
print("ok")
PY
}
assert_eq ok "$(check_workbook "$KF_TMP/api.xlsx" 2>&1)" "the workbook from the API"

# ---- options and refusals
api_as rita GET "$O/exports/registers.xlsx?bom=1"
assert_field_error bom
api_as otto GET "$O/exports/registers.xlsx"
assert_error 404 not_found

# ---- the download page: the card beside the CSV table, and its link
web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/exports
assert_status 200
assert_body_contains 'id="registers.xlsx"'
assert_body_contains 'href="/o/1/exports/registers.xlsx"'
web w GET /o/1/exports/registers.xlsx 2>/dev/null
assert_status 200
assert_header_contains Content-Type "spreadsheetml"

# ---- the CLI
cli export registers.xlsx --data "$KF_DATA" --org 1 -o "$KF_TMP/cli.xlsx"
assert_eq 0 "$CLI_RC" "export registers.xlsx (stderr: $CLI_ERR)"
assert_eq ok "$(check_workbook "$KF_TMP/cli.xlsx" 2>&1)" "the workbook from the CLI"
cli export registers.xlsx --data "$KF_DATA" --org 1 --approved -o "$KF_TMP/cli2.xlsx"
assert_ne 0 "$CLI_RC" "--approved without an approved version"

# ---- no temporary file is left behind
assert_eq "" "$(ls -A "$XTMP")" "temporary files in TMPDIR"

kf_done
