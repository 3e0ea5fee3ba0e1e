package dev.warden.policy;

import java.util.Optional;

/**
 * Rule 8: at a {@link Door#threatMarked() threat-marked} door, while the site's threat level is above
 * {@link ThreatLevel#NORMAL}, an ENTRY needs {@code person.clearance() >= site.threat().ordinal()}; else
 * {@link DenyReason#THREAT_LEVEL}. An EXIT is never denied by the threat level (raising it must not trap anyone
 * inside). A door whose area or site is not in the snapshot is at NORMAL.
 */
public final class ThreatLevelPolicy {

    public Optional<Decision.Denied> check(Person holder, Credential credential, Door door, Direction direction,
                                           AccessSnapshot snapshot) {
        if (direction == Direction.EXIT || !door.threatMarked()) {
            return Optional.empty();
        }
        Site site = snapshot.siteOfDoorOrNull(door.id());
        if (site == null || site.threat() == ThreatLevel.NORMAL || holder.clearance() >= site.threat().ordinal()) {
            return Optional.empty();
        }
        return Optional.of(Decision.Denied.of(DenyReason.THREAT_LEVEL, credential));
    }
}
