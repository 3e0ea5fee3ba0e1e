package dev.warden.policy;

import java.time.Instant;

/**
 * Grants a person an access level for a period: valid when {@code validFrom <= at < validUntil}, a null bound
 * being unbounded.
 *
 * @param person     who
 * @param level      which access level
 * @param validFrom  first instant (inclusive) or null
 * @param validUntil end (exclusive) or null; never before {@code validFrom}
 */
public record AccessAssignment(PersonId person, AccessLevelId level, Instant validFrom, Instant validUntil) {

    public AccessAssignment {
        Checks.nonNull(person, "AccessAssignment.person");
        Checks.nonNull(level, "AccessAssignment.level");
        Checks.validityOrder(validFrom, validUntil, "AccessAssignment " + person.value() + "/" + level.value());
    }

    /** An assignment without time bounds. */
    public static AccessAssignment permanent(PersonId person, AccessLevelId level) {
        return new AccessAssignment(person, level, null, null);
    }

    /** {@code true} when {@code validFrom <= at < validUntil}. */
    public boolean isValidAt(Instant at) {
        return Checks.within(validFrom, validUntil, at);
    }
}
