#!/usr/bin/env bash
# Calendar feed: a member's secret link (API and settings page), shown once, only its hash stored; the .ics
# (no session needed) holds the review, planned exercises, restore tests due and the member's own tasks, parsed
# with Python's icalendar; other organisations' items stay out; renewed, deleted, removed-member and
# disabled-account links answer 404 like unknown ones; readers may have a link too.
. "$(dirname "$0")/lib.sh"

"$KF_PY" -c 'import icalendar' 2>/dev/null ||
	kf_die "python3-icalendar is not installed (tools/install-deps.sh test)"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
kf_user_add rita@example.org "Rita Reader" reader
kf_user_add eddi@example.org "Eddi Editor" editor
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login other other@example.org "$PW" || kf_die "login other"
login rita rita@example.org "$PW" || kf_die "login rita"
login eddi eddi@example.org "$PW" || kf_die "login eddi"
eddi_id=$(db_sql "SELECT id FROM user WHERE email = 'eddi@example.org'")
rita_id=$(db_sql "SELECT id FROM user WHERE email = 'rita@example.org'")

# ---- the plan's dates in organisation 1, and some in organisation 2
future=$(date -u -d '+30 days' +%Y-%m-%d)
api PUT "$O/review" '{"last_review_date": "2025-01-31", "review_interval_months": 12}' -H "$(im 0)"
assert_status 200
api POST "$O/exercises" "{\"type\": \"tabletop\", \"title\": \"Ransomware, Teil 1; Planspiel\", \"date\": \"$future\"}"
assert_status 201
ex=$(json .id)
api POST "$O/backups" '{"title": "ERP-Datenbank", "frequency_hours": 24}'
assert_status 201
b=$(json .id)
api POST "$O/backups/$b/restore-tests" '{"date": "2026-06-15", "result": "success", "duration_minutes": 30}'
assert_status 201
api POST "$O/backups" '{"title": "Lohnbuchhaltung", "frequency_hours": 168}'
b_never=$(json .id)
api POST "$O/tasks" '{"title": "Schlüssel für Serverraum prüfen, Tür; Fenster", "assignee_id": 1, "due_date": "2099-01-31"}'
assert_status 201
own=$(json .id)
api POST "$O/tasks" "{\"title\": \"Eddis Aufgabe\", \"assignee_id\": $eddi_id, \"due_date\": \"2099-02-01\"}"
assert_status 201
eddis=$(json .id)
api POST "$O/tasks" '{"title": "Ohne Termin", "assignee_id": 1}'
assert_status 201
api_as other POST /api/v1/orgs/2/exercises "{\"type\": \"tabletop\", \"title\": \"Fremde Übung\", \"date\": \"$future\"}"
assert_status 201
api_as other POST /api/v1/orgs/2/backups '{"title": "Fremdes Backup", "frequency_hours": 24}'
assert_status 201
api_as other POST /api/v1/orgs/2/tasks '{"title": "Fremde Aufgabe", "assignee_id": 2, "due_date": "2099-03-01"}'
assert_status 201

