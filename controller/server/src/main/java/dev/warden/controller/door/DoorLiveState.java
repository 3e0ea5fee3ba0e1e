package dev.warden.controller.door;

/** The last physical state reported for a door (by its lock or contact), or UNKNOWN before any report. */
public enum DoorLiveState {
    LOCKED,
    UNLOCKED,
    OPEN,
    CLOSED,
    UNKNOWN
}
