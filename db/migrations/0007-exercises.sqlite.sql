-- 0007-exercises: step 5: exercises with participants, observers and findings, and the plan review cycle per organisation.
CREATE TABLE exercise (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	type TEXT NOT NULL CHECK (type IN ('tabletop', 'walkthrough', 'alarm_test', 'restore_test', 'simulation', 'full_drill')),
	title TEXT NOT NULL,
	scenario_risk_id INTEGER REFERENCES risk(id),
	date TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
	goals TEXT NOT NULL DEFAULT '',
	went_well TEXT NOT NULL DEFAULT '',
	to_improve TEXT NOT NULL DEFAULT '',
	achieved_rto_hours INTEGER CHECK (achieved_rto_hours >= 0),
	achieved_rpo_hours INTEGER CHECK (achieved_rpo_hours >= 0),
	duration_minutes INTEGER CHECK (duration_minutes >= 0),
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX exercise_org ON exercise(org_id, deleted_at);

CREATE TABLE exercise_person (
	exercise_id INTEGER NOT NULL REFERENCES exercise(id),
	kind TEXT NOT NULL CHECK (kind IN ('participant', 'observer')),
	pos INTEGER NOT NULL,
	contact_id INTEGER NOT NULL REFERENCES contact(id),
	PRIMARY KEY (exercise_id, kind, pos)
);
CREATE INDEX exercise_person_contact ON exercise_person(contact_id);

CREATE TABLE finding (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	exercise_id INTEGER NOT NULL REFERENCES exercise(id),
	version INTEGER NOT NULL DEFAULT 1,
	title TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	severity TEXT NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high')),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
	responsible_contact_id INTEGER REFERENCES contact(id),
	due_date TEXT,
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX finding_exercise ON finding(org_id, exercise_id, deleted_at);

CREATE TABLE plan_review (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL UNIQUE REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	last_review_date TEXT,
	review_interval_months INTEGER NOT NULL DEFAULT 12 CHECK (review_interval_months BETWEEN 1 AND 36),
	reviewer_contact_id INTEGER REFERENCES contact(id),
	notes TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id)
);
