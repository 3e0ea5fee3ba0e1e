package dev.warden.contract;

import java.time.Instant;

/** Retained on {@link Topics#agentStatus}: ONLINE on connect, OFFLINE as the agent's Last Will or clean stop. */
public record AgentStatus(String agentId, State state, Instant at, String version) {
    public enum State {
        ONLINE,
        OFFLINE
    }

    public AgentStatus {
        Messages.requireId("agentId", agentId);
        if (state == null || at == null) {
            throw new IllegalArgumentException("state and at are required");
        }
    }
}
