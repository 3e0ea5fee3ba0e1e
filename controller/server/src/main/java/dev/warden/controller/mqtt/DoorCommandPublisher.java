package dev.warden.controller.mqtt;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DoorCommand;
import dev.warden.contract.Topics;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends door commands to edge agents: QoS 1 on {@code warden/v1/agents/{agentId}/commands}, with a message expiry
 * ({@code warden.mqtt.command-expiry}, default 60 s) so that an agent that reconnects later does not act on a stale
 * unlock.
 */
@Singleton
public class DoorCommandPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(DoorCommandPublisher.class);

    private final BeanProvider<ControllerMqttClient> client;
    private final MqttSettings settings;
    private final MqttIngressStats stats;

    public DoorCommandPublisher(BeanProvider<ControllerMqttClient> client, MqttSettings settings,
            MqttIngressStats stats) {
        this.client = client;
        this.settings = settings;
        this.stats = stats;
    }

    /**
     * Publishes {@code command} to the agent's command topic.
     *
     * @throws IllegalArgumentException when {@code agentId} is not a valid id
     * @throws MqttPublishException when MQTT is disabled or the broker is not reachable right now
     */
    public void send(String agentId, DoorCommand command) {
        if (!Topics.isValidId(agentId)) {
            throw new IllegalArgumentException("agentId must match [A-Za-z0-9._-]{1,64}");
        }
        if (!settings.isEnabled() || !client.isPresent()) {
            throw new MqttPublishException("MQTT is disabled (warden.mqtt.enabled=false): command "
                    + command.commandId() + " not sent", null);
        }
        client.get().publish(Topics.agentCommands(agentId), ContractJson.write(command), 1,
                settings.getCommandExpiry(), null);
        stats.commandSent();
        LOG.info("Door command {} {} for door {} sent to agent {}", command.commandId(), command.action(),
                command.doorId(), agentId);
    }
}
