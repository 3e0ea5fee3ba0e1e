package dev.warden.policy;

import java.time.Instant;

/**
 * A change of where {@link AccessEngine} believes a person is. Apply the changes of one result in their order: an
 * {@link Entered} sets the person's presence (replacing any earlier one), a {@link Left} or {@link Forgotten} clears
 * it. An EXIT into a parent area is a {@link Left} of the door's area followed by an {@link Entered} of the parent.
 */
public sealed interface PresenceChange permits PresenceChange.Entered, PresenceChange.Left, PresenceChange.Forgotten {

    /** The person concerned. */
    PersonId person();

    /**
     * The person is now inside {@code presence.area()}.
     *
     * @param presence the new presence
     */
    record Entered(Presence presence) implements PresenceChange {
        public Entered {
            Checks.nonNull(presence, "Entered.presence");
        }

        @Override
        public PersonId person() {
            return presence.person();
        }
    }

    /**
     * The person left {@code from} through {@code door}.
     *
     * @param person the person
     * @param from   the area left (the door's area)
     * @param door   the door
     * @param at     when
     */
    record Left(PersonId person, AreaId from, DoorId door, Instant at) implements PresenceChange {
        public Left {
            Checks.nonNull(person, "Left.person");
            Checks.nonNull(from, "Left.from");
            Checks.nonNull(door, "Left.door");
            Checks.nonNull(at, "Left.at");
        }
    }

    /**
     * Where the person is is no longer known (a forgiven passback state, or a pending move whose person is no longer
     * active).
     *
     * @param person the person
     * @param at     when
     */
    record Forgotten(PersonId person, Instant at) implements PresenceChange {
        public Forgotten {
            Checks.nonNull(person, "Forgotten.person");
            Checks.nonNull(at, "Forgotten.at");
        }
    }
}
