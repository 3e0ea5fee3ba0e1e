package dev.warden.sim.walker;

/** What a simulated badge read sends. */
public enum ReadKind {
    /** A decoded card from the configured list. */
    CARD,
    /** A decoded card that is not in the configured list (should be denied as unknown). */
    UNKNOWN_CARD,
    /** The card as raw H10301 Wiegand bits, encoded by the simulator. */
    WIEGAND,
    /** Raw Wiegand bits with a parity error (must be rejected). */
    BAD_PARITY,
    /** A payload that is not valid JSON (must be rejected, never crash anything). */
    MALFORMED_JSON
}
