package dev.warden.controller.mqtt;

import dev.warden.contract.NoDelaySocketFactories;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Real Paho v5 device clients for integration tests (TCP_NODELAY, clean start, short timeouts). */
public final class TestMqttClients {

    private TestMqttClients() {}

    /** A message a test client received. */
    public record Received(String topic, MqttMessage message) {
        public String text() {
            return new String(message.getPayload(), StandardCharsets.UTF_8);
        }
    }

    /** A connected client plus everything it receives. */
    public static final class Device implements AutoCloseable {
        public final MqttAsyncClient client;
        public final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        public volatile MqttDisconnectResponse disconnect;

        Device(MqttAsyncClient client) {
            this.client = client;
        }

        /** Publishes at QoS 1 and returns the PUBACK reason code (0 = success, 135 = not authorized). */
        public int publish(String topic, byte[] payload) throws MqttException {
            return publish(topic, payload, null, null);
        }

        public int publish(String topic, byte[] payload, String responseTopic, byte[] correlation)
                throws MqttException {
            MqttMessage m = new MqttMessage(payload);
            m.setQos(1);
            MqttProperties p = new MqttProperties();
            if (responseTopic != null) {
                p.setResponseTopic(responseTopic);
            }
            if (correlation != null) {
                p.setCorrelationData(correlation);
            }
            m.setProperties(p);
            try {
                IMqttToken token = client.publish(topic, m);
                token.waitForCompletion(5000);
                int[] codes = token.getReasonCodes();
                return codes == null || codes.length == 0 ? 0 : codes[0];
            } catch (MqttException e) {
                return e.getReasonCode();
            }
        }

        /** Subscribes at QoS 1 and returns the SUBACK reason code (0/1 = granted, 135 = not authorized). */
        public int subscribe(String filter) throws MqttException {
            try {
                IMqttToken token = client.subscribe(filter, 1);
                token.waitForCompletion(5000);
                int[] codes = token.getReasonCodes();
                return codes == null || codes.length == 0 ? -1 : codes[0];
            } catch (MqttException e) {
                return e.getReasonCode();
            }
        }

        @Override
        public void close() {
            try {
                if (client.isConnected()) {
                    client.disconnect(100).waitForCompletion(2000);
                }
                client.close(true);
            } catch (MqttException e) {
                // test teardown: the broker may already have dropped the client
            }
        }
    }

    /** Connects; throws the MqttException (with the CONNACK reason code) if the broker refuses. */
    public static Device connect(String uri, String clientId, String username, String password)
            throws MqttException {
        return connect(uri, clientId, username, password, o -> {});
    }

    /** As {@link #connect(String, String, String, String)}, with extra connect options (e.g. a Will). */
    public static Device connect(String uri, String clientId, String username, String password,
            Consumer<MqttConnectionOptions> options) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        Device device = new Device(client);
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                device.disconnect = response;
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                device.received.add(new Received(topic, message));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setConnectionTimeout(5);
        o.setSocketFactory(NoDelaySocketFactories.plain());
        if (username != null) {
            o.setUserName(username);
        }
        if (password != null) {
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        options.accept(o);
        try {
            client.connect(o).waitForCompletion(5000);
        } catch (MqttException e) {
            try {
                client.close(true);
            } catch (MqttException ignored) {
                // already closed
            }
            throw e;
        }
        return device;
    }
}
