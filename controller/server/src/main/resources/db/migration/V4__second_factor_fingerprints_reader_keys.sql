-- Warden controller schema, version 4: card + fingerprint doors, enrolled fingerprints, OSDP reader keys.
-- Portable SQL (H2 2.x, PostgreSQL 13+).

-- What a door requires besides the card: NONE or FINGERPRINT (dev.warden.policy.SecondFactor).
ALTER TABLE door ADD COLUMN second_factor VARCHAR(16) DEFAULT 'NONE' NOT NULL;

-- A finger enrolled in the library of one fingerprint module, at one page: (module_id, page_id) is what the module
-- reports on a match, so it names at most one fingerprint. status: ACTIVE, SUSPENDED or REVOKED.
CREATE TABLE fingerprint (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    person_id    VARCHAR(64)  NOT NULL REFERENCES person (id),
    module_id    VARCHAR(64)  NOT NULL,
    page_id      INTEGER      NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    enrolled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fingerprint_module_page_uq UNIQUE (module_id, page_id),
    CONSTRAINT fingerprint_page_ck CHECK (page_id BETWEEN 0 AND 65535)
);
CREATE INDEX fingerprint_person_idx ON fingerprint (person_id);

-- The OSDP Secure Channel base key (SCBK, 16 bytes as 32 hex characters) of each reader, created at the first
-- request of the reader's agent and never changed by the controller afterwards. A secret: never logged.
CREATE TABLE reader_key (
    reader_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    scbk        VARCHAR(32)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
