package dev.warden.controller.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Row of table {@code access_event}. {@code id} is null until stored. {@code (agentId, seq)} is unique for agent
 * events; both are null for events from standalone MQTT readers and for decisions the controller made.
 */
@MappedEntity(value = "access_event", escape = false)
public record AccessEventRow(
        @Id @GeneratedValue @Nullable Long id,
        Instant occurredAt,
        String kind,
        @Nullable String doorId,
        @Nullable String readerId,
        @Nullable String direction,
        @Nullable String personId,
        @Nullable String credentialId,
        @Nullable String card,
        @Nullable String decision,
        @Nullable String reason,
        String source,
        @Nullable String agentId,
        @Nullable Long seq,
        @Nullable String detail) {

    public static final int MAX_DETAIL = 1000;

    /** Trims free text to what the column holds. */
    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
