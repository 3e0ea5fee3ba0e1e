package dev.warden.controller.event;

/** What an event row records. */
public enum EventKind {
    /** A decided card read (granted or denied). */
    ACCESS,
    /** A door's state changed, a door command was executed, or someone passed a gate. */
    DOOR,
    /** A device came online or went offline, reported tamper, a sensor reading or a sensor alarm. */
    DEVICE,
    /** A read that could not be decided (e.g. a Wiegand parity error). */
    REJECTED_READ
}
