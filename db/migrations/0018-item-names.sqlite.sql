-- 0018-item-names: one view that names any live item (entity, id) of an organisation, for
-- tasks ("belongs to") and notifications ("a comment on …") without a query per kind.
CREATE VIEW item_name (org_id, entity, id, name) AS
	SELECT org_id, 'contact', id, name FROM contact WHERE deleted_at IS NULL
	UNION ALL SELECT org_id, 'role', id, name FROM role WHERE deleted_at IS NULL
	UNION ALL SELECT org_id, 'risk', id, title FROM risk WHERE deleted_at IS NULL
	UNION ALL SELECT org_id, 'risk_category', id, name FROM risk_own_category WHERE deleted_at IS NULL
	UNION ALL SELECT org_id, 'process', id, name FROM process WHERE deleted_at IS NULL
	UNION ALL SELECT org_id, 'system', id, name FROM system WHERE deleted_at IS NULL
	UNION ALL SELECT a.org_id, 'alarm_step', a.id, coalesce((SELECT c.name FROM contact c WHERE c.id = a.callee_contact_id), '')
		FROM alarm_step a WHERE a.deleted_at IS NULL
	UNION ALL SELECT org_id, 'backup', id, title FROM backup WHERE deleted_at IS NULL
	UNION ALL SELECT org_id, 'restore_test', id, date FROM restore_test WHERE deleted_at IS NULL
	UNION ALL SELECT r.org_id, 'runbook', r.id, coalesce((SELECT s.name FROM system s WHERE s.id = r.system_id), '')
		FROM runbook r WHERE r.deleted_at IS NULL
	UNION ALL SELECT org_id, 'workaround', id, title FROM workaround WHERE deleted_at IS NULL
	UNION ALL SELECT org_id, 'plan_copy', id, location FROM plan_copy WHERE deleted_at IS NULL
	UNION ALL SELECT k.org_id, 'acknowledgement', k.id, coalesce((SELECT c.name FROM contact c WHERE c.id = k.contact_id), '')
		FROM acknowledgement k WHERE k.deleted_at IS NULL
	UNION ALL SELECT org_id, 'comm_template', id, title FROM comm_template WHERE deleted_at IS NULL
	UNION ALL SELECT org_id, 'exercise', id, title FROM exercise WHERE deleted_at IS NULL
	UNION ALL SELECT org_id, 'finding', id, title FROM finding WHERE deleted_at IS NULL;
