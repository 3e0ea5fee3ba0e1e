package dev.warden.policy;

import java.time.Instant;

/**
 * A card presented at a door at an instant: the question {@link AccessPolicy} answers.
 *
 * @param card the card read
 * @param door the door it was read at
 * @param at   when it was read
 */
public record AccessRequest(CardKey card, DoorId door, Instant at) {

    public AccessRequest {
        Checks.nonNull(card, "AccessRequest.card");
        Checks.nonNull(door, "AccessRequest.door");
        Checks.nonNull(at, "AccessRequest.at");
    }
}
