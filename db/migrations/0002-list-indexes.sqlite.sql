-- 0002-list-indexes: contacts and roles are listed by name; these indexes spare a sort on every page view.
CREATE INDEX contact_org_name ON contact(org_id, name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX role_org_name ON role(org_id, name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
