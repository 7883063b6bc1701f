-- 0017-drill: reachability drills (a test alarm along the alarm chain, confirmed by one-time links) and the webhook for SMS gateways.

-- One drill: started by an editor, closed by an editor (or older than 24 hours, which counts as over for the Plan-Check).
CREATE TABLE drill (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	started_at INTEGER NOT NULL,
	started_by INTEGER REFERENCES user(id),
	note TEXT NOT NULL DEFAULT '',
	closed_at INTEGER
);
CREATE INDEX drill_org ON drill(org_id, started_at);

-- Who got the test alarm; the confirmation token is stored only as its hash. email '' = no address (a gap, not mailed).
CREATE TABLE drill_recipient (
	id INTEGER PRIMARY KEY,
	drill_id INTEGER NOT NULL REFERENCES drill(id),
	org_id INTEGER NOT NULL REFERENCES org(id),
	contact_id INTEGER NOT NULL REFERENCES contact(id),
	name TEXT NOT NULL,
	email TEXT NOT NULL DEFAULT '',
	token_hash TEXT UNIQUE,
	sent_at INTEGER,
	confirmed_at INTEGER
);
CREATE INDEX drill_recipient_drill ON drill_recipient(drill_id);

-- The webhook of an organisation (an SMS gateway): one settings item with version.
CREATE TABLE drill_settings (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL UNIQUE REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	webhook_url TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);

-- Webhook calls waiting to be made by the mail thread (same retries as the outbox).
CREATE TABLE webhook_out (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	url TEXT NOT NULL,
	payload TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER NOT NULL,
	sent_at INTEGER,
	failed_at INTEGER,
	last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_out_due ON webhook_out(next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
