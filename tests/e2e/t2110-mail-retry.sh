#!/usr/bin/env bash
# Retries: while the SMTP server is down each attempt is counted and the next one moves back (1 min, 5 min, ...);
# once it is up the mail is delivered exactly once; after the last retry a mail is given up. Without --smtp-url
# the outbox keeps the mails and the settings page says mail is not set up.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail-lib.sh"

kf_init
port=$(free_port)
serve_with_smtp "$port" # nobody listens there yet
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login failed"

last=$(date -u -d '2 years ago' +%Y-%m-%d)
api PUT "$O/review" "{\"last_review_date\": \"$last\"}" -H "$(im 0)"
assert_status 200
cli remind --data "$KF_DATA"
assert_match "$CLI_OUT" ': 1$' "one reminder (the admin)"

# the first attempt fails: attempts 1, the next one about a minute later, the error kept
deadline=$((SECONDS + 15))
while [[ $(db_sql 'SELECT attempts FROM outbox WHERE id = 1') == 0 ]] && ((SECONDS < deadline)); do sleep 0.2; done
row=$(db_sql 'SELECT attempts, next_attempt_at - strftime("%s","now"), sent_at IS NULL, failed_at IS NULL, last_error != "" FROM outbox WHERE id = 1')
IFS='|' read -r attempts wait unsent notfailed haserr <<<"$row"
assert_eq 1 "$attempts" "attempts after the first failure"
assert_match "$wait" '^(5[0-9]|60)$' "next attempt about 60 s later (got $wait)"
assert_eq "1|1|1" "$unsent|$notfailed|$haserr" "not sent, not given up, error kept"
sleep 2
assert_eq 1 "$(db_sql 'SELECT attempts FROM outbox WHERE id = 1')" "no attempt before next_attempt_at"

# the second failure waits 5 minutes
db_sql 'UPDATE outbox SET next_attempt_at = 0 WHERE id = 1'
deadline=$((SECONDS + 15))
while [[ $(db_sql 'SELECT attempts FROM outbox WHERE id = 1') == 1 ]] && ((SECONDS < deadline)); do sleep 0.2; done
wait=$(db_sql 'SELECT next_attempt_at - strftime("%s","now") FROM outbox WHERE id = 1')
assert_eq 2 "$(db_sql 'SELECT attempts FROM outbox WHERE id = 1')" "attempts after the second failure"
assert_match "$wait" '^(29[0-9]|300)$' "next attempt about 300 s later (got $wait)"

# the sink comes up on that port; the time of the next attempt comes: delivered once
sink_start "$port"
db_sql 'UPDATE outbox SET next_attempt_at = 0 WHERE id = 1'
wait_mails 1 15 || fail "no mail delivered after the server came up"
sleep 3
assert_eq 1 "$(mail_count)" "delivered exactly once"
row=$(db_sql 'SELECT attempts, sent_at IS NOT NULL, last_error FROM outbox WHERE id = 1')
assert_eq "3|1|" "$row" "sent on the third attempt, error cleared"
mail_show 1
assert_contains "$MAIL" "Envelope-To: <$ADMIN_EMAIL>" "recipient"

# a mail on its last attempt that fails is given up
sink_stop
db_sql "INSERT INTO outbox(org_id, recipient, subject, body, link, created_at, attempts, next_attempt_at) VALUES (1, 'x@example.org', 'Test', 'Text', '', 0, 4, 0)"
deadline=$((SECONDS + 15))
while [[ $(db_sql 'SELECT attempts FROM outbox WHERE id = 2') == 4 ]] && ((SECONDS < deadline)); do sleep 0.2; done
assert_eq "5|1|1" "$(db_sql 'SELECT attempts, failed_at IS NOT NULL, sent_at IS NULL FROM outbox WHERE id = 2')" "given up after 5 attempts"
kf_stop
assert_contains "$(<"$KF_TMP/server.log")" "given up after 5 attempts" "logged"

# without SMTP: the outbox keeps the mail; the page says mail is not set up; admins see the counts
KF_SERVE_ARGS=()
db_sql "INSERT INTO outbox(org_id, recipient, subject, body, link, created_at, next_attempt_at) VALUES (1, 'y@example.org', 'Test', 'Text', '', 0, 0)"
kf_start
web_login w "$ADMIN_EMAIL" "$PW"
web w GET /o/1/notifications/settings
assert_status 200
assert_body_contains 'class="notice warn"'
assert_eq 1 "$(html_id_text outbox-waiting)" "waiting"
assert_eq 1 "$(html_id_text outbox-sent)" "sent"
assert_eq 1 "$(html_id_text outbox-failed)" "given up"
sleep 2
assert_eq "0|" "$(db_sql 'SELECT attempts, sent_at FROM outbox WHERE id = 3')" "no attempt without SMTP"
kf_stop

# bad mail options are refused
cli serve --data "$KF_DATA" --smtp-url "http://x" --smtp-from a@example.org
assert_eq 2 "$CLI_RC" "--smtp-url needs smtp:// or smtps://"
cli serve --data "$KF_DATA" --smtp-url "smtp://127.0.0.1:25"
assert_eq 2 "$CLI_RC" "--smtp-url needs --smtp-from"
cli serve --data "$KF_DATA" --smtp-url "smtp://127.0.0.1:25" --smtp-from a@example.org --smtp-user u
assert_eq 2 "$CLI_RC" "--smtp-user needs --smtp-password-file"
cli serve --data "$KF_DATA" --base-url "javascript:alert(1)"
assert_eq 2 "$CLI_RC" "--base-url needs http(s)"

kf_done
