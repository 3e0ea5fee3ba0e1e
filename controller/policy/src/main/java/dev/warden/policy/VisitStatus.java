package dev.warden.policy;

/** Lifecycle of a visit; only an {@link #APPROVED} visit lets a visitor pass, and only inside its window. */
public enum VisitStatus {
    REQUESTED,
    APPROVED,
    REJECTED,
    CANCELLED,
    CLOSED
}
