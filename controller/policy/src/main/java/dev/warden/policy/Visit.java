package dev.warden.policy;

import java.time.Instant;
import java.util.Set;

/**
 * A visit: a visitor's stay, requested by a host and approved by security, for a time window and a set of areas.
 * Rule 6 lets a VISITOR pass only inside an {@link #activeAt active} visit whose areas contain the door's area or
 * one of its ancestors.
 *
 * @param id      the visit's id
 * @param visitor the visiting person (kind VISITOR)
 * @param host    the person who requested it
 * @param status  lifecycle status
 * @param from    start of the window (inclusive)
 * @param until   end of the window (exclusive), not before {@code from}
 * @param areas   the areas the visit allows (copied); an area allows everything nested in it
 */
public record Visit(VisitId id, PersonId visitor, PersonId host, VisitStatus status, Instant from, Instant until,
                    Set<AreaId> areas) {

    public Visit {
        Checks.nonNull(id, "Visit.id");
        Checks.nonNull(visitor, "Visit.visitor");
        Checks.nonNull(host, "Visit.host");
        Checks.nonNull(status, "Visit.status");
        Checks.nonNull(from, "Visit.from");
        Checks.nonNull(until, "Visit.until");
        Checks.validityOrder(from, until, "Visit " + id.value());
        Checks.nonNull(areas, "Visit.areas");
        areas = Set.copyOf(areas);
    }

    /** {@code status == APPROVED && from <= at < until}. */
    public boolean activeAt(Instant at) {
        return status == VisitStatus.APPROVED && !at.isBefore(from) && at.isBefore(until);
    }
}
