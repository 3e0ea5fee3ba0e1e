package dev.warden.controller.event;

import java.time.Instant;

/**
 * Filters of an event search; null means "any".
 *
 * @param from     inclusive lower bound of {@code occurredAt}
 * @param to       exclusive upper bound of {@code occurredAt}
 * @param decision GRANT, DENY or REJECTED
 */
public record EventQuery(Instant from, Instant to, String doorId, String personId, String decision, int page,
                         int size) {}
