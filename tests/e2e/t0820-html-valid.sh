#!/usr/bin/env bash
# Every page is valid HTML (checked with tidy), logged out and logged in,
# with data that needs escaping.
. "$(dirname "$0")/lib.sh"

command -v tidy >/dev/null || kf_die "tidy is not installed (Debian package tidy)"

kf_setup
new_contact cid '{"name": "Ärger & <Co> \"KG\"", "function": "IT-Partner", "phones": [{"kind": "mobile", "number": "+49 170 1234567"}], "email": "it@example.org", "last_verified": "2026-01-15", "notes": "Zeile 1\nZeile 2 <b>"}'

new_role rid "{\"name\": \"Notfallleitung\", \"duties\": \"Entscheidet & koordiniert\", \"primary_contact_id\": $cid}"


# tidy_ok LABEL — BODY is HTML without errors or warnings
tidy_ok() {
	local out
	# tidy 5.6 does not know aria-current yet; everything else counts
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	if [[ -n $out ]]; then
		fail "$1 is not valid HTML: $out"
	else
		_kf_pass
	fi
}

web anon GET /login
tidy_ok "login page"
web anon GET /o/1/nothing-here
assert_status 404
tidy_ok "not-found page"

web_login w "$ADMIN_EMAIL" "$PW"
for p in /o/1/ /o/1/team /o/1/contacts/new "/o/1/contacts/$cid" "/o/1/contacts/$cid/delete" /o/1/roles/new \
	"/o/1/roles/$rid" "/o/1/roles/$rid/delete" /o/1/contacts/999999 /no/such/page; do
	web w GET "$p"
	tidy_ok "$p"
done
# a form with errors, and a stale edit
form_csrf w /o/1/contacts/new "name=" "email=kaputt" "phone_number_0=12"
assert_status 422
tidy_ok "contact form with errors"
form_csrf w "/o/1/contacts/$cid" "version=1" "name=Neu"
assert_status 303
form_csrf w "/o/1/contacts/$cid" "version=1" "name=Noch neuer"
assert_status 409
tidy_ok "stale edit page"
# calendar: the settings page with the calendar section (no link, the new link shown once, a link), its confirmations
web w GET /o/1/notifications/settings
tidy_ok "settings page without a calendar link"
form_csrf w /o/1/calendar-link
assert_status 200
tidy_ok "settings page with the new calendar link"
for p in /o/1/notifications/settings /o/1/calendar-link/renew /o/1/calendar-link/delete; do
	web w GET "$p"
	assert_status 200
	tidy_ok "$p"
done

kf_stop
kf_done
