-- 0015-comments: comments on any item of the plan, and history records of restored items.

-- A comment on one item (entity as in history: "contact", "system", ...). Markdown text; soft-deleted.
CREATE TABLE comment (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	entity TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	body TEXT NOT NULL,
	author_id INTEGER REFERENCES user(id),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	deleted_at INTEGER
);
CREATE INDEX comment_item ON comment(org_id, entity, entity_id, deleted_at);

-- history.action gains 'restore' (an admin brought a deleted item back).
CREATE TABLE history_0015 (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	entity TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
	user_id INTEGER REFERENCES user(id),
	at INTEGER NOT NULL,
	before_json TEXT,
	after_json TEXT
);
INSERT INTO history_0015(id, org_id, entity, entity_id, action, user_id, at, before_json, after_json)
	SELECT id, org_id, entity, entity_id, action, user_id, at, before_json, after_json FROM history;
DROP TABLE history;
ALTER TABLE history_0015 RENAME TO history;
CREATE INDEX history_item ON history(org_id, entity, entity_id);
