package dev.warden.policy;

import java.util.Optional;

/**
 * Rule 7: no ENTRY into a locked-down place. An ENTRY is denied {@link DenyReason#LOCKDOWN} when the door's area is
 * locked down, when any area it is nested in is, or when its site is, unless the person is
 * {@link Person#lockdownExempt() lockdown-exempt} (responders). An EXIT is never denied by lockdown: nobody is
 * locked in. A door whose area is not in the snapshot is under no lockdown.
 *
 * <p>Cost: one walk up the area tree.
 */
public final class LockdownPolicy {

    public Optional<Decision.Denied> check(Person holder, Credential credential, Door door, Direction direction,
                                           AccessSnapshot snapshot) {
        if (direction == Direction.EXIT || holder.lockdownExempt() || !isLockedDown(door.area(), snapshot)) {
            return Optional.empty();
        }
        return Optional.of(Decision.Denied.of(DenyReason.LOCKDOWN, credential));
    }

    /** {@code true} when {@code area}, an area it is nested in, or its site is locked down. */
    static boolean isLockedDown(AreaId area, AccessSnapshot snapshot) {
        Area walk = snapshot.areaOrNull(area);
        if (walk == null) {
            return false;
        }
        Site site = snapshot.siteOrNull(walk.site());
        if (site != null && site.lockedDown()) {
            return true;
        }
        for (int depth = 0; walk != null && depth <= snapshot.areas().size(); depth++) {
            if (walk.lockedDown()) {
                return true;
            }
            walk = walk.parent() == null ? null : snapshot.areaOrNull(walk.parent());
        }
        return false;
    }
}
