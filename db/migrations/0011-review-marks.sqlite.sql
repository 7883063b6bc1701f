-- 0011-review-marks: chapters of the plan that need a review after a change of a system, provider or person.
CREATE TABLE review_mark (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	chapter TEXT NOT NULL,
	item_type TEXT NOT NULL CHECK (item_type IN ('system', 'contact', 'role')),
	item_id INTEGER NOT NULL,
	item_name TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	cleared_at INTEGER,
	cleared_by INTEGER REFERENCES user(id)
);
-- at most one open mark per chapter and item; a repeat only moves its time
CREATE UNIQUE INDEX review_mark_open ON review_mark(org_id, chapter, item_type, item_id) WHERE cleared_at IS NULL;
