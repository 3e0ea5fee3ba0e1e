-- Warden controller schema, version 10: the policy data of V6 can no longer be stored inconsistent.
-- Portable SQL (H2 2.x, PostgreSQL 13+). The REST API already refuses every value these CHECKs refuse; they keep a
-- script, a restore or a later migration from writing a row that the access index would have to skip (the index
-- fails closed on such a row: a door whose area cannot be built is left out and denies every read, UNKNOWN_DOOR).
-- A database that already holds such a row fails this migration, naming the constraint: fix the row, then restart.

-- Sites: only the ThreatLevel names.
ALTER TABLE site ADD CONSTRAINT site_threat_level_ck
    CHECK (threat_level IN ('NORMAL', 'ELEVATED', 'HIGH', 'SEVERE'));

-- Areas: only the AntiPassback names; a re-entry time exactly when (and only when) the rule is TIMED.
ALTER TABLE area ADD CONSTRAINT area_anti_passback_ck
    CHECK (anti_passback IN ('NONE', 'HARD', 'SOFT', 'TIMED'));
ALTER TABLE area ADD CONSTRAINT area_timed_reentry_ck
    CHECK ((anti_passback = 'TIMED' AND passback_reentry_s IS NOT NULL)
        OR (anti_passback <> 'TIMED' AND passback_reentry_s IS NULL));

-- Doors: only the PortalKind and SecondFactor names.
ALTER TABLE door ADD CONSTRAINT door_kind_ck CHECK (kind IN ('DOOR', 'GATE'));
ALTER TABLE door ADD CONSTRAINT door_second_factor_ck CHECK (second_factor IN ('NONE', 'PIN', 'FINGERPRINT'));

-- People: only the PersonKind and PersonStatus names; a PIN hash needs its salt, a duress PIN needs a PIN.
ALTER TABLE person ADD CONSTRAINT person_kind_ck CHECK (kind IN ('EMPLOYEE', 'CONTRACTOR', 'VISITOR'));
ALTER TABLE person ADD CONSTRAINT person_status_ck CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED'));
ALTER TABLE person ADD CONSTRAINT person_pin_salt_ck CHECK (pin_hash IS NULL OR pin_salt IS NOT NULL);
ALTER TABLE person ADD CONSTRAINT person_duress_pin_ck CHECK (duress_pin_hash IS NULL OR pin_hash IS NOT NULL);

-- Visits: only the VisitStatus names.
ALTER TABLE visit ADD CONSTRAINT visit_status_ck
    CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED', 'CLOSED'));

-- The free-access UNLOCKs the controller has sent and not yet taken back with a LOCK: one row per door and agent
-- (id = door id + '@' + agent id), until when. At start-up the free-access scheduler sends every listed door its correct state
-- (a LOCK to the listed agent unless the door is free and open there now), so an unlock never outlives a restart,
-- a door moved to another agent or a free access removed while the controller was down.
CREATE TABLE free_access_unlock (
    id          VARCHAR(130) NOT NULL PRIMARY KEY,
    door_id     VARCHAR(64) NOT NULL,
    agent_id    VARCHAR(64) NOT NULL,
    until_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
