-- Warden controller schema, version 2: when an operator's password, roles, enabled flag or existence last changed.
-- Every token carries the value current at sign-in; a token whose value differs is refused (sign-out on change).
-- Portable SQL (H2 2.x, PostgreSQL 13+).
ALTER TABLE operator ADD COLUMN credentials_changed_at TIMESTAMP WITH TIME ZONE;
UPDATE operator SET credentials_changed_at = created_at;
ALTER TABLE operator ALTER COLUMN credentials_changed_at SET NOT NULL;
