package dev.warden.policy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Rule 10, last branch: an access level must open the door now.
 *
 * <p>Considers the holder's assignments valid at {@code at} whose level exists and contains the door:
 * <ul>
 *   <li>none → {@link DenyReason#NO_ACCESS_LEVEL};</li>
 *   <li>some, but none of their schedules is open at {@code at} → {@link DenyReason#OUTSIDE_SCHEDULE}
 *       (a schedule id unknown to the snapshot counts as closed);</li>
 *   <li>otherwise {@link Decision.Granted} naming the first such level by id order.</li>
 * </ul>
 * Cost: one pass over the holder's assignments (pre-sorted by level id), no allocation but the result.
 */
public final class AccessLevelSchedulePolicy {

    /** The decision for the card alone ({@link Decision.Granted#CARD_ONLY}). */
    public Decision evaluate(Credential credential, DoorId door, Instant at, AccessSnapshot snapshot) {
        return evaluate(credential, door, at, snapshot, Decision.Granted.CARD_ONLY);
    }

    /** The decision; a grant records {@code factors} (which must contain CARD). */
    public Decision evaluate(Credential credential, DoorId door, Instant at, AccessSnapshot snapshot,
                             Set<Factor> factors) {
        List<AccessAssignment> assignments = snapshot.assignmentsOf(credential.holder());
        boolean someLevelCoversDoor = false;
        for (int i = 0, n = assignments.size(); i < n; i++) {
            AccessAssignment assignment = assignments.get(i);
            if (!assignment.isValidAt(at)) {
                continue;
            }
            AccessLevel level = snapshot.levelOrNull(assignment.level());
            if (level == null || !level.covers(door)) {
                continue;
            }
            someLevelCoversDoor = true;
            Schedule schedule = snapshot.scheduleOrNull(level.schedule());
            if (schedule != null && schedule.isOpenAt(at)) {
                // assignments are sorted by level id, so the first open one is the lowest id that grants
                return new Decision.Granted(credential.holder(), credential.id(), level.id(), factors,
                        GrantBasis.ACCESS_LEVEL);
            }
        }
        return Decision.Denied.of(
                someLevelCoversDoor ? DenyReason.OUTSIDE_SCHEDULE : DenyReason.NO_ACCESS_LEVEL, credential);
    }
}
