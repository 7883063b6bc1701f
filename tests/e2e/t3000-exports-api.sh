#!/usr/bin/env bash
# Exports through the API: the list with the stamps, the JSON document, CSV
# (RFC 4180, BOM on request) and vCard 4.0 parsed by Python; the approved
# version after a four-eyes approval (every kind, read back from the snapshot;
# the handbook prints it by default); readers may export; refused kinds and
# options name the problem; another organisation's export is 404.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add nele@example.org "Nele Notfall" notfallleiter
kf_user_add rita@example.org "Rita Reader" reader
login nele nele@example.org "$PW" || kf_die "login nele"
login rita rita@example.org "$PW" || kf_die "login rita"
new_contact c1 '{"name": "Jürgen Müller-Lüdenscheidt", "company": "Bäckerei; Beispiel, Süd", "function": "Backstube, Verkauf", "email": "j@example.org", "notes": "Zeile 1\nZeile 2; mit \\ Backslash", "phones": [{"kind": "mobile", "number": "0171 1234567"}, {"kind": "office", "number": "089 123"}]}'
new_contact c2 '{"name": "Erika Muster", "notes": "sagt \"Hallo\", gern"}'

# ---- the list: every kind, the working stamp, no approved version yet
api_as rita GET "$O/exports"
assert_status 200
assert_json '.approved' null
assert_json '.working.draft' true
assert_jq '.working.hash | test("^[0-9a-f]{12}$")'
assert_jq '[.exports[].kind] | index("json") != null and index("contacts.vcf") != null and index("risks.csv") != null'
assert_json '.exports[] | select(.kind == "contacts.csv") | .bom_option' true
assert_json '.exports[] | select(.kind == "json") | .href' "/api/v1/orgs/1/exports/json"
assert_json '.exports[] | select(.kind == "json") | .approved_available' false
hash0=$(json .working.hash)

# ---- JSON: the document, stamped; headers
api_as rita GET "$O/exports/json"
assert_status 200
assert_header_contains Content-Type application/json
assert_header_contains Content-Disposition 'attachment; filename="baeckerei-beispiel-notfallplan-entwurf-'
assert_header X-Krisenfest-Stamp "$hash0"
assert_header X-Krisenfest-Plan-Version draft
assert_header ETag "W/\"$hash0\""
assert_json .format krisenfest-plan
assert_json .schema 1
assert_json .organisation.name "$ORG_NAME"
assert_json .stamp.hash "$hash0"
assert_json .stamp.draft true
assert_json .stamp.plan_version null
assert_json '.sections.contacts | length' 2
assert_json '.sections.contacts[] | select(.id == '"$c1"') | .name' "Jürgen Müller-Lüdenscheidt"
assert_jq '.sections | has("workarounds") and has("restore_tests") and has("risk_settings") and has("recovery_overrides")'
# the same content gives the same stamp; a change gives another
api GET "$O/exports/json"
assert_json .stamp.hash "$hash0"

# ---- CSV: RFC 4180, German headers, umlauts, no BOM unless asked
api_as rita GET "$O/exports/contacts.csv"
assert_status 200
assert_header_contains Content-Type "text/csv; charset=utf-8"
assert_header_contains Content-Disposition 'kontakte-entwurf-'
cp "$KF_TMP/body" "$KF_TMP/contacts.csv"
out=$("$KF_PY" - "$KF_TMP/contacts.csv" <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert not raw.startswith(b"\xef\xbb\xbf"), "BOM without bom=1"
assert raw.count(b"\r\n") >= 3, "CRLF line ends"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0][1:5] == ["Name", "Firma", "Funktion", "Telefonnummern"], rows[0]
by = {r[1]: r for r in rows[1:]}
j = by["Jürgen Müller-Lüdenscheidt"]
assert j[2] == "Bäckerei; Beispiel, Süd", j[2]
assert j[3] == "Backstube, Verkauf", j[3]
assert j[8] == "Zeile 1\nZeile 2; mit \\ Backslash", repr(j[8])
assert j[4] == "Mobil: 0171 1234567; Büro: 089 123", j[4]
assert by["Erika Muster"][8] == 'sagt "Hallo", gern'
print("ok")
PY
)
assert_eq ok "$out" "contacts.csv parsed by Python's csv module"
api GET "$O/exports/contacts.csv?bom=1"
assert_status 200
assert_eq "efbbbf" "$(head -c 3 "$KF_TMP/body" | od -An -tx1 | tr -d ' \n')" "BOM with bom=1"
for k in roles alarm-steps risks processes systems backups restore-tests runbooks workarounds copies acknowledgements comm-templates exercises findings; do
	api GET "$O/exports/$k.csv"
	assert_status 200
done

# ---- vCard 4.0, parsed by python3-vobject
api_as rita GET "$O/exports/contacts.vcf"
assert_status 200
assert_header_contains Content-Type "text/vcard"
cp "$KF_TMP/body" "$KF_TMP/c.vcf"
out=$("$KF_PY" - "$KF_TMP/c.vcf" <<'PY'
import sys, vobject
raw = open(sys.argv[1], "rb").read()
for line in raw.split(b"\r\n"):
    assert len(line) <= 75, line
assert b"\n" not in raw.replace(b"\r\n", b""), "bare LF"
cards = list(vobject.readComponents(raw.decode("utf-8")))
assert len(cards) == 2, len(cards)
by = {c.fn.value: c for c in cards}
j = by["Jürgen Müller-Lüdenscheidt"]
assert j.version.value == "4.0"
assert j.n.value.family == "Müller-Lüdenscheidt" and j.n.value.given == "Jürgen", j.n.value
assert j.org.value == ["Bäckerei; Beispiel, Süd"], j.org.value
assert j.title.value == "Backstube, Verkauf", repr(j.title.value)
assert j.note.value == "Zeile 1\nZeile 2; mit \\ Backslash", repr(j.note.value)
tels = sorted((t.params.get("TYPE"), t.value) for t in j.contents["tel"])
assert ("0171 1234567" in [v for _, v in tels]) and ("089 123" in [v for _, v in tels]), tels
assert j.email.value == "j@example.org"
assert by["Erika Muster"].note.value == 'sagt "Hallo", gern'
print("ok")
PY
)
assert_eq ok "$out" "contacts.vcf parsed by vobject"

