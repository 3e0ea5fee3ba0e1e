package dev.warden.agent.event;

import dev.warden.contract.AgentEvent;

/** Port: deliver a numbered event to the controller (at least once). */
public interface PublishEvent {
    void publish(AgentEvent event);
}
