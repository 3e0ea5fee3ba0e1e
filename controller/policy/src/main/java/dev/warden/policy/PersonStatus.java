package dev.warden.policy;

/** Employment / enrolment status of a person; only {@link #ACTIVE} people may pass a door. */
public enum PersonStatus {
    ACTIVE,
    SUSPENDED,
    TERMINATED
}
