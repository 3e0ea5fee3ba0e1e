package dev.warden.policy;

/** Lifecycle status of a credential (badge); only {@link #ACTIVE} credentials may open a door. */
public enum CredentialStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    LOST,
    SURRENDERED
}
