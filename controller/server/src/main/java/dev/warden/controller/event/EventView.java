package dev.warden.controller.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An event as the REST API and the live stream show it.
 *
 * @param card       e.g. {@code "H10301 12:4567"}
 * @param decision   GRANT, DENY, REJECTED, or null for door and device events
 * @param reason     reason code: GRANTED, a policy denial code, a rejection code, or the event type
 * @param reasonText a sentence for people: the denial's description or the rejection's detail
 * @param source     MQTT_READER or AGENT
 * @param seq        the agent's sequence number for agent events, else null
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventView(
        long id,
        Instant occurredAt,
        String kind,
        String doorId,
        String doorName,
        String readerId,
        String direction,
        String personId,
        String personName,
        String credentialId,
        String card,
        String decision,
        String reason,
        String reasonText,
        String source,
        String agentId,
        Long seq) {}
