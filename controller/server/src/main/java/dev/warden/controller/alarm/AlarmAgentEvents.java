package dev.warden.controller.alarm;

import dev.warden.contract.AgentEvent;
import dev.warden.controller.event.StoredAgentEventListener;
import jakarta.inject.Singleton;

/** Hands every stored, timely agent event to the alarms. */
@Singleton
class AlarmAgentEvents implements StoredAgentEventListener {
    private final AlarmInputs inputs;

    AlarmAgentEvents(AlarmInputs inputs) {
        this.inputs = inputs;
    }

    @Override
    public void onStored(AgentEvent event, String doorId) {
        inputs.onAgentEvent(event, doorId);
    }
}
