-- 0014-tasks: tasks: a piece of the plan given to a member, with due date and status, linked to an item or a step.
CREATE TABLE task (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	title TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	assignee_id INTEGER REFERENCES user(id), -- a member of the organisation; NULL = nobody yet
	due_date TEXT,                            -- YYYY-MM-DD or NULL
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
	entity TEXT,                              -- the linked item's type ("system") or NULL
	entity_id INTEGER,                        -- the linked item's id or NULL
	step INTEGER CHECK (step IS NULL OR step BETWEEN 1 AND 5),
	finding_id INTEGER REFERENCES finding(id), -- the exercise finding the task was made from
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX task_org ON task(org_id, deleted_at, status);
CREATE INDEX task_entity ON task(org_id, entity, entity_id) WHERE deleted_at IS NULL;
CREATE INDEX task_finding ON task(org_id, finding_id) WHERE deleted_at IS NULL;
