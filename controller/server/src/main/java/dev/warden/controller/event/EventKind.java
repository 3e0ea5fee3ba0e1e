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
    REJECTED_READ,
    /**
     * An operator's security action (lockdown set or lifted, threat level changed, a visit approved, rejected or
     * cancelled, a passback state forgiven): {@code source} OPERATOR, {@code reason} the action code, {@code detail}
     * naming the operator and their reason (see {@code dev.warden.controller.access.OperatorActions}).
     */
    OPERATOR
}
