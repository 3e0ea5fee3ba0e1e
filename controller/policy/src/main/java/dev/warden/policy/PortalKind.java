package dev.warden.policy;

/** What kind of portal a door is; it decides when a grant moves the person's presence. */
public enum PortalKind {
    /** A door: a grant moves presence at once. */
    DOOR,
    /** A gate (turnstile, mantrap): a grant moves presence only on the gate's next passage (see {@link AccessEngine#passage}). */
    GATE
}
