package dev.warden.controller.event;

import dev.warden.contract.AgentEvent;

/**
 * Told about every agent event {@link AgentEventIngestion} has stored when, if it names a door, the agent serves
 * that door. The event is given as stored: when its agent time lay outside the accepted window it was stored with
 * the receipt time, and {@code occurredAt} is that receipt time (the agent's time in attribute {@code agentTime}
 * when there was room). Called on the ingesting thread after the event's transaction committed, once per stored event
 * (never for a duplicate), in arrival order per agent.
 *
 * <p>An implementation must be quick (it runs before the MQTT message is acknowledged) and must not rely on
 * exceptions: one that throws is logged and counted, and ingestion carries on with the next listener.
 */
public interface StoredAgentEventListener {
    /**
     * @param event  the event as the agent sent it
     * @param doorId the door the event was stored with (the event's door, or for a rejected read the door of its
     *               reader); null when the event concerns no door
     */
    void onStored(AgentEvent event, String doorId);
}
