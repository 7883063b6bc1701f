#!/usr/bin/env bash
# The download page of step 4: every export with what it is for, the stamp,
# approved or working state; downloads as attachments; linked from the start
# page and step 4; readers may download; another organisation's page is 404.
. "$(dirname "$0")/lib.sh"

kf_setup
kf_user_add rita@example.org "Rita Reader" reader
new_contact c1 '{"name": "Erika Muster", "company": "Bäckerei Süd"}'
web_login w "$ADMIN_EMAIL" "$PW"
web_login rr rita@example.org "$PW"

# ---- linked from the start page and from step 4
web w GET /o/1/
assert_contains "$BODY" 'href="/o/1/exports"' "start page: step 4 card links the exports"
web w GET /o/1/documents
assert_contains "$BODY" 'href="/o/1/exports"' "step 4 links the exports"

# ---- the page (English texts: the German ones come with po/de-export.txt)
web rr GET /o/1/exports -H 'Accept-Language: en'
assert_status 200
txt=$(html_text)
assert_contains "$txt" "Printouts and exports" "title"
assert_contains "$txt" "Step 4 of 5" "step label"
assert_contains "$txt" "No version has been approved yet" "no approved version"
assert_contains "$txt" "Everything as JSON" "JSON export listed"
assert_contains "$txt" "for a backup of its content" "JSON purpose"
assert_contains "$txt" "Contacts for phones (vCard)" "vCard listed"
assert_contains "$txt" "Risks (CSV)" "risk CSV listed"
assert_contains "$BODY" 'href="/o/1/exports/json?version=draft"' "JSON working state download"
assert_not_contains "$BODY" 'href="/o/1/exports/json?version=approved"' "no approved download without a version"
assert_contains "$BODY" 'href="/o/1/exports/contacts.csv?bom=1"' "CSV for Excel"
assert_contains "$BODY" 'href="/o/1/exports/contacts.vcf"' "vCard download"
assert_match "$(html_id_text stamp-working)" '[0-9a-f]{12}' "working stamp shown"
if command -v tidy >/dev/null; then
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	assert_eq "" "$out" "tidy on the exports page"
fi

# ---- a download from the page: an attachment, same content as the API
web rr GET "/o/1/exports/contacts.csv?bom=1"
assert_status 200
assert_header_contains Content-Disposition "attachment; filename=\"baeckerei-beispiel-kontakte-entwurf-"
assert_contains "$BODY" "Bäckerei Süd" "CSV content"
web rr GET /o/1/exports/json
assert_status 200
assert_eq "$(hdr X-Krisenfest-Stamp)" "$(jq -r .stamp.hash <<<"$BODY")" "stamp header = stamp in the file"
web rr GET /o/1/exports/nope -H 'Accept-Language: en'
assert_status 404
assert_contains "$(html_text)" "no export of this kind" "unknown kind named"
web rr GET "/o/1/exports/json?version=approved" -H 'Accept-Language: en'
assert_status 409
assert_contains "$(html_text)" "No version of the plan has been approved yet" "refusal says why"

# ---- with an approved version: both choices, the version shown
kf_user_add nele@example.org "Nele Notfall" notfallleiter
login nele nele@example.org "$PW" || kf_die "login nele"
api_as nele POST "$O/plan-versions" '{"note": "Erste Fassung"}'
api POST "$O/plan-versions/1/approve" '{}' -H "$(im 1)"
assert_status 200
web rr GET /o/1/exports -H 'Accept-Language: en'
assert_contains "$(html_id_text stamp-approved)" "Version 1" "approved version shown"
if command -v tidy >/dev/null; then
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	assert_eq "" "$out" "tidy on the exports page with an approved version"
fi
assert_contains "$BODY" 'href="/o/1/exports/json?version=approved"' "approved download"
assert_contains "$BODY" 'href="/o/1/exports/json?version=draft"' "working state download"
web rr GET "/o/1/exports/json?version=approved"
assert_status 200
assert_header X-Krisenfest-Plan-Version 1

# ---- another organisation
cli org add --data "$KF_DATA" --name "Andere Firma"
web w GET /o/2/exports
assert_status 404
web w GET /o/2/exports/json
assert_status 404

kf_done
