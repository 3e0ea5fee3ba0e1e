package dev.warden.policy;

/** Anti-passback mode of an area (rule 11, applied by {@link AccessEngine}). */
public enum AntiPassback {
    /** No anti-passback. */
    NONE,
    /** Deny an ENTRY by someone believed inside, and an EXIT by someone believed outside. */
    HARD,
    /** Grant, but signal {@link SignalType#PASSBACK} where HARD would deny. */
    SOFT,
    /** Deny a re-ENTRY within the area's {@code passbackReentry} of the person's last entry into it. */
    TIMED
}
