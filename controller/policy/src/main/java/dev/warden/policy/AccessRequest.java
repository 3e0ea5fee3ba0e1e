package dev.warden.policy;

import java.time.Instant;

/**
 * A card presented at a door at an instant, with the finger matched after it when there was one: the question
 * {@link AccessPolicy} answers.
 *
 * @param card        the card read
 * @param door        the door it was read at
 * @param at          when it was read
 * @param fingerprint the finger a fingerprint module matched after the card, or null when none was presented
 */
public record AccessRequest(CardKey card, DoorId door, Instant at, FingerprintKey fingerprint) {

    public AccessRequest {
        Checks.nonNull(card, "AccessRequest.card");
        Checks.nonNull(door, "AccessRequest.door");
        Checks.nonNull(at, "AccessRequest.at");
    }

    /** A card alone. */
    public AccessRequest(CardKey card, DoorId door, Instant at) {
        this(card, door, at, null);
    }
}
