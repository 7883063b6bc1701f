-- 0019-calendar: each member's secret calendar link per organisation (the iCalendar feed); only a hash of the token is stored.
CREATE TABLE calendar_link (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	user_id INTEGER NOT NULL REFERENCES user(id),
	token_hash TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL,
	last_used_at INTEGER,
	revoked_at INTEGER
);
-- at most one working link per member and organisation
CREATE UNIQUE INDEX calendar_link_live ON calendar_link(org_id, user_id) WHERE revoked_at IS NULL;
