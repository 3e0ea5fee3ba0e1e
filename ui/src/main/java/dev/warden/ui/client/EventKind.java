package dev.warden.ui.client;

/** What an event is about. */
public enum EventKind {
    /** A credential was presented at a reader and decided. */
    ACCESS,
    /** A door or gate changed state (opened, forced, held, locked). */
    DOOR,
    /** A device or agent changed state (online, offline, tamper). */
    DEVICE,
    /** A read the controller could not decide at all (malformed, unknown reader). */
    REJECTED_READ
}
