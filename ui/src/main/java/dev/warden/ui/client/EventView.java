package dev.warden.ui.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as the controller shows it to the console. Everything but {@code id}, {@code occurredAt} and
 * {@code kind} may be null: door and device events carry no person, rejected reads no decision reason.
 * {@code reasonText} is the controller's wording of {@code reason} for people.
 */
public record EventView(
        long id,
        Instant occurredAt,
        EventKind kind,
        String doorId,
        String doorName,
        String readerId,
        String direction,
        String personId,
        String personName,
        String credentialId,
        String card,
        Decision decision,
        String reason,
        String reasonText,
        String source,
        String agentId,
        Long seq) {

    public EventView {
        if (id <= 0) {
            throw new IllegalArgumentException("an event needs a positive id, got " + id);
        }
        Objects.requireNonNull(occurredAt, "an event needs occurredAt");
        Objects.requireNonNull(kind, "an event needs a known kind");
    }
}
