package dev.warden.controller.person;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Row of table {@code person}; kind and status hold the names of the policy enums. {@code clearance} 0..3 is the
 * {@code ThreatLevel} ordinal the person is cleared for at threat-marked doors. The PIN columns hold hex: one random
 * salt, SHA-256(salt || PIN) and SHA-256(salt || duress PIN); all null when no PIN is set. They are secrets: never
 * put into a response or a log line.
 */
@MappedEntity(value = "person", escape = false)
public record PersonRow(
        @Id String id,
        String displayName,
        String kind,
        String status,
        int clearance,
        boolean mayEscort,
        boolean lockdownExempt,
        @Nullable String pinSalt,
        @Nullable String pinHash,
        @Nullable String duressPinHash) {

    @Creator
    public PersonRow {}

    /** A person with clearance 0, no escort right, no lockdown exemption, no PIN. */
    public PersonRow(String id, String displayName, String kind, String status) {
        this(id, displayName, kind, status, 0, false, false, null, null, null);
    }

    /** The same person with other PIN columns (all null = no PIN). */
    public PersonRow withPin(String salt, String hash, String duressHash) {
        return new PersonRow(id, displayName, kind, status, clearance, mayEscort, lockdownExempt, salt, hash,
                duressHash);
    }

    /** Never prints the PIN columns. */
    @Override
    public String toString() {
        return "PersonRow[id=" + id + ", kind=" + kind + ", status=" + status + ", clearance=" + clearance
                + ", mayEscort=" + mayEscort + ", lockdownExempt=" + lockdownExempt + ", pin=" + (pinHash != null)
                + ", duressPin=" + (duressPinHash != null) + "]";
    }
}
