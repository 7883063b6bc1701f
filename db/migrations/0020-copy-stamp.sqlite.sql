-- 0020-copy-stamp: a copy of the plan may note the stamp of the export it holds (the 12 hex digits
-- printed on every export) and the approved plan version, so a stale copy is found by its content.
ALTER TABLE plan_copy ADD COLUMN stamp TEXT NOT NULL DEFAULT '' CHECK (stamp = '' OR (length(stamp) = 12 AND stamp NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE plan_copy ADD COLUMN plan_version INTEGER CHECK (plan_version IS NULL OR plan_version >= 1);
