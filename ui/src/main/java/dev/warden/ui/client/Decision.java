package dev.warden.ui.client;

/** The controller's answer to a read. */
public enum Decision {
    GRANT,
    DENY,
    /** The read itself was rejected (malformed, unknown reader) before any access decision. */
    REJECTED
}
