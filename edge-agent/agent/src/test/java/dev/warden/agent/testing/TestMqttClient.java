package dev.warden.agent.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain Paho client playing another party in a test (the controller, a device): it records every message it
 * receives and can react to messages with a handler.
 */
public final class TestMqttClient implements AutoCloseable {

    /** A received message. */
    public record Received(String topic, byte[] payload, boolean retained, String responseTopic, byte[] correlationData) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Consumer<Received>> handlers = new CopyOnWriteArrayList<>();

    private TestMqttClient(MqttAsyncClient client) {
        this.client = client;
    }

    public static TestMqttClient connect(String uri, String clientId) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        TestMqttClient t = new TestMqttClient(c);
        c.setCallback(t.new Callback());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        c.connect(o).waitForCompletion(10_000);
        return t;
    }

    public TestMqttClient subscribe(String... filters) throws MqttException {
        MqttSubscription[] subs = new MqttSubscription[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subs[i] = new MqttSubscription(filters[i], 1);
        }
        client.subscribe(subs, null, null, new MqttProperties()).waitForCompletion(10_000);
        return this;
    }

    /** Runs {@code handler} for every message received from now on (on Paho's thread). */
    public TestMqttClient onMessage(Consumer<Received> handler) {
        handlers.add(handler);
        return this;
    }

    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        client.publish(topic, new MqttMessage(payload, 1, retained, null)).waitForCompletion(10_000);
    }

    /** Publishes without waiting (safe to call from a message handler). */
    public IMqttToken publishAsync(String topic, byte[] payload, MqttProperties properties) throws MqttException {
        return client.publish(topic, new MqttMessage(payload, 1, false, properties));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    public List<Received> on(String topic) {
        return received(r -> r.topic().equals(topic));
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttProperties p = message.getProperties();
            Received r = new Received(topic, message.getPayload(), message.isRetained(),
                    p == null ? null : p.getResponseTopic(), p == null ? null : p.getCorrelationData());
            received.add(r);
            handlers.forEach(h -> h.accept(r));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
