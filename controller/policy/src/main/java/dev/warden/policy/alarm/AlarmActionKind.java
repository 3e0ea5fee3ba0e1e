package dev.warden.policy.alarm;

/** What was done to an alarm. */
public enum AlarmActionKind {
    /** The alarm was raised. */
    RAISED,
    /** Its condition happened again while it was open (its count went up). */
    REPEATED,
    /** An operator acknowledged it, with a comment. */
    ACKNOWLEDGED,
    /** A supervisor raised its priority by one, with a comment. */
    ESCALATED,
    /** A supervisor cleared it, with a comment. */
    CLEARED,
    /** Its condition ended and the controller cleared it. */
    AUTO_CLEARED
}
