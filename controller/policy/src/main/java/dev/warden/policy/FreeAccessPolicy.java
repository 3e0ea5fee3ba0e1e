package dev.warden.policy;

import java.time.Instant;

/**
 * Rule 10, first branch: a door with a free-access schedule (a lobby in office hours) grants any ENTRY that passed
 * rules 1–9 while that schedule is open, without an access level ({@link GrantBasis#FREE_ACCESS}). An EXIT, a door
 * without free access, or a free-access schedule unknown to the snapshot falls through to the other branches.
 */
public final class FreeAccessPolicy {

    public boolean isOpen(Door door, Direction direction, Instant at, AccessSnapshot snapshot) {
        if (direction != Direction.ENTRY || door.freeAccess() == null) {
            return false;
        }
        Schedule schedule = snapshot.scheduleOrNull(door.freeAccess());
        return schedule != null && schedule.isOpenAt(at);
    }
}
