package dev.warden.agent.testing;

import dev.warden.agent.event.RecordEvent;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link RecordEvent} that numbers events from 1 and keeps them in memory. */
public final class RecordingEvents implements RecordEvent {

    private final List<AgentEvent> events = new ArrayList<>();

    @Override
    public synchronized AgentEvent record(AgentEventType type, String doorId, String deviceId, Map<String, String> attributes) {
        AgentEvent e = new AgentEvent("agent-test", events.size() + 1, Instant.EPOCH, type, doorId, deviceId, attributes);
        events.add(e);
        return e;
    }

    public synchronized List<AgentEvent> events() {
        return List.copyOf(events);
    }
}
