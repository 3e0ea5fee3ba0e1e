package dev.warden.controller.site;

/** What an area is; informational (the policy does not look at it). */
public enum AreaKind {
    BUILDING,
    FLOOR,
    ZONE,
    HALL,
    ROOM,
    CAGE
}
