package dev.warden.controller.occupancy;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.event.StoredAgentEventListener;
import dev.warden.policy.DoorId;
import jakarta.inject.Singleton;

/**
 * Hands every stored gate passage ({@code PASSAGE} of a door the agent serves, timely) to the engine: the oldest
 * pending move granted at that gate takes effect (a granted turnstile read moves nobody until someone passes).
 */
@Singleton
class PassageListener implements StoredAgentEventListener {
    private final Occupancy occupancy;
    private final AccessIndex index;

    PassageListener(Occupancy occupancy, AccessIndex index) {
        this.occupancy = occupancy;
        this.index = index;
    }

    @Override
    public void onStored(AgentEvent event, String doorId) {
        if (event.type() == AgentEventType.PASSAGE && doorId != null) {
            occupancy.passage(new DoorId(doorId), event.occurredAt(), index.current().snapshot());
        }
    }
}
