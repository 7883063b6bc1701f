-- 0013-notifications: in-app notifications, per-user mail preferences, the mail outbox and the reminder log.

-- An email waiting to be sent (or sent, or given up). Written in the transaction of the change it reports.
CREATE TABLE outbox (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	recipient TEXT NOT NULL,
	subject TEXT NOT NULL,
	body TEXT NOT NULL,           -- plain text, UTF-8, without the link
	link TEXT NOT NULL DEFAULT '', -- path below the base URL (/o/1/exercises), appended when sent
	created_at INTEGER NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER NOT NULL,
	sent_at INTEGER,
	failed_at INTEGER,            -- given up after the last retry
	last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_org ON outbox(org_id, created_at);

-- What a user is told in the app; text is an English message id with at most one %s (param).
CREATE TABLE notification (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	user_id INTEGER NOT NULL REFERENCES user(id),
	kind TEXT NOT NULL CHECK (kind IN ('mention', 'assignment', 'approval', 'due')),
	text TEXT NOT NULL,
	param TEXT NOT NULL DEFAULT '',
	link TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	read_at INTEGER
);
CREATE INDEX notification_user ON notification(user_id, org_id, read_at);

-- Email per kind of notification; a missing row means yes.
CREATE TABLE notify_pref (
	user_id INTEGER NOT NULL REFERENCES user(id),
	kind TEXT NOT NULL CHECK (kind IN ('mention', 'assignment', 'approval', 'due')),
	email INTEGER NOT NULL,
	PRIMARY KEY (user_id, kind)
);

-- Reminders already given (one row per organisation and key), so the hourly job tells each thing once.
CREATE TABLE reminder_log (
	org_id INTEGER NOT NULL REFERENCES org(id),
	key TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (org_id, key)
);
