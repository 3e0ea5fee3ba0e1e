package dev.warden.agent.mqtt;

import dev.warden.agent.door.AccessFlow;
import dev.warden.agent.door.DoorCommands;
import dev.warden.agent.door.DoorStates;
import dev.warden.agent.health.Counters;
import dev.warden.contract.ContractJson;
import dev.warden.contract.DeviceState;
import dev.warden.contract.DoorCommand;
import dev.warden.contract.Parsed;
import dev.warden.contract.ReaderRead;
import dev.warden.contract.Topics;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each inbound MQTT message to the door logic: device reads, device states, controller commands and
 * access decisions. Payloads are parsed with {@link ContractJson}; anything malformed is logged (reason, never
 * the payload), counted under {@code payload.rejected.<kind>.<reason>} and dropped. Nothing thrown here escapes.
 */
final class AgentInbound implements Consumer<PahoConnection.Inbound> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentInbound.class);

    private final String responseTopic;
    private final String commandsTopic;
    private final AccessFlow access;
    private final DoorStates states;
    private final DoorCommands commands;
    private final MqttControllerClient controller;
    private final MqttKeyClient keys;
    private final String keyResponseTopic;
    private final Counters counters;

    AgentInbound(
            String agentId, AccessFlow access, DoorStates states, DoorCommands commands, MqttControllerClient controller,
            MqttKeyClient keys, Counters counters) {
        this.keys = keys;
        this.keyResponseTopic = Topics.agentKeyResponse(agentId);
        this.responseTopic = Topics.agentAccessResponse(agentId);
        this.commandsTopic = Topics.agentCommands(agentId);
        this.access = access;
        this.states = states;
        this.commands = commands;
        this.controller = controller;
        this.counters = counters;
    }

    @Override
    public void accept(PahoConnection.Inbound message) {
        try {
            route(message);
        } catch (RuntimeException e) {
            counters.increment("inbound.failed");
            LOG.error("handling a message on {} failed", message.topic(), e);
        }
    }

    private void route(PahoConnection.Inbound m) {
        String topic = m.topic();
        if (topic.equals(responseTopic)) {
            controller.onResponse(m);
            return;
        }
        if (topic.equals(keyResponseTopic)) {
            keys.onResponse(m);
            return;
        }
        if (topic.equals(commandsTopic)) {
            parse(m, DoorCommand.class, "command").ifPresent(commands::onCommand);
            return;
        }
        var deviceId = Topics.idAt(topic, "devices");
        if (deviceId.isPresent() && topic.equals(Topics.deviceRead(deviceId.get()))) {
            if (m.retained()) {
                counters.increment("read.retained");
                LOG.warn("retained read on {} ignored: a read is an event, not a state", topic);
                return;
            }
            parse(m, ReaderRead.class, "read").ifPresent(read -> access.onRead(deviceId.get(), read)
                    .whenComplete((outcome, e) -> {
                        if (e != null) {
                            counters.increment("read.failed");
                            LOG.error("read {} at {} failed", read.requestId(), deviceId.get(), e);
                        } else {
                            LOG.debug("read {} at {}: {}", read.requestId(), deviceId.get(), outcome);
                        }
                    }));
            return;
        }
        if (deviceId.isPresent() && topic.equals(Topics.deviceState(deviceId.get()))) {
            if (m.payload().length == 0) {
                LOG.debug("retained state of {} cleared", deviceId.get());
                return;
            }
            parse(m, DeviceState.class, "state").ifPresent(state -> states.onDeviceState(deviceId.get(), state));
            return;
        }
        counters.increment("inbound.unexpected-topic");
        LOG.warn("message on unexpected topic {} ignored", topic);
    }

    private <T> Optional<T> parse(PahoConnection.Inbound m, Class<T> type, String kind) {
        return switch (ContractJson.parse(m.payload(), type)) {
            case Parsed.Ok<T>(T value) -> Optional.of(value);
            case Parsed.Rejected<T>(String reason, String detail, String requestId) -> {
                counters.increment("payload.rejected." + kind + "." + reason);
                LOG.warn("malformed {} on {} rejected: {} ({}){}", kind, m.topic(), reason, detail,
                        requestId == null ? "" : " requestId=" + requestId);
                yield Optional.empty();
            }
        };
    }
}