# ---- the link via the API: none yet, created once with its URL, afterwards without
api GET "$O/calendar-link"
assert_status 200
assert_json .exists false
api_as anon GET "$O/calendar-link"
assert_status 401
KF_NO_CSRF=1 api POST "$O/calendar-link"
assert_status 403
api POST "$O/calendar-link"
assert_status 201
assert_json .exists true
assert_json .last_used_at null
url=$(json .url)
assert_match "$url" "^http://127\.0\.0\.1:$KF_PORT/cal/[A-Za-z0-9_-]{43}\.ics\$" "calendar URL"
token=${url##*/cal/}
token=${token%.ics}
api GET "$O/calendar-link"
assert_json .exists true
assert_json .url null
assert_eq 0 "$(db_sql "SELECT count(*) FROM calendar_link WHERE token_hash LIKE '%$token%'")" "the token itself is not stored"
assert_eq 1 "$(db_sql "SELECT count(*) FROM calendar_link WHERE user_id = 1 AND revoked_at IS NULL")" "one live link"

# ---- the feed: no session, the token is the credential
http GET "/cal/$token.ics"
assert_status 200
assert_header Content-Type 'text/calendar; charset=utf-8'
assert_contains "$BODY" $'BEGIN:VCALENDAR\r\n' "CRLF line ends"
printf '%s' "$BODY" >"$KF_TMP/feed.ics"
parse_feed() {
	"$KF_PY" - "$1" <<'EOF'
import sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
print("CAL|%s|%s|%s|%s" % (cal.get("X-WR-CALNAME"), cal.get("METHOD"), cal.get("VERSION"), "PRODID" in cal))
for ev in cal.walk("VEVENT"):
    start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
    allday = type(start) is datetime.date and end - start == datetime.timedelta(days=1)
    print("EV|%s|%s|%s|%s|%s|%s|%s" % (ev["UID"], start.isoformat(), allday, ev["SUMMARY"], ev.get("URL", ""),
        "DTSTAMP" in ev, " ".join(str(ev.get("DESCRIPTION", "")).split())))
EOF
}
feed=$(parse_feed "$KF_TMP/feed.ics") || fail "python icalendar could not parse the feed"
ev() { grep -F "EV|$1|" <<<"$feed"; }
assert_contains "$feed" "CAL|IT-Notfallplan – $ORG_NAME|PUBLISH|2.0|True" "calendar name, method, version, prodid"
assert_eq 5 "$(grep -c '^EV|' <<<"$feed")" "events: review, exercise, two restore tests, own task"
assert_contains "$(ev review-1@krisenfest)" "|2026-01-31|True|Planprüfung fällig|$KF_BASE/o/1/exercises|True|" "review event"
assert_contains "$(ev "exercise-$ex-1@krisenfest")" "|$future|True|Übung: Ransomware, Teil 1; Planspiel|$KF_BASE/o/1/exercises/$ex|" "exercise event"
assert_contains "$(ev "restoretest-due-$b-1@krisenfest")" "|2027-06-15|True|Wiederherstellungstest fällig: ERP-Datenbank|$KF_BASE/o/1/backups/$b|" "restore test due 12 months after the last success"
assert_contains "$(ev "restoretest-due-$b_never-1@krisenfest")" "|$(today_utc)|True|Wiederherstellungstest fällig: Lohnbuchhaltung|" "never tested: due today"
assert_contains "$(ev "task-$own-1@krisenfest")" "|2099-01-31|True|Aufgabe fällig: Schlüssel für Serverraum prüfen, Tür; Fenster|$KF_BASE/o/1/tasks/$own|" "own task with umlauts"
assert_eq "" "$(ev "task-$eddis-1@krisenfest")" "another member's task is not in my feed"
assert_not_contains "$feed" "Ohne Termin" "tasks without a due date"
assert_not_contains "$feed" "Fremd" "the other organisation's items"
assert_not_contains "$feed" "-2@krisenfest" "no UID of organisation 2"
unfolded=$(printf '%s' "$BODY" | tr -d '\r' | sed -z 's/\n //g')
assert_contains "$unfolded" 'SUMMARY:Aufgabe fällig: Schlüssel für Serverraum prüfen\, Tür\; Fenster' "commas and semicolons escaped"
assert_contains "$unfolded" 'DTSTART;VALUE=DATE:20990131' "all-day start"
assert_contains "$unfolded" 'DTEND;VALUE=DATE:20990201' "all-day end the next day"
assert_contains "$unfolded" 'X-WR-CALNAME:IT-Notfallplan – Bäckerei Beispiel' "calendar name"
# UIDs are stable across fetches
http GET "/cal/$token.ics"
printf '%s' "$BODY" >"$KF_TMP/feed2.ics"
assert_eq "$(grep -o '^EV|[^|]*' <<<"$feed" | sort)" "$(parse_feed "$KF_TMP/feed2.ics" | grep -o '^EV|[^|]*' | sort)" "same UIDs on the next fetch"
http HEAD "/cal/$token.ics" -I
assert_status 200
api GET "$O/calendar-link"
assert_jq '.last_used_at != null' "the fetch is recorded"

# ---- unknown links answer 404 without a hint, like every other unknown link
http GET "/cal/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics"
assert_status 404
unknown_body=$BODY
http GET "/cal/$token"
assert_status 404
http GET "/cal/.ics"
assert_status 404

# ---- renewing: the old link stops working, the new one works
api POST "$O/calendar-link"
assert_status 201
url2=$(json .url)
assert_ne "$url" "$url2" "a new link"
http GET "$url"
assert_status 404
assert_eq "$unknown_body" "$BODY" "a renewed link answers like an unknown one"
http GET "$url2"
assert_status 200
assert_eq 1 "$(db_sql "SELECT count(*) FROM calendar_link WHERE user_id = 1 AND revoked_at IS NULL")" "still one live link"

# ---- deleting
api DELETE "$O/calendar-link"
assert_status 204
http GET "$url2"
assert_status 404
api DELETE "$O/calendar-link"
assert_error 404 not_found
api GET "$O/calendar-link"
assert_json .exists false

# ---- a reader may have a link; it holds the organisation's dates and no one else's tasks
api_as rita POST "$O/calendar-link"
assert_status 201
rita_url=$(json .url)
http GET "$rita_url"
assert_status 200
printf '%s' "$BODY" >"$KF_TMP/rita.ics"
rita_feed=$(parse_feed "$KF_TMP/rita.ics")
assert_contains "$rita_feed" "EV|review-1@krisenfest|" "reader: review"
assert_contains "$rita_feed" "EV|exercise-$ex-1@krisenfest|" "reader: exercise"
assert_not_contains "$rita_feed" "EV|task-" "reader: no tasks of others"
# a link is per organisation: rita has none in organisation 2 (no member there)
api_as rita GET /api/v1/orgs/2/calendar-link
assert_status 404

# ---- a removed member's link stops working (and stays dead when re-added)
api_as eddi POST "$O/calendar-link"
assert_status 201
eddi_url=$(json .url)
http GET "$eddi_url"
assert_status 200
assert_contains "$BODY" "task-$eddis-1@krisenfest" "eddi's own task is in eddi's feed"
api GET "$O/members/$eddi_id"
api DELETE "$O/members/$eddi_id" -H "$(im "$(json .version)")"
assert_status 204
http GET "$eddi_url"
assert_status 404
db_sql "INSERT INTO membership(org_id, user_id, role, created_at) VALUES (1, $eddi_id, 'editor', strftime('%s', 'now'))"
http GET "$eddi_url"
assert_status 404

# ---- a disabled account's link stops working
http GET "$rita_url"
assert_status 200
db_sql "UPDATE user SET disabled = 1 WHERE id = $rita_id"
http GET "$rita_url"
assert_status 404
db_sql "UPDATE user SET disabled = 0 WHERE id = $rita_id"
http GET "$rita_url"
assert_status 200

# ---- the settings page: create (shown once), renew with confirmation, delete with confirmation
web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/notifications
assert_body_contains 'href="/o/1/notifications/settings#h-calendar"'
web w GET /o/1/notifications/settings
assert_status 200
assert_body_contains 'Kalender abonnieren'
assert_body_contains 'Thunderbird'
assert_body_contains 'action="/o/1/calendar-link"'
html_input calendar-url >/dev/null && fail "no link shown before one is made"
form w /o/1/calendar-link
assert_status 403
form_csrf w /o/1/calendar-link
assert_status 200
web_url=$(html_id_text calendar-state >/dev/null; grep -o 'id="calendar-url" readonly class="copy" value="[^"]*"' <<<"$BODY" | sed 's/.*value="//; s/"$//')
assert_match "$web_url" "^http://127\.0\.0\.1:$KF_PORT/cal/[A-Za-z0-9_-]{43}\.ics\$" "link shown after creating it"
assert_body_contains 'role="status"'
if command -v tidy >/dev/null; then
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	assert_eq "" "$out" "settings page with the new link is valid HTML"
fi
http GET "$web_url"
assert_status 200
web w GET /o/1/notifications/settings
assert_status 200
assert_body_not_contains "$web_url"
assert_body_not_contains 'id="calendar-url"'
assert_contains "$(html_id_text calendar-state)" "Ihr Kalender hat ihn zuletzt am" "last fetch shown"
assert_body_contains 'href="/o/1/calendar-link/renew"'
assert_body_contains 'href="/o/1/calendar-link/delete"'
web w GET /o/1/calendar-link/renew
assert_status 200
assert_body_contains 'Ja, neuen Link erzeugen'
form_csrf w /o/1/calendar-link
assert_status 200
web_url2=$(grep -o 'id="calendar-url" readonly class="copy" value="[^"]*"' <<<"$BODY" | sed 's/.*value="//; s/"$//')
assert_ne "$web_url" "$web_url2" "renewed on the page"
http GET "$web_url"
assert_status 404
web w GET /o/1/calendar-link/delete
assert_status 200
assert_body_contains 'action="/o/1/calendar-link/delete"'
form_csrf w /o/1/calendar-link/delete
assert_redirect 303 '/o/1/notifications/settings?calendar=deleted'
http GET "$web_url2"
assert_status 404
web w GET '/o/1/notifications/settings?calendar=deleted'
assert_body_contains 'class="notice ok"'
assert_body_contains 'action="/o/1/calendar-link"'
web w GET /o/1/calendar-link/delete
assert_redirect 303 '/o/1/notifications/settings'

kf_stop
kf_done