# ---- refused: unknown kind, bad version, BOM on a non-CSV, approved when none is approved
api GET "$O/exports/nope.txt"
assert_error 404 unknown_export
api GET "$O/exports/json?version=latest"
assert_field_error version
api GET "$O/exports/json?bom=1"
assert_field_error bom
api GET "$O/exports/contacts.csv?bom=ja"
assert_field_error bom
api GET "$O/exports/json?version=approved"
assert_error 409 no_approved_version
api_as rita GET "$O/exports/handbook.pdf"
assert_status 200
assert_header X-Krisenfest-Plan-Version draft
assert_header_contains Content-Disposition "notfallhandbuch-entwurf-"
api GET "$O/exports/handbook.pdf?version=approved"
assert_error 409 no_approved_version

# ---- approve version 1, then the approved JSON; the working state moves on
api_as nele POST "$O/plan-versions" '{"note": "Erste Fassung"}'
assert_status 201
api POST "$O/plan-versions/1/approve" '{}' -H "$(im 1)"
assert_status 200
api PATCH "$O/contacts/$c2" '{"email": "erika@example.org"}' -H "$(im 1)"
assert_status 200
api_as rita GET "$O/exports"
assert_json .approved.plan_version 1
assert_json .approved.draft false
assert_json .approved.approved_at "$(today_utc)"
assert_json '.exports[] | select(.kind == "json") | .approved_available' true
assert_json '.exports[] | select(.kind == "contacts.vcf") | .approved_available' true
assert_json '.exports[] | select(.kind == "handbook.pdf") | .approved_default' true
hash_approved=$(json .approved.hash)
assert_ne "$hash0" "$(json .working.hash)" "the working stamp after a change"
api_as rita GET "$O/exports/json?version=approved"
assert_status 200
assert_header X-Krisenfest-Plan-Version 1
assert_header X-Krisenfest-Stamp "$hash_approved"
assert_header_contains Content-Disposition "notfallplan-v1-"
assert_json .stamp.plan_version 1
assert_json .stamp.approved_at "$(today_utc)"
assert_json '.sections.contacts[] | select(.name == "Erika Muster") | .email' ""
assert_json '.sections | has("workarounds")' true
# approved: every kind prints the approved version (read back from its snapshot), not the later change
api GET "$O/exports/contacts.vcf?version=approved"
assert_status 200
assert_header X-Krisenfest-Plan-Version 1
assert_header X-Krisenfest-Stamp "$hash_approved"
assert_body_not_contains "erika@example.org"
assert_body_contains "Erika Muster"
api GET "$O/exports/contacts.vcf?version=draft"
assert_status 200
assert_header X-Krisenfest-Plan-Version draft
assert_body_contains "erika@example.org"
api GET "$O/exports/contacts.csv?version=approved"
assert_status 200
assert_header X-Krisenfest-Plan-Version 1
assert_body_not_contains "erika@example.org"
# the handbook prints the approved version by default: its number on the cover, not the later change
api_as rita GET "$O/exports/handbook.pdf"
assert_status 200
assert_header X-Krisenfest-Plan-Version 1
assert_header_contains Content-Disposition "notfallhandbuch-v1-"
if command -v pdftotext >/dev/null; then
	cover=$(pdftotext -enc UTF-8 -f 1 -l 1 "$KF_TMP/body" -)
	assert_contains "$cover" "Planversion 1" "approved handbook: version on the cover"
	assert_not_contains "$cover" "Entwurf" "approved handbook: no draft mark on the cover"
	assert_not_contains "$(pdftotext -enc UTF-8 "$KF_TMP/body" -)" "erika@example.org" "approved handbook: not the later change"
	api_as rita GET "$O/exports/handbook.pdf?version=draft"
	assert_status 200
	assert_header X-Krisenfest-Plan-Version draft
	assert_contains "$(pdftotext -enc UTF-8 "$KF_TMP/body" -)" "erika@example.org" "draft handbook: the later change"
	assert_contains "$(pdftotext -enc UTF-8 -f 1 -l 1 "$KF_TMP/body" -)" "Arbeitsstand – Entwurf, nicht freigegeben" "draft handbook: the Entwurf mark"
	assert_contains "$(pdftotext -enc UTF-8 -raw -f 1 -l 1 "$KF_TMP/body" - | tr -d ' \n')" "ENTWURF" "draft handbook: the watermark"
else
	note "pdftotext not installed: the handbook's text is not checked"
fi

# ---- another organisation's exports: 404, no data
cli org add --data "$KF_DATA" --name "Andere Firma"
api GET /api/v1/orgs/2/exports
assert_error 404 not_found
api GET /api/v1/orgs/2/exports/json
assert_error 404 not_found
api_as anon GET "$O/exports/json"
assert_status 401

kf_done
