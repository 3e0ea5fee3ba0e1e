package dev.warden.policy;

import java.time.Instant;

/**
 * A granted passage that moves a person's presence (package-private): applied at once at a door, on the gate's next
 * passage at a gate.
 *
 * @param person    who
 * @param direction ENTRY into {@code doorArea}, EXIT out of it
 * @param door      through which door
 * @param doorArea  the door's area at grant time
 * @param at        when it was granted (for a held read: when it was let in)
 * @param escort    the escort a visitor enters with, or null
 */
record Move(PersonId person, Direction direction, DoorId door, AreaId doorArea, Instant at, PersonId escort) {
}
