-- 0009-runbooks: step 3: recovery runbooks per IT system (with ordered steps), overrides of the recovery order, workarounds per process.
CREATE TABLE runbook (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	system_id INTEGER NOT NULL REFERENCES system(id),
	responsible_role_id INTEGER REFERENCES role(id),
	expected_duration_minutes INTEGER CHECK (expected_duration_minutes BETWEEN 0 AND 43200),
	prerequisites TEXT NOT NULL DEFAULT '',
	checks TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
-- one live runbook per system
CREATE UNIQUE INDEX runbook_system ON runbook(org_id, system_id) WHERE deleted_at IS NULL;

CREATE TABLE runbook_step (
	runbook_id INTEGER NOT NULL REFERENCES runbook(id),
	pos INTEGER NOT NULL,
	text TEXT NOT NULL,
	minutes INTEGER CHECK (minutes BETWEEN 0 AND 43200),
	PRIMARY KEY (runbook_id, pos)
);

-- the version of an organisation's overrides (one row per organisation, like alarm_plan)
CREATE TABLE recovery_plan (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL UNIQUE REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id)
);

CREATE TABLE recovery_override (
	org_id INTEGER NOT NULL REFERENCES org(id),
	system_id INTEGER NOT NULL REFERENCES system(id),
	position INTEGER NOT NULL CHECK (position >= 1),
	reason TEXT NOT NULL,
	PRIMARY KEY (org_id, system_id)
);

CREATE TABLE workaround (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	process_id INTEGER NOT NULL REFERENCES process(id),
	title TEXT NOT NULL,
	procedure TEXT NOT NULL DEFAULT '',
	preparation TEXT NOT NULL DEFAULT '',
	sustainable_hours INTEGER CHECK (sustainable_hours >= 0),
	responsible_contact_id INTEGER REFERENCES contact(id),
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX workaround_org ON workaround(org_id, process_id, deleted_at);
