package dev.warden.policy;

import java.time.Instant;

/**
 * A card presented at a door at an instant, in a direction, with the finger matched and the PIN typed with it when
 * there were any: the question {@link AccessPolicy} and {@link AccessEngine} answer.
 *
 * <p>{@link #toString()} never shows the PIN.
 *
 * @param card        the card read
 * @param door        the door it was read at
 * @param direction   ENTRY (into the door's area) or EXIT (out of it), from the reader's binding
 * @param at          when it was read
 * @param fingerprint the finger a fingerprint module matched after the card, or null when none was presented
 * @param pin         the PIN typed on the reader's keypad, or null when none was typed
 */
public record AccessRequest(CardKey card, DoorId door, Direction direction, Instant at, FingerprintKey fingerprint,
                            String pin) {

    public AccessRequest {
        Checks.nonNull(card, "AccessRequest.card");
        Checks.nonNull(door, "AccessRequest.door");
        Checks.nonNull(direction, "AccessRequest.direction");
        Checks.nonNull(at, "AccessRequest.at");
    }

    /** An ENTRY with a card and maybe a finger, no PIN. */
    public AccessRequest(CardKey card, DoorId door, Instant at, FingerprintKey fingerprint) {
        this(card, door, Direction.ENTRY, at, fingerprint, null);
    }

    /** An ENTRY with a card alone. */
    public AccessRequest(CardKey card, DoorId door, Instant at) {
        this(card, door, Direction.ENTRY, at, null, null);
    }

    /** A card alone, in {@code direction}. */
    public AccessRequest(CardKey card, DoorId door, Direction direction, Instant at) {
        this(card, door, direction, at, null, null);
    }

    @Override
    public String toString() {
        return "AccessRequest[card=" + card + ", door=" + door.value() + ", direction=" + direction + ", at=" + at
                + ", fingerprint=" + fingerprint + ", pin=" + (pin == null ? "none" : "****") + "]";
    }
}
