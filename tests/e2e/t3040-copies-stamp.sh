#!/usr/bin/env bash
# The copies register tied to the export stamp: a copy notes the stamp (and
# the approved version) of the export it holds; a bad stamp is refused
# naming `stamp`; recording a copy does not change the stamp; the copy turns
# stale when the plan's content changes (API, the documents page, the
# Plan-Check) even on the same day, where the date rule cannot see it; the
# download page links "record the copy" prefilled; the form keeps the stamp.
. "$(dirname "$0")/lib.sh"

kf_setup
today=$(date -u +%F)
new_contact c1 '{"name": "Erika Muster"}'

api GET "$O/exports/json"
stamp=$(hdr X-Krisenfest-Stamp)
assert_match "$stamp" '^[0-9a-f]{12}$' "stamp of the working state"

# ---- refusals naming the field
for bad in '"ABCDEF123456"' '"1a2b3c"' '"1a2b3c4d5e6f7"' '"zzzzzzzzzzzz"' '12'; do
	api POST "$O/plan-copies" "{\"kind\": \"usb\", \"location\": \"Tresor\", \"plan_date\": \"$today\", \"stamp\": $bad}"
	assert_field_error stamp
done
api POST "$O/plan-copies" "{\"kind\": \"usb\", \"location\": \"Tresor\", \"plan_date\": \"$today\", \"plan_version\": 0}"
assert_field_error plan_version
api GET "$O/plan-copies"
assert_json 'length' 0

# ---- a copy with the stamp: current; recording it does not change the stamp
api POST "$O/plan-copies" "{\"kind\": \"usb\", \"location\": \"USB-Stick im Tresor\", \"plan_date\": \"$today\", \"stamp\": \"$stamp\"}"
assert_status 201
cp1=$(json .id)
assert_json .stamp "$stamp"
assert_json .plan_version null
assert_json .stale false
api GET "$O/exports/json"
assert_header X-Krisenfest-Stamp "$stamp"
# without a stamp: null; an empty stamp is "not noted"
api POST "$O/plan-copies" "{\"kind\": \"print\", \"location\": \"Ordner\", \"plan_date\": \"$today\", \"stamp\": \"\"}"
assert_status 201
cp2=$(json .id)
assert_json .stamp null
api GET "$O/check"
assert_jq '[.. | objects | select(.rule? == "copies_stale" or .id? == "copies_stale") | .ok?] | all(. != false)' "plan-check: no stale copy yet"

# ---- the plan changes the same day: the stamp sees it, the date cannot
api PATCH "$O/contacts/$c1" '{"name": "Erika Neu"}' -H "$(im 1)"
assert_status 200
api GET "$O/plan-copies/$cp1"
assert_json .stale true
api GET "$O/plan-copies/$cp2"
assert_json .stale false
api GET "$O/check"
assert_contains "$BODY" "USB-Stick im Tresor" "plan-check names the copy with the old stamp"
assert_not_contains "$BODY" "\"Ordner\"" "plan-check: the copy without stamp follows the date rule"

# ---- the web: the documents page shows the stamp and the stale mark
web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/documents -H 'Accept-Language: en'
assert_status 200
assert_contains "$BODY" "<code>$stamp</code>" "the stamp is shown"
assert_contains "$(html_text)" "not the stamp of the current plan" "stale by stamp explained"
assert_contains "$(html_text)" "Stale copies: 1 of 2" "counted"

# the download page links "record the copy" with the current stamp and date
web w GET /o/1/exports
new_stamp=$(grep -oE 'stamp-working">[^<]*<code>[0-9a-f]{12}' <<<"$BODY" | grep -oE '[0-9a-f]{12}$')
assert_ne "$stamp" "$new_stamp" "the working stamp changed with the plan"
assert_contains "$BODY" "href=\"/o/1/documents/copies/new?stamp=$new_stamp&amp;plan_date=$today\"" "record-the-copy link"
# the prefilled form
web w GET "/o/1/documents/copies/new?stamp=$new_stamp&plan_date=$today"
assert_status 200
assert_eq "$new_stamp" "$(html_input stamp)" "stamp prefilled"
assert_eq "$today" "$(html_input plan_date)" "date prefilled"
refresh_csrf w
# a bad stamp: the form again, message beside the field, input kept, nothing stored
form_csrf w /o/1/documents/copies/new kind=usb "location=Zweiter Stick" "plan_date=$today" stamp=XYZ -H 'Accept-Language: en'
assert_status 422
assert_contains "$BODY" 'id="err-stamp"' "message beside the field"
assert_eq "XYZ" "$(html_input stamp)" "input kept"
api GET "$O/plan-copies"
assert_json 'length' 2
form_csrf w /o/1/documents/copies/new kind=usb "location=Zweiter Stick" "plan_date=$today" "stamp=$new_stamp"
assert_status 303
api GET "$O/plan-copies"
assert_json '.[] | select(.location == "Zweiter Stick") | .stamp' "$new_stamp"
assert_json '.[] | select(.location == "Zweiter Stick") | .stale' false

# ---- an approved version: a copy of it is current, its version noted
kf_user_add nele@example.org "Nele Notfall" notfallleiter
login nele nele@example.org "$PW" || kf_die "login nele"
api_as nele POST "$O/plan-versions" '{"note": "Erste Fassung"}'
api POST "$O/plan-versions/1/approve" '{}' -H "$(im 1)"
assert_status 200
api GET "$O/exports"
approved=$(json .approved.hash)
api POST "$O/plan-copies" "{\"kind\": \"print\", \"location\": \"Notfallordner\", \"plan_date\": \"$today\", \"stamp\": \"$approved\", \"plan_version\": 1}"
assert_status 201
assert_json .plan_version 1
assert_json .stale false
web w GET /o/1/exports
assert_contains "$BODY" "stamp=$approved&amp;plan_version=1" "record link of the approved version"

kf_done
