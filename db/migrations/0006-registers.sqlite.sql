-- 0006-registers: the registers of step 4: copies of the plan, staff acknowledgements, communication templates.
CREATE TABLE plan_copy (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	kind TEXT NOT NULL CHECK (kind IN ('print', 'usb', 'cloud', 'laptop', 'other')),
	location TEXT NOT NULL,
	holder_contact_id INTEGER REFERENCES contact(id),
	plan_date TEXT NOT NULL,
	last_checked TEXT,
	notes TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX plan_copy_org ON plan_copy(org_id, deleted_at);

CREATE TABLE acknowledgement (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	contact_id INTEGER NOT NULL REFERENCES contact(id),
	confirmed_on TEXT NOT NULL,
	how TEXT NOT NULL CHECK (how IN ('signature', 'briefing', 'email', 'other')),
	notes TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
-- one live acknowledgement per staff member
CREATE UNIQUE INDEX acknowledgement_contact ON acknowledgement(org_id, contact_id) WHERE deleted_at IS NULL;

CREATE TABLE comm_template (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	audience TEXT NOT NULL CHECK (audience IN ('staff', 'customers', 'suppliers', 'public', 'authorities')),
	title TEXT NOT NULL,
	subject TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX comm_template_org ON comm_template(org_id, deleted_at);

-- the newest change of an organisation's plan is read from its history
CREATE INDEX history_org_at ON history(org_id, at);
