-- 0005-systems: the business impact analysis of step 1: business processes, IT systems and their dependencies.
CREATE TABLE system (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	name TEXT NOT NULL,
	type TEXT NOT NULL CHECK (type IN ('power', 'network', 'internet', 'storage', 'server', 'virtualization', 'directory',
					    'database', 'application', 'cloud', 'email', 'fileserver', 'client', 'other')),
	location TEXT NOT NULL DEFAULT '',
	provider_contact_id INTEGER REFERENCES contact(id),
	owner_contact_id INTEGER REFERENCES contact(id),
	rto_hours INTEGER CHECK (rto_hours >= 0),
	rpo_hours INTEGER CHECK (rpo_hours >= 0),
	notes TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX system_org ON system(org_id, deleted_at);

CREATE TABLE system_dependency (
	system_id INTEGER NOT NULL REFERENCES system(id),
	pos INTEGER NOT NULL,
	depends_on_id INTEGER NOT NULL REFERENCES system(id),
	PRIMARY KEY (system_id, pos)
);
CREATE INDEX system_dependency_target ON system_dependency(depends_on_id);

CREATE TABLE process (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	responsible_contact_id INTEGER REFERENCES contact(id),
	cost_per_hour INTEGER NOT NULL DEFAULT 0 CHECK (cost_per_hour >= 0),
	impact_1h INTEGER NOT NULL DEFAULT 0 CHECK (impact_1h BETWEEN 0 AND 4),
	impact_4h INTEGER NOT NULL DEFAULT 0 CHECK (impact_4h BETWEEN 0 AND 4),
	impact_8h INTEGER NOT NULL DEFAULT 0 CHECK (impact_8h BETWEEN 0 AND 4),
	impact_24h INTEGER NOT NULL DEFAULT 0 CHECK (impact_24h BETWEEN 0 AND 4),
	impact_72h INTEGER NOT NULL DEFAULT 0 CHECK (impact_72h BETWEEN 0 AND 4),
	impact_1w INTEGER NOT NULL DEFAULT 0 CHECK (impact_1w BETWEEN 0 AND 4),
	mtpd_hours INTEGER CHECK (mtpd_hours >= 0),
	rto_hours INTEGER CHECK (rto_hours >= 0),
	rpo_hours INTEGER CHECK (rpo_hours >= 0),
	critical_periods TEXT NOT NULL DEFAULT '',
	emergency_level_percent INTEGER CHECK (emergency_level_percent BETWEEN 0 AND 100),
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER,
	CHECK (rto_hours IS NULL OR mtpd_hours IS NULL OR rto_hours <= mtpd_hours)
);
CREATE INDEX process_org ON process(org_id, deleted_at);

CREATE TABLE process_system (
	process_id INTEGER NOT NULL REFERENCES process(id),
	pos INTEGER NOT NULL,
	system_id INTEGER NOT NULL REFERENCES system(id),
	PRIMARY KEY (process_id, pos)
);
CREATE INDEX process_system_target ON process_system(system_id);
