package dev.warden.contract;

import java.time.Instant;
import java.util.Map;

/**
 * Agent → controller, QoS 1: something that happened at the edge. {@code (agentId, seq)} identifies the event;
 * the controller stores each pair once, so redelivery is harmless. {@code seq} increases by one per event of an
 * agent, starting at 1, and survives agent restarts.
 *
 * @param type see {@link AgentEventType}
 * @param attributes type-specific facts, e.g. {@code state=OPEN} for {@code DOOR_STATE}; at most 32 entries
 */
public record AgentEvent(
        String agentId,
        long seq,
        Instant occurredAt,
        AgentEventType type,
        String doorId,
        String deviceId,
        Map<String, String> attributes) {
    public AgentEvent {
        Messages.requireId("agentId", agentId);
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1");
        }
        if (occurredAt == null || type == null) {
            throw new IllegalArgumentException("occurredAt and type are required");
        }
        if (doorId != null) {
            Messages.requireId("doorId", doorId);
        }
        if (deviceId != null) {
            Messages.requireId("deviceId", deviceId);
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        if (attributes.size() > 32) {
            throw new IllegalArgumentException("at most 32 attributes");
        }
        for (var e : attributes.entrySet()) {
            if (e.getKey().length() > 64 || e.getValue().length() > 256) {
                throw new IllegalArgumentException("attribute keys are at most 64 and values 256 characters");
            }
        }
    }
}
