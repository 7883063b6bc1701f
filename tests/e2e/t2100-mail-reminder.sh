#!/usr/bin/env bash
# Reminders: an overdue plan review and a backup without a restore test become notifications for the admins and
# Notfallleiter, and emails delivered over SMTP (German text, the link below --base-url); running the job again
# tells nothing twice.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail-lib.sh"

kf_init
kf_user_add nl@example.org 'Nora Leitner' notfallleiter
kf_user_add leser@example.org 'Lea Leser' reader
sink_start
serve_with_smtp "$SINK_PORT"
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login failed"

# the plan was last reviewed two years ago (interval 12 months): overdue for a year
last=$(date -u -d '2 years ago' +%Y-%m-%d)
api PUT "$O/review" "{\"last_review_date\": \"$last\", \"review_interval_months\": 12}" -H "$(im 0)"
assert_status 200
next=$(json .next_review_date)
next_de=$(date -u -d "$next" +%d.%m.%Y)

# nothing is due in the outbox yet
assert_eq 0 "$(db_sql 'SELECT count(*) FROM outbox')" "outbox before the reminders"

cli remind --data "$KF_DATA"
assert_eq 0 "$CLI_RC" "remind exit status"
assert_match "$CLI_OUT" ': 2$' "reminders written (admin and Notfallleiter, not the reader)"

wait_mails 2 20 || fail "the sink got $(mail_count) mails, expected 2"
want_text=$(de_subst 'The review of the emergency plan is overdue since %s.' "$next_de")
rcpts=
for i in 1 2; do
	mail_show "$i"
	rcpts+=$(grep '^Envelope-To:' <<<"$MAIL")" "
	assert_contains "$MAIL" "Subject: krisenfest: $want_text" "subject of mail $i"
	assert_contains "$MAIL" "Content-Type: text/plain; charset=\"UTF-8\"" "plain text UTF-8"
	assert_contains "$MAIL" "$want_text" "text of mail $i"
	assert_contains "$MAIL" "https://plan.example.de/o/1/exercises" "link of mail $i"
	assert_contains "$MAIL" "$ORG_NAME" "organisation named in mail $i"
	assert_contains "$MAIL" "From: krisenfest <krisenfest@example.org>" "sender"
done
assert_contains "$rcpts" "<$ADMIN_EMAIL>" "admin got the reminder"
assert_contains "$rcpts" "<nl@example.org>" "Notfallleiter got the reminder"
assert_not_contains "$rcpts" "leser@example.org" "the reader got no reminder"
mail_show 1
assert_contains "$MAIL" "$(de_subst 'Hello %s,' "$(grep -q nl@ <<<"$MAIL" && echo 'Nora Leitner' || echo "$ADMIN_EMAIL")")" "greeting"

# the outbox records them as sent
assert_eq "2|0" "$(db_sql 'SELECT count(*), sum(sent_at IS NULL) FROM outbox')" "outbox rows sent"
assert_eq "1" "$(db_sql 'SELECT min(attempts) FROM outbox')" "one attempt each"

# the in-app notification of the admin
api GET /api/v1/notifications
assert_status 200
assert_json '.unread' 1
assert_json '.items[0].kind' due
assert_json '.items[0].link' /o/1/exercises
assert_json '.items[0].param' "$next_de"
assert_json '.items[0].message' 'The review of the emergency plan is overdue since %s.'

# once per key: running again tells nothing new (the server's own hourly run neither)
cli remind --data "$KF_DATA"
assert_eq 0 "$CLI_RC" "second remind exit status"
assert_match "$CLI_OUT" ': 0$' "second run writes nothing"
sleep 2
assert_eq 2 "$(mail_count)" "no further mail"
assert_eq 2 "$(db_sql 'SELECT count(*) FROM notification')" "no further notification"

# a backup never restore-tested: one reminder listing it, once a month
api POST "$O/backups" '{"title": "NAS-Sicherung „Büro“", "frequency_hours": 24, "method": "Synology Hyper Backup"}'
assert_status 201
cli remind --data "$KF_DATA"
assert_match "$CLI_OUT" ': 2$' "restore-test reminder for two people"
wait_mails 4 20 || fail "the sink got $(mail_count) mails, expected 4"
mail_show 3
assert_contains "$MAIL" "$(de_subst 'These backups have no successful restore test in the last 12 months: %s' '„NAS-Sicherung „Büro““')" "restore test text"
assert_contains "$MAIL" "https://plan.example.de/o/1/backups" "link to the backups"

# a user who turned emails about due things off still sees the notification, but gets no mail
login nl nl@example.org "$PW" || fail "login nl"
api_as nl PUT /api/v1/notification-settings '{"email": {"due": false}}'
assert_status 200
assert_json .email.due false
assert_json .email.mention true
db_sql "DELETE FROM reminder_log WHERE key LIKE 'restore-tests:%'"
cli remind --data "$KF_DATA"
assert_match "$CLI_OUT" ': 2$' "both are notified again"
wait_mails 5 20 || fail "the sink got $(mail_count) mails, expected 5"
sleep 2
assert_eq 5 "$(mail_count)" "only the admin got an email"
mail_show 5
assert_contains "$MAIL" "Envelope-To: <$ADMIN_EMAIL>" "the admin's mail"
api_as nl GET '/api/v1/notifications?unread=1'
assert_json '.unread' 3

kf_stop
kf_done
