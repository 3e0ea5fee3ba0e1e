package dev.warden.agent.mqtt;

import dev.warden.agent.event.DeliverEvent;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.ContractJson;
import dev.warden.contract.Topics;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DeliverEvent} on {@code agents/{id}/events}, QoS 1: the journal's forwarder hands it one event at a time and
 * learns from the returned stage when the broker's PUBACK arrived (Paho's per-message action listener, not
 * {@code waitForCompletion}). While the link is down a delivery fails at once ({@link PahoConnection.WhenOffline#DROP}):
 * the durable journal, not Paho's in-memory buffer, keeps events until the link is back ({@link #connected}).
 */
final class MqttEventPublisher implements DeliverEvent {

    private static final Logger LOG = LoggerFactory.getLogger(MqttEventPublisher.class);

    private final String topic;
    private final PahoConnection connection;
    private final Counters counters;
    private final List<Runnable> readyListeners = new CopyOnWriteArrayList<>();

    MqttEventPublisher(String agentId, PahoConnection connection, Counters counters) {
        this.topic = Topics.agentEvents(agentId);
        this.connection = connection;
        this.counters = counters;
    }

    @Override
    public boolean ready() {
        return connection.isConnected();
    }

    @Override
    public CompletionStage<Void> deliver(AgentEvent event) {
        return connection
                .publish(topic, ContractJson.write(event), 1, false, PahoConnection.WhenOffline.DROP, null)
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        counters.increment("event.publish-failed");
                        LOG.debug("event #{} ({}) not confirmed: {}", event.seq(), event.type(), PahoConnection.describe(e));
                    }
                });
    }

    @Override
    public void onReady(Runnable listener) {
        readyListeners.add(listener);
    }

    /** The connection is (back) up: the journal's forwarder starts again from its first unconfirmed event. */
    void connected() {
        for (Runnable r : readyListeners) {
            r.run();
        }
    }
}
