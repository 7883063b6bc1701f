-- 0001-init: organisations, accounts, sessions, the emergency team, and change history.
CREATE TABLE org (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

CREATE TABLE user (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE COLLATE NOCASE,
	name TEXT NOT NULL DEFAULT '',
	pw_hash TEXT NOT NULL,
	disabled INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL
);

CREATE TABLE membership (
	org_id INTEGER NOT NULL REFERENCES org(id),
	user_id INTEGER NOT NULL REFERENCES user(id),
	role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'notfallleiter', 'admin')),
	created_at INTEGER NOT NULL,
	PRIMARY KEY (org_id, user_id)
);

CREATE TABLE session (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES user(id),
	csrf TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
CREATE INDEX session_user ON session(user_id);

CREATE TABLE api_token (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES user(id),
	name TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL,
	revoked_at INTEGER
);

CREATE TABLE setting (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE contact (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	name TEXT NOT NULL,
	company TEXT NOT NULL DEFAULT '',
	function TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	notes TEXT NOT NULL DEFAULT '',
	external INTEGER NOT NULL DEFAULT 0,
	last_verified TEXT,
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX contact_org ON contact(org_id, deleted_at);

CREATE TABLE contact_phone (
	contact_id INTEGER NOT NULL REFERENCES contact(id),
	pos INTEGER NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('mobile', 'office', 'private', 'other')),
	number TEXT NOT NULL,
	PRIMARY KEY (contact_id, pos)
);

CREATE TABLE role (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	name TEXT NOT NULL,
	duties TEXT NOT NULL DEFAULT '',
	primary_contact_id INTEGER REFERENCES contact(id),
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX role_org ON role(org_id, deleted_at);

CREATE TABLE role_deputy (
	role_id INTEGER NOT NULL REFERENCES role(id),
	pos INTEGER NOT NULL,
	contact_id INTEGER NOT NULL REFERENCES contact(id),
	PRIMARY KEY (role_id, pos)
);
CREATE INDEX role_deputy_contact ON role_deputy(contact_id);

CREATE TABLE history (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	entity TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
	user_id INTEGER REFERENCES user(id),
	at INTEGER NOT NULL,
	before_json TEXT,
	after_json TEXT
);
CREATE INDEX history_item ON history(org_id, entity, entity_id);
