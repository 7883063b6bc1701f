-- 0012-invitations: invitations into an organisation (one-time link, token stored only as a hash) and a version per membership.
CREATE TABLE invitation (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	email TEXT NOT NULL COLLATE NOCASE,
	role TEXT NOT NULL CHECK (role IN ('reader', 'editor', 'notfallleiter', 'admin')),
	token_hash TEXT NOT NULL UNIQUE,
	expires_at INTEGER NOT NULL,
	used_at INTEGER,
	used_by INTEGER REFERENCES user(id),
	revoked_at INTEGER,
	invited_by INTEGER REFERENCES user(id),
	created_at INTEGER NOT NULL
);
CREATE INDEX invitation_org ON invitation(org_id, created_at);

-- role changes and removals of members check the version the admin saw
ALTER TABLE membership ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
