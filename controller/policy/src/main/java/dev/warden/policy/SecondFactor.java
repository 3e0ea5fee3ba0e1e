package dev.warden.policy;

/**
 * What a door requires besides the card. Every rule that reads this enum switches over it exhaustively, so adding a
 * value makes the compiler point at each of them. There is deliberately no PIN-only mode: a card is always needed,
 * which is how "PIN-only is forbidden for restricted areas" holds everywhere.
 */
public enum SecondFactor {
    /** The card alone. */
    NONE,
    /** The card, then the holder's PIN typed on the reader's keypad (the duress PIN also opens, silently). */
    PIN,
    /** The card, then a finger that the door's fingerprint module matches to the card holder. */
    FINGERPRINT
}
