package dev.warden.controller.mqtt;

import dev.warden.contract.NoDelaySocketFactories;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
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
 * The controller's one MQTT 5 client (Paho). Connects to the embedded broker with the internal account, or to
 * {@code warden.mqtt.external.uri}; keeps a persistent session (clean start false, session expiry), reconnects on
 * its own, subscribes through MQTT 5 shared subscriptions so several controllers split the load, and acknowledges
 * each QoS 1 message only when its handler says so ({@link Inbound#ack()}), so a message is not lost if the
 * controller dies while handling it. Paho types stay inside this class.
 */
@Singleton
@Requires(property = "warden.mqtt.enabled", notEquals = "false")
public class ControllerMqttClient implements AutoCloseable {

    /** A received message. Call {@link #ack()} exactly once when it has been handled (or rejected for good). */
    public record Inbound(
            String topic,
            byte[] payload,
            int qos,
            boolean retained,
            @Nullable String responseTopic,
            @Nullable byte[] correlationData,
            Runnable acker) {
        public void ack() {
            acker.run();
        }
    }

    /** Receives every message; must return quickly (hand work to an executor). */
    @FunctionalInterface
    public interface Handler {
        void onMessage(Inbound message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ControllerMqttClient.class);
    private static final int MAX_IN_FLIGHT = 1000;
    private static final long PUBLISH_PERMIT_WAIT_MS = 5000;
    private static final long REFUSAL_LOG_INTERVAL_NS = TimeUnit.SECONDS.toNanos(10);
    private static final long FORCED_RECONNECT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(10);

    private final MqttSettings settings;
    private final @Nullable LocalBroker localBroker;
    private final MqttIngressStats stats;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private final AtomicInteger connectAttempts = new AtomicInteger();
    private final AtomicLong lastRefusalLog = new AtomicLong();
    private final AtomicLong refusalsNotLogged = new AtomicLong();
    private final AtomicLong lastForcedReconnect = new AtomicLong();
    private final AtomicBoolean reconnecting = new AtomicBoolean();

    private volatile @Nullable MqttAsyncClient client;
    private volatile Semaphore inFlight = new Semaphore(10);
    private volatile int inFlightLimit = 10;
    private volatile List<MqttSubscription> subscriptions = List.of();
    private volatile @Nullable Handler handler;
    private volatile boolean closed;

    @Inject
    public ControllerMqttClient(MqttSettings settings, @Nullable LocalBroker localBroker, MqttIngressStats stats) {
        this.settings = settings;
        this.localBroker = localBroker;
        this.stats = stats;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warden-mqtt-connect");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects and subscribes, handing every message to {@code messageHandler}. Waits up to {@code waitForConnect}
     * for the first connection; keeps trying in the background after that.
     *
     * @param sharedFilters subscribed through the share group ({@code warden.mqtt.share-group}): each message goes to
     *     one controller instance
     * @param everyInstanceFilters subscribed plainly: every instance gets every message, and the broker sends the
     *     retained ones on subscribe (MQTT 5 never sends retained messages to shared subscriptions)
     */
    public synchronized void start(List<String> sharedFilters, List<String> everyInstanceFilters,
            Handler messageHandler, Duration waitForConnect) {
        if (client != null) {
            throw new IllegalStateException("MQTT client already started");
        }
        List<MqttSubscription> all = new ArrayList<>();
        String group = settings.getShareGroup();
        for (String filter : sharedFilters) {
            String full = group == null || group.isBlank() ? filter : "$share/" + group + "/" + filter;
            all.add(new MqttSubscription(full, 1));
        }
        for (String filter : everyInstanceFilters) {
            all.add(new MqttSubscription(filter, 1));
        }
        this.subscriptions = List.copyOf(all);
        this.handler = Objects.requireNonNull(messageHandler);
        String uri = serverUri();
        String clientId = clientId();
        try {
            MqttAsyncClient c = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
            c.setManualAcks(true);
            c.setCallback(new Callback());
            this.client = c;
        } catch (MqttException e) {
            throw new IllegalStateException("cannot create the MQTT client for " + uri + ": " + e.getMessage(), e);
        }
        LOG.info("MQTT client {} connecting to {}", clientId, uri);
        connect();
        try {
            if (!firstConnect.await(waitForConnect.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("MQTT broker {} not reachable yet; the controller keeps trying in the background", uri);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /** The broker URI this client uses. */
    public String serverUri() {
        String external = settings.getExternal().getUri();
        if (external != null && !external.isBlank()) {
            return external.trim();
        }
        if (localBroker == null) {
            throw new IllegalStateException("no MQTT broker: set warden.mqtt.external.uri, or leave "
                    + "warden.mqtt.embedded.enabled at true to use the embedded broker");
        }
        return localBroker.serverUri();
    }

    /**
     * Publishes one message (not retained). Asynchronous: when the broker later refuses a QoS 1 message (PUBACK reason
     * code 0x80 or above, e.g. 0x87 when an external broker's ACL does not let the controller's account write the
     * topic), the refusal is counted ({@link MqttIngressStats#publishRefused()}) and logged.
     *
     * @param expiry MQTT 5 message expiry, or null for none
     * @param correlationData MQTT 5 correlation data to echo, or null
     * @throws MqttPublishException when not connected or Paho refuses the message
     */
    public void publish(String topic, byte[] payload, int qos, @Nullable Duration expiry,
            @Nullable byte[] correlationData) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            throw new MqttPublishException("MQTT broker not connected; message to " + topic + " not sent", null);
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        message.setRetained(false);
        MqttProperties properties = new MqttProperties();
        if (expiry != null) {
            properties.setMessageExpiryInterval(Math.max(1, expiry.toSeconds()));
        }
        if (correlationData != null) {
            properties.setCorrelationData(correlationData);
        }
        message.setProperties(properties);
        Semaphore permits = inFlight;
        boolean acquired = false;
        if (qos > 0) {
            try {
                acquired = permits.tryAcquire(PUBLISH_PERMIT_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MqttPublishException("interrupted while publishing to " + topic, e);
            }
            if (!acquired) {
                throw new MqttPublishException("too many MQTT publishes in flight; message to " + topic + " not sent",
                        null);
            }
        }
        final boolean release = acquired;
        try {
            c.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (release) {
                        permits.release();
                    }
                    // Paho completes a QoS 1 publish "successfully" even when the PUBACK carries an error reason
                    // (e.g. 0x87 from an external broker whose ACL does not let our account write the topic)
                    int[] codes = token.getReasonCodes();
                    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                        refused(topic, codes[0]);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    if (release) {
                        permits.release();
                    }
                    LOG.warn("MQTT publish to {} failed: {}", topic, exception == null ? "?" : exception.toString());
                }
            });
        } catch (MqttException | RuntimeException e) {
            if (release) {
                permits.release();
            }
            throw new MqttPublishException("MQTT publish to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** Counts a publish the broker refused and logs it, at most one line per {@link #REFUSAL_LOG_INTERVAL_NS}. */
    private void refused(String topic, int reasonCode) {
        stats.publishRefused();
        long held = refusalsNotLogged.incrementAndGet();
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if ((last == 0 || now - last >= REFUSAL_LOG_INTERVAL_NS) && lastRefusalLog.compareAndSet(last, now)) {
            refusalsNotLogged.addAndGet(-held);
            String account = settings.getExternal().getUri() != null && !settings.getExternal().getUri().isBlank()
                    ? "warden.mqtt.external.username " + settings.getExternal().getUsername()
                    : "the internal account";
            LOG.warn("MQTT broker {} refused the controller's publish to {} (reason code 0x{}{}); the message was "
                            + "not delivered. Check that the broker's ACL lets {} write it{}",
                    serverUri(), topic, Integer.toHexString(reasonCode),
                    reasonCode == 0x87 ? " not authorized" : "", account,
                    held > 1 ? " (" + (held - 1) + " more refusals since the last message)" : "");
        } else {
            LOG.debug("MQTT broker refused the publish to {} (reason code 0x{})", topic,
                    Integer.toHexString(reasonCode));
        }
    }

    /**
     * Drops the connection and connects again at once, keeping the session, so that the broker delivers every QoS 1
     * message this client left unacknowledged again (MQTT 5 resends unacknowledged PUBLISHes when a session
     * resumes). Used when a message could not be handled for now and must not hold one of the broker's
     * receive-maximum slots until some later reconnect. Asynchronous; at most once per 10 s, further calls in that
     * time are ignored (one reconnect redelivers all). Returns true when a reconnect was started.
     */
    public boolean forceReconnect(String why) {
        MqttAsyncClient c = client;
        if (closed || c == null || !c.isConnected()) {
            return false;
        }
        long now = System.nanoTime();
        long last = lastForcedReconnect.get();
        if ((last != 0 && now - last < FORCED_RECONNECT_INTERVAL_NS) || !lastForcedReconnect.compareAndSet(last, now)
                || !reconnecting.compareAndSet(false, true)) {
            return false;
        }
        LOG.warn("MQTT client reconnecting on purpose ({}): unacknowledged messages will be delivered again", why);
        try {
            scheduler.execute(() -> {
                try {
                    if (c.isConnected()) {
                        c.disconnect(1000).waitForCompletion(3000);
                    }
                } catch (MqttException | RuntimeException e) {
                    LOG.debug("MQTT disconnect before reconnecting: {}", e.toString());
                } finally {
                    reconnecting.set(false);
                }
                stats.connected(false);
                connect();
            });
            return true;
        } catch (RuntimeException e) {
            reconnecting.set(false);
            LOG.debug("MQTT reconnect not scheduled: {}", e.toString());
            return false;
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            LOG.debug("MQTT disconnect: {}", e.toString());
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.debug("MQTT close: {}", e.toString());
        }
        stats.connected(false);
    }

    private void connect() {
        MqttAsyncClient c = client;
        if (closed || c == null || c.isConnected()) {
            return;
        }
        try {
            c.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    connectAttempts.set(0);
                    MqttProperties props = token.getResponseProperties();
                    Integer max = props == null ? null : props.getReceiveMaximum();
                    inFlightLimit = Math.min(max == null ? 65535 : max, MAX_IN_FLIGHT);
                    inFlight = new Semaphore(inFlightLimit);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    retryLater(exception);
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS
                    || e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_CONNECTED) {
                return;
            }
            retryLater(e);
        }
    }

    private void retryLater(Throwable cause) {
        if (closed) {
            return;
        }
        int attempt = connectAttempts.incrementAndGet();
        long delayMs = Math.min(30_000L, 500L * (1L << Math.min(attempt, 6)));
        LOG.warn("MQTT connect to {} failed ({}); retrying in {} ms", serverUri(), describe(cause), delayMs);
        try {
            scheduler.schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.debug("MQTT reconnect not scheduled: {}", e.toString());
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        String uri = serverUri();
        o.setServerURIs(new String[] {uri});
        o.setCleanStart(false);
        o.setSessionExpiryInterval(settings.getSessionExpiry().toSeconds());
        o.setKeepAliveInterval((int) settings.getKeepAlive().toSeconds());
        o.setConnectionTimeout((int) Math.max(1, settings.getConnectTimeout().toSeconds()));
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 30);
        o.setReceiveMaximum(settings.getReceiveMaximum());
        String external = settings.getExternal().getUri();
        if (external != null && !external.isBlank()) {
            if (settings.getExternal().getUsername() != null) {
                o.setUserName(settings.getExternal().getUsername());
            }
            if (settings.getExternal().getPassword() != null) {
                o.setPassword(settings.getExternal().getPassword().getBytes(StandardCharsets.UTF_8));
            }
        } else if (localBroker != null) {
            o.setUserName(localBroker.internalUsername());
            o.setPassword(localBroker.internalSecret());
        }
        if (uri.toLowerCase(Locale.ROOT).startsWith("ssl://")) {
            o.setSocketFactory(NoDelaySocketFactories.tls(sslContext().getSocketFactory()));
            o.setHttpsHostnameVerificationEnabled(true);
        } else {
            o.setSocketFactory(NoDelaySocketFactories.plain());
        }
        return o;
    }

    private SSLContext sslContext() {
        try {
            String path = settings.getExternal().getTruststorePath();
            if (path == null || path.isBlank()) {
                return SSLContext.getDefault();
            }
            String password = settings.getExternal().getTruststorePassword();
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                trust.load(in, password == null ? null : password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load warden.mqtt.external.truststore-path: " + e.getMessage(), e);
        }
    }

    private void subscribe() {
        MqttAsyncClient c = client;
        List<MqttSubscription> subscriptions = this.subscriptions;
        if (c == null || subscriptions.isEmpty()) {
            firstConnect.countDown();
            return;
        }
        try {
            c.subscribe(subscriptions.toArray(new MqttSubscription[0]), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    for (int i = 0; codes != null && i < codes.length && i < subscriptions.size(); i++) {
                        if (codes[i] >= 0x80) {
                            LOG.error("MQTT broker refused subscription {} (reason code {})",
                                    subscriptions.get(i).getTopic(), codes[i]);
                        }
                    }
                    LOG.info("MQTT client subscribed to {} filters", subscriptions.size());
                    firstConnect.countDown();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    LOG.error("MQTT subscribe failed: {}", describe(exception));
                }
            }, new MqttProperties());
        } catch (MqttException e) {
            LOG.error("MQTT subscribe failed: {}", describe(e));
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            stats.connected(true);
            if (reconnect) {
                // publishes lost with the old connection may never complete: start counting afresh
                inFlight = new Semaphore(inFlightLimit);
            }
            LOG.info("MQTT client {} to {}", reconnect ? "reconnected" : "connected", serverURI);
            // subscribing on Paho's callback thread can deadlock on its own token wait: do it from ours
            try {
                scheduler.execute(ControllerMqttClient.this::subscribe);
            } catch (RuntimeException e) {
                LOG.debug("MQTT subscribe not scheduled: {}", e.toString());
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            stats.connected(false);
            if (!closed) {
                String why = response == null ? "connection lost"
                        : (response.getReasonString() != null ? response.getReasonString() + ", " : "")
                                + "reason code " + response.getReturnCode()
                                + (response.getException() != null ? ", " + response.getException() : "");
                LOG.warn("MQTT client disconnected ({}); reconnecting automatically", why);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("MQTT error: {}", describe(exception));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttAsyncClient c = client;
            int id = message.getId();
            int qos = message.getQos();
            MqttProperties props = message.getProperties();
            Runnable acker = () -> {
                if (qos > 0 && c != null) {
                    try {
                        c.messageArrivedComplete(id, qos);
                    } catch (MqttException | RuntimeException e) {
                        LOG.debug("MQTT ack of message {} failed: {}", id, e.toString());
                    }
                }
            };
            Inbound inbound = new Inbound(topic, message.getPayload(), qos, message.isRetained(),
                    props == null ? null : props.getResponseTopic(),
                    props == null ? null : props.getCorrelationData(), acker);
            Handler h = handler;
            try {
                if (h == null) {
                    acker.run();
                } else {
                    h.onMessage(inbound);
                }
            } catch (RuntimeException e) {
                LOG.error("MQTT message on {} could not be dispatched: {}", topic, e.toString());
                acker.run();
            }
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // completion is handled per publish
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }

    private String clientId() {
        String configured = settings.getClientId();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "local";
            }
        }
        String id = "warden-controller-" + host.replaceAll("[^A-Za-z0-9._-]", "-");
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "?";
        }
        if (t instanceof MqttException m) {
            return m.getMessage() + " (reason " + m.getReasonCode() + ")"
                    + (m.getCause() != null ? ": " + m.getCause() : "");
        }
        return t.toString();
    }
}
