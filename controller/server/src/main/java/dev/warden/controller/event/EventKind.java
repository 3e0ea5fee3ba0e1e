package dev.warden.controller.event;

/** What an event row records. */
public enum EventKind {
    /** A decided card read (granted or denied). */
    ACCESS,
    /** A door's state changed or a door command was executed. */
    DOOR,
    /** A device came online or went offline. */
    DEVICE,
    /** A read that could not be decided (e.g. a Wiegand parity error). */
    REJECTED_READ
}
