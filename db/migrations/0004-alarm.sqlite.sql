-- 0004-alarm: the alarm chain (who calls whom, in which order, escalation) and the alarm plan settings per organisation.
CREATE TABLE alarm_step (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	position INTEGER NOT NULL,
	caller_role_id INTEGER REFERENCES role(id),
	caller_contact_id INTEGER REFERENCES contact(id),
	callee_contact_id INTEGER NOT NULL REFERENCES contact(id),
	channel TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'email', 'messenger', 'in_person')),
	escalate_after_minutes INTEGER NOT NULL DEFAULT 0 CHECK (escalate_after_minutes BETWEEN 0 AND 1440),
	escalate_to_contact_id INTEGER REFERENCES contact(id),
	note TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER,
	CHECK (caller_role_id IS NULL OR caller_contact_id IS NULL)
);
CREATE INDEX alarm_step_org_pos ON alarm_step(org_id, position, id) WHERE deleted_at IS NULL;

CREATE TABLE alarm_plan (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL UNIQUE REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	meeting_place TEXT NOT NULL DEFAULT '',
	meeting_fallback TEXT NOT NULL DEFAULT '',
	phone_bridge TEXT NOT NULL DEFAULT '',
	declare_criteria TEXT NOT NULL DEFAULT '',
	breach_report_role_id INTEGER REFERENCES role(id),
	breach_notes TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id)
);

CREATE TABLE alarm_plan_declare_role (
	plan_id INTEGER NOT NULL REFERENCES alarm_plan(id),
	pos INTEGER NOT NULL,
	role_id INTEGER NOT NULL REFERENCES role(id),
	PRIMARY KEY (plan_id, pos)
);
CREATE INDEX alarm_plan_declare_role_role ON alarm_plan_declare_role(role_id);
