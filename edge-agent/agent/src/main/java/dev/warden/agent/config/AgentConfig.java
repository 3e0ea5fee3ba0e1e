package dev.warden.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The agent's validated configuration (see {@link AgentConfigLoader} for the file format). Every value here has
 * passed validation: ids match the contract's id pattern, device ids are unique, durations are in range.
 *
 * @param dataDir where the agent keeps its state (the event sequence counter)
 */
public record AgentConfig(String agentId, MqttSettings mqtt, Duration decisionTimeout, Path dataDir, List<DoorConfig> doors) {
    public AgentConfig {
        doors = List.copyOf(doors);
    }
}
