-- 0016-plan-versions: submitted versions of the plan (four-eyes approval) and who besides admins may approve.

-- An admin may mark members (e.g. the Geschäftsführung) as approvers; admins always may approve.
ALTER TABLE membership ADD COLUMN may_approve INTEGER NOT NULL DEFAULT 0;

CREATE TABLE plan_version (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	number INTEGER NOT NULL,      -- 1, 2, ... per organisation
	status TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'returned')),
	note TEXT NOT NULL DEFAULT '',
	snapshot TEXT NOT NULL,       -- the whole plan as JSON (plan_snapshot_json), frozen
	history_id INTEGER NOT NULL DEFAULT 0, -- the plan's newest history record when submitted
	submitted_by INTEGER REFERENCES user(id),
	submitted_at INTEGER NOT NULL,
	decided_by INTEGER REFERENCES user(id),
	decided_at INTEGER,
	comment TEXT NOT NULL DEFAULT '',
	UNIQUE (org_id, number)
);
-- only one version may wait for approval at a time
CREATE UNIQUE INDEX plan_version_pending ON plan_version(org_id) WHERE status = 'submitted';
