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
    /** Its condition ended while it was acknowledged: the controller cleared it. */
    AUTO_CLEARED,
    /**
     * Its condition ended before anyone acknowledged it: it stays open, marked as returned to normal, until an
     * operator acknowledges it (which closes it).
     */
    RETURNED_TO_NORMAL
}
