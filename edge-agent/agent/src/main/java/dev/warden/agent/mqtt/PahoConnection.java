package dev.warden.agent.mqtt;

import dev.warden.contract.NoDelaySocketFactories;
import javax.net.ssl.SSLSocketFactory;
import dev.warden.agent.config.MqttSettings;
import dev.warden.agent.health.Counters;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one MQTT 5 connection (Paho), and the only class that knows Paho's connection handling:
 *
 * <ul>
 *   <li>TCP_NODELAY sockets; persistent session (clean start false, session expiry {@value #SESSION_EXPIRY_SECONDS} s);
 *   <li>the first connection is retried with bounded exponential backoff (1 s doubling to 30 s) so the agent may
 *       start before the broker; after that Paho reconnects by itself with the same bounds;
 *   <li>on every (re)connect the subscriptions are renewed and {@code onConnected} runs (the agent publishes its
 *       retained ONLINE status there);
 *   <li>every inbound message and callback is handed to the single {@code worker} thread, so the agent's logic
 *       never runs on Paho's thread and never blocks it; at most {@value #MAX_PENDING_INBOUND} inbound messages
 *       wait for it, further ones are dropped and counted ({@code mqtt.inbound-dropped}).
 * </ul>
 */
final class PahoConnection implements AutoCloseable {

    /** An inbound message, in plain Java types. */
    record Inbound(String topic, byte[] payload, boolean retained, String responseTopic, byte[] correlationData) {}

    record Subscription(String topicFilter, int qos) {}

    /** MQTT 5 request properties of an outbound message; {@code null} fields are left out. */
    record RequestProperties(String responseTopic, byte[] correlationData, Long messageExpirySeconds) {}

    /** Whether a publish may wait in Paho's buffer while the connection is down. */
    enum WhenOffline {
        BUFFER,
        DROP
    }

    static final long SESSION_EXPIRY_SECONDS = 3600;
    /** Inbound messages that may wait for the worker; above this they are dropped and counted (see BoundedInbound). */
    static final int MAX_PENDING_INBOUND = 1_000;
    static final int MIN_BACKOFF_SECONDS = 1;
    static final int MAX_BACKOFF_SECONDS = 30;
    private static final int REASON_CODE_MAX_INFLIGHT = 32202;
    private static final int MAX_INFLIGHT_RETRIES = 500;

    private static final Logger LOG = LoggerFactory.getLogger(PahoConnection.class);

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final String uri;
    private final String willTopic;
    private final Supplier<byte[]> willPayload;
    private final List<Subscription> subscriptions;
    private final BoundedInbound inbound;
    private final Runnable onConnected;
    private final ScheduledExecutorService worker;
    private final Counters counters;
    private volatile boolean closed;

    PahoConnection(
            MqttSettings settings,
            String clientId,
            String willTopic,
            Supplier<byte[]> willPayload,
            List<Subscription> subscriptions,
            Consumer<Inbound> inbound,
            Runnable onConnected,
            ScheduledExecutorService worker,
            Counters counters) {
        this.uri = settings.uri();
        this.willTopic = willTopic;
        this.willPayload = willPayload;
        this.subscriptions = List.copyOf(subscriptions);
        this.inbound = new BoundedInbound(worker, inbound, MAX_PENDING_INBOUND, counters);
        this.onConnected = onConnected;
        this.worker = worker;
        this.counters = counters;
        this.options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(MIN_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        boolean tls = URI.create(settings.uri()).getScheme().toLowerCase(Locale.ROOT).equals("ssl");
        options.setSocketFactory(tls
                ? NoDelaySocketFactories.tls((SSLSocketFactory) SSLSocketFactory.getDefault())
                : NoDelaySocketFactories.plain());
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        renewWill();
        try {
            this.client = new MqttAsyncClient(settings.uri(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client for " + settings.uri() + ": " + e.getMessage(), e);
        }
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(10_000);
        buffer.setPersistBuffer(false);
        buffer.setDeleteOldestMessages(false);
        client.setBufferOpts(buffer);
        client.setCallback(new Callback());
    }

    /** Starts connecting in the background; returns at once. */
    void start() {
        worker.execute(() -> connect(MIN_BACKOFF_SECONDS));
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /**
     * Puts a fresh Last Will into the connect options. Called before every connection attempt (ours, and Paho's
     * automatic reconnect, which starts after {@code disconnected}), so the will describes the session it belongs to.
     */
    private void renewWill() {
        options.setWill(willTopic, new MqttMessage(willPayload.get(), 1, true, null));
    }

    private void connect(int backoffSeconds) {
        if (closed) {
            return;
        }
        renewWill();
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.debug("connected to {}", uri);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retryConnect(backoffSeconds, e);
                }
            });
        } catch (MqttException e) {
            retryConnect(backoffSeconds, e);
        }
    }

    private void retryConnect(int backoffSeconds, Throwable cause) {
        if (closed) {
            return;
        }
        counters.increment("mqtt.connect-failed");
        LOG.warn("cannot connect to MQTT broker {} ({}); retrying in {} s", uri, describe(cause), backoffSeconds);
        worker.schedule(() -> connect(Math.min(backoffSeconds * 2, MAX_BACKOFF_SECONDS)), backoffSeconds, TimeUnit.SECONDS);
    }

    /**
     * Publishes a message; the future completes when the broker has it (QoS 1) or it was written (QoS 0), and fails
     * if it could not be sent. With {@link WhenOffline#DROP} a message is refused while the connection is down.
     */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained, WhenOffline whenOffline, RequestProperties request) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("connection closed"));
            return done;
        }
        if (whenOffline == WhenOffline.DROP && !client.isConnected()) {
            done.completeExceptionally(new IllegalStateException("not connected to the MQTT broker"));
            return done;
        }
        MqttProperties props = new MqttProperties();
        if (request != null) {
            props.setResponseTopic(request.responseTopic());
            props.setCorrelationData(request.correlationData());
            props.setMessageExpiryInterval(request.messageExpirySeconds());
        }
        MqttMessage message = new MqttMessage(payload, qos, retained, props);
        for (int attempt = 0; ; attempt++) {
            try {
                client.publish(topic, message, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        done.complete(null);
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        done.completeExceptionally(e);
                    }
                });
                return done;
            } catch (MqttException e) {
                // Paho's in-flight window (the broker's receive maximum) is full: it frees within a round trip.
                if (e.getReasonCode() == REASON_CODE_MAX_INFLIGHT && attempt < MAX_INFLIGHT_RETRIES) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    continue;
                }
                done.completeExceptionally(e);
                return done;
            }
        }
    }

    /** Disconnects cleanly (the broker then does not publish the Last Will) and releases the client. */
    @Override
    public void close() {
        closed = true;
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            LOG.warn("clean disconnect from {} failed: {}", uri, describe(e));
            try {
                client.disconnectForcibly(0, 1_000, false);
            } catch (MqttException again) {
                LOG.debug("forced disconnect failed too: {}", describe(again));
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the MQTT client: {}", describe(e));
        }
    }

    static String describe(Throwable e) {
        if (e instanceof MqttException m) {
            return "reason " + m.getReasonCode() + ": " + m.getMessage();
        }
        return e == null ? "unknown" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void subscribeAll() {
        if (subscriptions.isEmpty()) {
            return;
        }
        MqttSubscription[] subs = subscriptions.stream()
                .map(s -> new MqttSubscription(s.topicFilter(), s.qos()))
                .toArray(MqttSubscription[]::new);
        try {
            client.subscribe(subs, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    for (int i = 0; codes != null && i < codes.length && i < subs.length; i++) {
                        if (codes[i] >= 0x80) {
                            counters.increment("mqtt.subscribe-refused");
                            LOG.error("broker refused subscription to {} (reason code 0x{})", subs[i].getTopic(), Integer.toHexString(codes[i]));
                        }
                    }
                    LOG.debug("subscribed to {} topic filters", subs.length);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    counters.increment("mqtt.subscribe-failed");
                    LOG.error("subscribing failed: {}", describe(e));
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            counters.increment("mqtt.subscribe-failed");
            LOG.error("subscribing failed: {}", describe(e));
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (!closed) {
                renewWill();
                counters.increment("mqtt.disconnected");
                LOG.warn("connection to {} lost ({}); reconnecting", uri, response.getReasonString() != null
                        ? response.getReasonString() : describe(response.getException()));
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("MQTT error: {}", describe(e));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttProperties p = message.getProperties();
            Inbound in = new Inbound(
                    topic,
                    message.getPayload(),
                    message.isRetained(),
                    p == null ? null : p.getResponseTopic(),
                    p == null ? null : p.getCorrelationData());
            inbound.offer(in);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // publish completion is handled per message by its action listener
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info("{} MQTT broker {}", reconnect ? "reconnected to" : "connected to", serverUri);
            worker.execute(() -> {
                subscribeAll();
                onConnected.run();
            });
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            LOG.debug("AUTH packet ignored (reason {})", reasonCode);
        }
    }
}
