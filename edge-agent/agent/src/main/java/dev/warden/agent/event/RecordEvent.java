package dev.warden.agent.event;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import java.util.Map;

/**
 * Port: record something that happened at the edge. The implementation numbers the event (the agent's sequence),
 * stamps it and sends it to the controller.
 *
 * @param doorId the door, or {@code null}
 * @param deviceId the device, or {@code null}
 * @return the event as recorded
 */
public interface RecordEvent {
    AgentEvent record(AgentEventType type, String doorId, String deviceId, Map<String, String> attributes);
}
