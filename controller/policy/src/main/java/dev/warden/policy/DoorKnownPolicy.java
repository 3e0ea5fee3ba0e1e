package dev.warden.policy;

import java.util.Optional;

/** Rule 1: the door must be in the snapshot, else {@link DenyReason#UNKNOWN_DOOR}. */
public final class DoorKnownPolicy {

    public Optional<Decision.Denied> check(DoorId door, AccessSnapshot snapshot) {
        return snapshot.knowsDoor(door) ? Optional.empty() : Optional.of(Decision.Denied.of(DenyReason.UNKNOWN_DOOR));
    }
}
