-- Warden controller schema, version 9: fixes to the alarms of V7.
-- Portable SQL (H2 2.x and PostgreSQL 13+), same conventions as V1.

-- An alarm whose condition ends before anyone acknowledged it is no longer closed: it stays open (open_key kept)
-- in the state RETURNED_TO_NORMAL until an operator acknowledges it. returned_at is when its condition ended
-- (NULL otherwise). The action RETURNED_TO_NORMAL records it in the history; both names need wider columns.
ALTER TABLE alarm ALTER COLUMN state SET DATA TYPE VARCHAR(24);
ALTER TABLE alarm_action ALTER COLUMN action SET DATA TYPE VARCHAR(24);
ALTER TABLE alarm DROP CONSTRAINT alarm_state_ck;
ALTER TABLE alarm ADD CONSTRAINT alarm_state_ck
    CHECK (state IN ('ACTIVE', 'ACKNOWLEDGED', 'RETURNED_TO_NORMAL', 'CLEARED'));
ALTER TABLE alarm ADD COLUMN returned_at TIMESTAMP WITH TIME ZONE;

-- Optimistic locking: every update of an alarm row checks and increments version, so a writer holding a stale copy
-- (another controller instance, a repeat racing an operator's clear) fails and retries from a fresh read instead of
-- reopening a cleared alarm or undoing an acknowledgement.
ALTER TABLE alarm ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- Device and sensor alarms are per agent (place keys device:<agentId>/<deviceId>, sensor:<agentId>/<deviceId>/<q>);
-- the open ones of an agent are counted before a new one is opened (bounded per agent).
CREATE INDEX alarm_agent_open_idx ON alarm (agent_id, open_key);
