package dev.warden.policy;

/**
 * What a door requires besides the card. Card + PIN (a {@code PIN} value) is planned separately; every rule that
 * reads this enum switches over it exhaustively, so adding a value makes the compiler point at each of them.
 */
public enum SecondFactor {
    /** The card alone. */
    NONE,
    /** The card, then a finger that the door's fingerprint module matches to the card holder. */
    FINGERPRINT
}
