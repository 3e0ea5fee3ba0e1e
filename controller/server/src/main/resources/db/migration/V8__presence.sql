-- Version 8: who is inside. One row per person the controller believes is inside an area: the innermost area
-- (being inside cage-a means being inside its hall and building too), since when, through which door, and the
-- escort a visitor came in with. Written off the decision path by the presence journal, read once at start-up to
-- restore the access engine's presence (anti-passback, escort and two-person rules, occupancy, muster).
-- No foreign keys: like events, a presence row may outlive the door, area or person it names.
CREATE TABLE presence (
    person_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    area_id     VARCHAR(64)  NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    door_id     VARCHAR(64),
    escort_id   VARCHAR(64)
);
CREATE INDEX presence_area_idx ON presence (area_id);
