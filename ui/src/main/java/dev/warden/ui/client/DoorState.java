package dev.warden.ui.client;

/** A door's state as the controller last heard it from the door's agent. */
public enum DoorState {
    LOCKED,
    UNLOCKED,
    OPEN,
    CLOSED,
    /** Nothing heard yet, or the controller no longer trusts what it heard (agent offline). */
    UNKNOWN
}
