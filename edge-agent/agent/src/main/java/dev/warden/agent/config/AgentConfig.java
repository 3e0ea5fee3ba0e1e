package dev.warden.agent.config;

import dev.warden.codec.wiegand.WiegandFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The agent's validated configuration (see {@link AgentConfigLoader} for the file format). Every value here has
 * passed validation: ids match the contract's id pattern, device ids are unique, durations are in range.
 *
 * @param dataDir where the agent keeps its state (the event sequence counter)
 * @param serialBuses serial lines and their devices (OSDP readers, fingerprint modules, Modbus devices)
 * @param wiegandFormats the site's own card formats, decoded besides the standard ones
 */
public record AgentConfig(
        String agentId,
        MqttSettings mqtt,
        Duration decisionTimeout,
        Path dataDir,
        List<DoorConfig> doors,
        List<SerialBusConfig> serialBuses,
        List<WiegandFormat> wiegandFormats) {
    public AgentConfig {
        doors = List.copyOf(doors);
        serialBuses = List.copyOf(serialBuses);
        wiegandFormats = List.copyOf(wiegandFormats);
    }

    /** An agent with the standard Wiegand formats only. */
    public AgentConfig(
            String agentId, MqttSettings mqtt, Duration decisionTimeout, Path dataDir, List<DoorConfig> doors, List<SerialBusConfig> serialBuses) {
        this(agentId, mqtt, decisionTimeout, dataDir, doors, serialBuses, List.of());
    }

    /** An agent whose devices are all on MQTT. */
    public AgentConfig(String agentId, MqttSettings mqtt, Duration decisionTimeout, Path dataDir, List<DoorConfig> doors) {
        this(agentId, mqtt, decisionTimeout, dataDir, doors, List.of());
    }
}
