package dev.warden.policy;

import java.time.Instant;

/**
 * Where {@link AccessEngine} believes a person is: inside {@code area} (and so inside every area it is nested in).
 *
 * @param person the person
 * @param area   the innermost area they are in
 * @param since  when they entered it (the grant, or at a gate the passage)
 * @param door   the door they came in through
 * @param escort the escort a visitor entered with (null when that escort was not inside at the entry), or null; kept
 *               as entered, even after the escort left
 */
public record Presence(PersonId person, AreaId area, Instant since, DoorId door, PersonId escort) {

    public Presence {
        Checks.nonNull(person, "Presence.person");
        Checks.nonNull(area, "Presence.area");
        Checks.nonNull(since, "Presence.since");
        Checks.nonNull(door, "Presence.door");
    }
}
