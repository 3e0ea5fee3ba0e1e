package dev.warden.policy;

/** An authentication factor a grant checked ({@link Decision.Granted#factors()}). */
public enum Factor {
    /** The card (always). */
    CARD,
    /** A PIN typed on the keypad matched the holder's PIN (or duress PIN). */
    PIN,
    /** A finger matched an ACTIVE enrolled fingerprint of the holder. */
    FINGERPRINT
}
