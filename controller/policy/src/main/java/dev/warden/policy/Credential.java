package dev.warden.policy;

import java.time.Instant;

/**
 * A credential (badge) bound to one card and one holder.
 *
 * <p>It is valid at {@code at} when {@code validFrom <= at < validUntil}; a null bound is unbounded.
 *
 * @param id         the credential's id
 * @param card       the card it is read as
 * @param holder     the person holding it
 * @param status     lifecycle status
 * @param validFrom  first instant of validity (inclusive), or null for "since always"
 * @param validUntil end of validity (exclusive), or null for "forever"; never before {@code validFrom}
 */
public record Credential(CredentialId id, CardKey card, PersonId holder, CredentialStatus status,
                         Instant validFrom, Instant validUntil) {

    public Credential {
        Checks.nonNull(id, "Credential.id");
        Checks.nonNull(card, "Credential.card");
        Checks.nonNull(holder, "Credential.holder");
        Checks.nonNull(status, "Credential.status");
        Checks.validityOrder(validFrom, validUntil, "Credential " + id.value());
    }

    /** {@code true} when {@code validFrom <= at < validUntil}. */
    public boolean isValidAt(Instant at) {
        return Checks.within(validFrom, validUntil, at);
    }

    /** {@code true} when {@code at} lies before the start of validity. */
    public boolean isNotYetValidAt(Instant at) {
        return validFrom != null && at.isBefore(validFrom);
    }

    /** {@code true} when validity has ended at {@code at} ({@code at >= validUntil}). */
    public boolean isExpiredAt(Instant at) {
        return validUntil != null && !at.isBefore(validUntil);
    }
}
