#!/usr/bin/env bash
# An invitation sends its one-time link by email (queued with the invitation in one transaction, sent by the
# mail thread): German subject and text, the link below --base-url works; once sent, the outbox no longer
# holds the link. A refused invitation sends nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail-lib.sh"

kf_init
sink_start
serve_with_smtp "$SINK_PORT"
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login failed"

api POST "$O/invitations" '{"email": "erika@example.org", "role": "editor"}'
assert_status 201
token=$(json .link)
token=${token##*/invite/}

wait_mails 1 20 || fail "the sink got $(mail_count) mails, expected 1"
mail_show 1
assert_contains "$MAIL" "Envelope-To: <erika@example.org>" "recipient"
assert_contains "$MAIL" "Subject: $(de_subst 'Invitation to the emergency plan of %s' "$ORG_NAME")" "subject"
assert_contains "$MAIL" "$(de_text 'The link works once and until %s. Open it to set your password:' | sed 's/ %s.*//')" "German text"
assert_contains "$MAIL" "https://plan.example.de/invite/$token" "the one-time link below the base URL"
assert_contains "$MAIL" "$(de_subst 'The link works once and until %s. Open it to set your password:' "$(date -u -d '+7 days' +%d.%m.%Y)")" \
	"German sentence with the expiry date (7 days)"

# sent: the secret link is gone from the outbox
assert_eq "1|" "$(db_sql 'SELECT count(*), max(link) FROM outbox WHERE sent_at IS NOT NULL')" "sent mail without link"
assert_eq 0 "$(db_sql "SELECT count(*) FROM outbox WHERE body LIKE '%$token%' OR link LIKE '%$token%'")" "token kept in the outbox"

# the mailed link works
api_as erika POST /api/v1/invitations/accept "{\"token\": \"$token\", \"name\": \"Erika Muster\", \"password\": \"$PW\"}"
assert_status 200

# a refused invitation (already a member) queues nothing
api POST "$O/invitations" '{"email": "erika@example.org", "role": "reader"}'
assert_status 422
assert_eq 1 "$(db_sql 'SELECT count(*) FROM outbox')" "outbox rows after the refusal"
kf_done
