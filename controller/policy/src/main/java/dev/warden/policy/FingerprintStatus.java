package dev.warden.policy;

/** Lifecycle status of an enrolled fingerprint; only {@link #ACTIVE} fingerprints confirm a card holder. */
public enum FingerprintStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED
}
