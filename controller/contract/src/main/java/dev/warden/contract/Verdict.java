package dev.warden.contract;

/** What a decision message says: the door opens, it stays shut, or the request itself was unusable. */
public enum Verdict {
    GRANT,
    DENY,
    /** The request could not be read (malformed JSON, missing field, bad Wiegand parity…); see the reason. */
    REJECTED
}
