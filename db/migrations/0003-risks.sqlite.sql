-- 0003-risks: the risk register of step 1 with its BSI elementary threat references; the score is computed, not stored.
CREATE TABLE risk (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	title TEXT NOT NULL,
	category TEXT NOT NULL CHECK (category IN ('cyber', 'technical', 'environment', 'human', 'provider', 'people')),
	description TEXT NOT NULL DEFAULT '',
	likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
	impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
	owner_contact_id INTEGER REFERENCES contact(id),
	measures TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_treatment', 'accepted', 'closed')),
	review_date TEXT,
	immediate_actions TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX risk_org ON risk(org_id, deleted_at);

CREATE TABLE risk_threat (
	risk_id INTEGER NOT NULL REFERENCES risk(id),
	pos INTEGER NOT NULL,
	ref TEXT NOT NULL,
	PRIMARY KEY (risk_id, pos)
);
