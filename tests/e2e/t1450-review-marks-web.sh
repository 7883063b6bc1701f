#!/usr/bin/env bash
# Review marks (pages): a calm notice at the top of each marked chapter with
# the reasons and "Mark as reviewed" (editors, CSRF), the list in the review
# section with links, the line in the start page's step card, escaping,
# valid HTML, readers, and the review form clearing everything.
. "$(dirname "$0")/lib.sh"

command -v tidy >/dev/null || kf_die "tidy is not installed (Debian package tidy)"
tidy_ok() {
	local out
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
}

kf_init
kf_user_add leser@example.org "Lea Leser" reader 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
web_login w "$ADMIN_EMAIL" "$PW"
web_login r leser@example.org "$PW"
today=$(today_utc)
today_de=$(date -u +%d.%m.%Y)

# ---- the first review, recorded with the form; nothing to review yet
web w GET /o/1/exercises
refresh_csrf w
form_csrf w /o/1/exercises/review "version=0" "last_review_date=$today" "review_interval_months=12"
assert_redirect 303 "/o/1/exercises?reviewed=1"
web w GET /o/1/exercises
assert_contains "$BODY" 'id="review-marks"' "review section has the marks part"
assert_not_contains "$BODY" 'class="review-marks-list"' "no marks yet"
web w GET /o/1/
assert_not_contains "$BODY" 'review-marks-line' "start page: nothing to review"

# ---- a system changes: its chapters show the notice
api POST "$O/systems" '{"name": "ERP <b>&</b>", "type": "application"}'
assert_status 201
web w GET /o/1/systems
assert_status 200
assert_contains "$BODY" '<div role="status" class="notice review-notice" data-chapter="systems">' "notice on the systems page"
assert_contains "$(html_text)" 'ERP <b>&</b>' "the system named as text"
assert_not_contains "$BODY" 'ERP <b>' "the name escaped"
assert_contains "$(html_text)" "$today_de" "the day of the change"
assert_contains "$BODY" 'action="/o/1/review/marks/systems/clear"' "the button's form"
assert_eq systems "$(html_input from)" "comes back to the systems page"
tidy_ok /o/1/systems
# the notice comes before the page's content
notice_at=$(grep -bo 'review-notice' <<<"$BODY" | head -n 1 | cut -d: -f1)
table_at=$(grep -bo '<table' <<<"$BODY" | head -n 1 | cut -d: -f1)
assert_eq 1 "$((notice_at < table_at))" "notice at the top"
web w GET /o/1/processes
assert_contains "$BODY" 'data-chapter="systems"' "processes page: same chapter"
assert_eq processes "$(html_input from)" "comes back to the processes page"
for p in backups runbooks recovery; do
	web w GET "/o/1/$p"
	assert_status 200
	assert_contains "$BODY" 'class="notice review-notice"' "notice on /o/1/$p"
	tidy_ok "/o/1/$p"
done
for p in team alarm risks workarounds documents/templates exercises; do
	web w GET "/o/1/$p"
	assert_status 200
	assert_not_contains "$BODY" 'review-notice' "no notice on /o/1/$p"
done

# ---- several reasons are a list
api POST "$O/systems" '{"name": "NAS", "type": "storage"}'
assert_status 201
web w GET /o/1/backups
seg=${BODY#*review-notice}
seg=${seg%%</ul>*}
assert_eq 2 "$(grep -o '<li>' <<<"$seg" | wc -l)" "two reasons listed"
assert_contains "$BODY" 'class="review-reasons"' "as a list"
tidy_ok "/o/1/backups with two reasons"

# ---- the start page shows them in the step cards
web w GET /o/1/
assert_contains "$BODY" 'review-marks-line' "start page line"
assert_contains "$BODY" 'href="/o/1/systems"' "link to the systems chapter"
assert_contains "$BODY" 'href="/o/1/runbooks"' "link to the runbooks chapter"
tidy_ok "start page with marks"

# ---- the review section lists all open marks with links
web w GET /o/1/exercises
assert_contains "$BODY" 'class="review-marks-list"' "the list"
for c in systems backups runbooks; do
	assert_contains "$BODY" "<li data-chapter=\"$c\">" "chapter $c listed"
done
assert_contains "$BODY" 'href="/o/1/backups"' "linked to its page"
tidy_ok "exercises page with marks"

# ---- readers see the notice but no button, and may not clear
web r GET /o/1/systems
assert_contains "$BODY" 'review-notice' "readers see the notice"
assert_not_contains "$BODY" '/review/marks/systems/clear' "but no button"
refresh_csrf r
form_csrf r /o/1/review/marks/systems/clear "from=systems"
assert_status 403
# no CSRF token: refused
form w /o/1/review/marks/systems/clear "from=systems"
assert_status 403
api GET "$O/review/marks"
assert_json .total 6

# ---- "Mark as reviewed"
web w GET /o/1/systems
refresh_csrf w
form_csrf w /o/1/review/marks/systems/clear "from=systems"
assert_redirect 303 "/o/1/systems?chapter_reviewed=systems"
web w GET "/o/1/systems?chapter_reviewed=systems"
assert_contains "$BODY" 'class="notice ok"' "confirmed"
assert_not_contains "$BODY" 'review-notice' "the notice is gone"
api GET "$O/review/marks"
assert_jq '[.chapters[].chapter] | index("systems") == null'
# a foreign "from" goes to the chapter's own page
form_csrf w /o/1/review/marks/runbooks/clear "from=https://example.org/"
assert_redirect 303 "/o/1/runbooks?chapter_reviewed=runbooks"
# from the review section back to it
form_csrf w /o/1/review/marks/backups/clear "from=exercises"
assert_redirect 303 "/o/1/exercises?chapter_reviewed=backups#review-marks"
form_csrf w /o/1/review/marks/nonsense/clear "from=exercises"
assert_status 404
tidy_ok "unknown chapter page"
api GET "$O/review/marks"
assert_json .total 0

# ---- the review form clears every mark
api POST "$O/contacts" '{"name": "Neue Kollegin"}'
assert_status 201
web w GET /o/1/team
assert_contains "$BODY" 'data-chapter="team"' "team page notice"
api GET "$O/review"
v=$(json .version)
web w GET /o/1/exercises
refresh_csrf w
form_csrf w /o/1/exercises/review "version=$v" "last_review_date=$today" "review_interval_months=12"
assert_redirect 303 "/o/1/exercises?reviewed=1"
web w GET /o/1/team
assert_not_contains "$BODY" 'review-notice' "cleared by the review"
web w GET /o/1/
assert_not_contains "$BODY" 'review-marks-line' "start page: nothing left"

kf_stop
kf_done
