package dev.warden.controller.mqtt;

import dev.warden.contract.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard topic filters for each kind of MQTT account, as documented in {@code docs/mqtt-contract.md}. Pass
 * them to {@link MqttAccounts#upsert}: {@code accounts.upsert(user, secret, acl.publish(), acl.subscribe())}.
 */
public final class DeviceAcls {

    /** What an account may publish to and subscribe to. */
    public record Acl(List<String> publish, List<String> subscribe) {
        public Acl {
            publish = List.copyOf(publish);
            subscribe = List.copyOf(subscribe);
        }
    }

    private DeviceAcls() {}

    /**
     * A standalone MQTT badge reader: publishes its reads, receives decisions on its own subtree (the default
     * decision topic or a response topic it names under {@code warden/v1/readers/{id}/}).
     */
    public static Acl reader(String readerId) {
        return new Acl(List.of(Topics.readerRead(readerId)), List.of(Topics.readerSubtree(readerId)));
    }

    /**
     * An edge agent: publishes events, access requests, reader-key requests and its status (also its Last Will);
     * receives access responses, reader-key responses and door commands. For each MQTT-native device it serves it
     * may also read the device's reads and state and send it commands.
     */
    public static Acl agent(String agentId, List<String> deviceIds) {
        List<String> publish = new ArrayList<>(List.of(
                Topics.agentEvents(agentId), Topics.agentAccessRequest(agentId), Topics.agentStatus(agentId),
                Topics.agentKeyRequest(agentId)));
        List<String> subscribe = new ArrayList<>(List.of(
                Topics.agentAccessResponse(agentId), Topics.agentCommands(agentId), Topics.agentKeyResponse(agentId)));
        for (String deviceId : deviceIds) {
            publish.add(Topics.deviceCommand(deviceId));
            subscribe.add(Topics.deviceRead(deviceId));
            subscribe.add(Topics.deviceState(deviceId));
        }
        return new Acl(publish, subscribe);
    }

    /** An MQTT-native device behind an agent: publishes reads and state, receives commands. */
    public static Acl device(String deviceId) {
        return new Acl(
                List.of(Topics.deviceRead(deviceId), Topics.deviceState(deviceId)),
                List.of(Topics.deviceCommand(deviceId)));
    }
}
