package dev.warden.agent.mqtt;

import dev.warden.agent.event.PublishEvent;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.ContractJson;
import dev.warden.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PublishEvent} on {@code agents/{id}/events}, QoS 1. While the broker is unreachable events wait in
 * Paho's in-memory buffer and leave, in order, on reconnect; the durable journal that survives a restart is a
 * later feature. An event that cannot even be buffered is logged and counted.
 */
final class MqttEventPublisher implements PublishEvent {

    private static final Logger LOG = LoggerFactory.getLogger(MqttEventPublisher.class);

    private final String topic;
    private final PahoConnection connection;
    private final Counters counters;

    MqttEventPublisher(String agentId, PahoConnection connection, Counters counters) {
        this.topic = Topics.agentEvents(agentId);
        this.connection = connection;
        this.counters = counters;
    }

    @Override
    public void publish(AgentEvent event) {
        connection
                .publish(topic, ContractJson.write(event), 1, false, PahoConnection.WhenOffline.BUFFER, null)
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        counters.increment("event.publish-failed");
                        LOG.error("event #{} ({}) could not be sent: {}", event.seq(), event.type(), PahoConnection.describe(e));
                    }
                });
    }
}
