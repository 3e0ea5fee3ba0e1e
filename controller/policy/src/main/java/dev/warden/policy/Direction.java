package dev.warden.policy;

/**
 * Which way a read asks to pass a door. The direction comes from the reader's binding (entry reader or exit reader).
 */
public enum Direction {
    /** Into the door's area. */
    ENTRY,
    /** Out of the door's area, into its parent area (or off the site when the area has no parent). */
    EXIT
}
