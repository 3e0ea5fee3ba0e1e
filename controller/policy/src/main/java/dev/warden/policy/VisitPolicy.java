package dev.warden.policy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 6: a {@link PersonKind#VISITOR} passes only inside an active visit: one whose status is APPROVED, whose window
 * {@code from <= at < until} holds, and whose areas contain the door's area or an ancestor of it; else
 * {@link DenyReason#NO_ACTIVE_VISIT}. This holds for ENTRY and EXIT reads alike: outside the window the visitor's
 * badge is dead. Employees and contractors pass this rule untouched.
 *
 * <p>Cost: one pass over the visitor's visits, and for each active one a walk up the area tree per allowed area.
 */
public final class VisitPolicy {

    public Optional<Decision.Denied> check(Person holder, Credential credential, Door door, Instant at,
                                           AccessSnapshot snapshot) {
        if (holder.kind() != PersonKind.VISITOR || coveringVisit(holder.id(), door.area(), at, snapshot) != null) {
            return Optional.empty();
        }
        return Optional.of(Decision.Denied.of(DenyReason.NO_ACTIVE_VISIT, credential));
    }

    /** The first (by id) visit of {@code visitor} active at {@code at} that allows {@code area}, or null. */
    static Visit coveringVisit(PersonId visitor, AreaId area, Instant at, AccessSnapshot snapshot) {
        List<Visit> visits = snapshot.visitsOf(visitor);
        for (int i = 0, n = visits.size(); i < n; i++) {
            Visit visit = visits.get(i);
            if (!visit.activeAt(at)) {
                continue;
            }
            Set<AreaId> allowed = visit.areas();
            if (allowed.contains(area)) {
                return visit;
            }
            for (AreaId outer : allowed) {
                if (snapshot.isWithin(area, outer)) {
                    return visit;
                }
            }
        }
        return null;
    }
}
