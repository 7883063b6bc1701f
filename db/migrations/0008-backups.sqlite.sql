-- 0008-backups: step 3: the backup register (covered systems, copies) and the restore tests of each backup.
CREATE TABLE backup (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	version INTEGER NOT NULL DEFAULT 1,
	title TEXT NOT NULL,
	method TEXT NOT NULL DEFAULT '',
	frequency_hours INTEGER NOT NULL CHECK (frequency_hours BETWEEN 1 AND 8760),
	retention_days INTEGER CHECK (retention_days BETWEEN 1 AND 36500),
	encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
	responsible_contact_id INTEGER REFERENCES contact(id),
	notes TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX backup_org ON backup(org_id, deleted_at);

CREATE TABLE backup_system (
	backup_id INTEGER NOT NULL REFERENCES backup(id),
	pos INTEGER NOT NULL,
	system_id INTEGER NOT NULL REFERENCES system(id),
	PRIMARY KEY (backup_id, pos)
);
CREATE INDEX backup_system_target ON backup_system(system_id);

CREATE TABLE backup_copy (
	backup_id INTEGER NOT NULL REFERENCES backup(id),
	pos INTEGER NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('onsite', 'offsite', 'offline', 'cloud')),
	media TEXT NOT NULL,
	PRIMARY KEY (backup_id, pos)
);

CREATE TABLE restore_test (
	id INTEGER PRIMARY KEY,
	org_id INTEGER NOT NULL REFERENCES org(id),
	backup_id INTEGER NOT NULL REFERENCES backup(id),
	version INTEGER NOT NULL DEFAULT 1,
	date TEXT NOT NULL,
	result TEXT NOT NULL CHECK (result IN ('success', 'partial', 'failed')),
	duration_minutes INTEGER CHECK (duration_minutes >= 0),
	tested_by_contact_id INTEGER REFERENCES contact(id),
	notes TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES user(id),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES user(id),
	deleted_at INTEGER
);
CREATE INDEX restore_test_backup ON restore_test(org_id, backup_id, deleted_at);
