-- 0010-riskcfg: the risk scale per organisation, own risk categories, and the processes and systems a risk affects.
CREATE TABLE risk_settings (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL UNIQUE REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	scale TEXT NOT NULL DEFAULT '5x5' CHECK (scale IN ('5x5', 'bsi-4x4')),
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id)
);

CREATE TABLE risk_own_category (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX risk_own_category_org ON risk_own_category(org_id, deleted_at);

-- The category CHECK of risk changes (a built-in name, or 'custom' with category_id), so the table is
-- rebuilt. Foreign keys are deferred to the commit: risk_threat and exercise point at risk(id), and
-- their rows find their risk again once the copy is back under the old name.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE risk_0010_copy AS SELECT * FROM risk;
DROP TABLE risk;
CREATE TABLE risk (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	title TEXT NOT NULL,
	category TEXT NOT NULL CHECK ((category IN ('cyber', 'technical', 'environment', 'human', 'provider', 'people')
		AND category_id IS NULL) OR (category = 'custom' AND category_id IS NOT NULL)),
	category_id INTEGER REFERENCES risk_own_category(id),
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
INSERT INTO risk(id, org_id, version, title, category, category_id, description, likelihood, impact, owner_contact_id,
		 measures, status, review_date, immediate_actions, created_at, created_by, updated_at, updated_by, deleted_at)
	SELECT id, org_id, version, title, category, NULL, description, likelihood, impact, owner_contact_id,
	       measures, status, review_date, immediate_actions, created_at, created_by, updated_at, updated_by, deleted_at
	FROM risk_0010_copy;
DROP TABLE risk_0010_copy;
CREATE INDEX risk_org ON risk(org_id, deleted_at);
CREATE INDEX risk_category_use ON risk(category_id) WHERE category_id IS NOT NULL;

CREATE TABLE risk_process (
	risk_id INTEGER NOT NULL REFERENCES risk(id),
	pos INTEGER NOT NULL,
	process_id INTEGER NOT NULL REFERENCES process(id),
	PRIMARY KEY (risk_id, pos)
);
CREATE INDEX risk_process_process ON risk_process(process_id);

CREATE TABLE risk_system (
	risk_id INTEGER NOT NULL REFERENCES risk(id),
	pos INTEGER NOT NULL,
	system_id INTEGER NOT NULL REFERENCES system(id),
	PRIMARY KEY (risk_id, pos)
);
CREATE INDEX risk_system_system ON risk_system(system_id);
