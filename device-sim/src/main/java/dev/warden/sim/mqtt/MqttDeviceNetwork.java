package dev.warden.sim.mqtt;

import dev.warden.contract.NoDelaySocketFactories;
import javax.net.ssl.SSLSocketFactory;
import dev.warden.sim.device.DeviceChannel;
import dev.warden.sim.device.DeviceNetwork;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
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
 * {@link DeviceNetwork} over MQTT 5 with Paho: one client per device (client id and username = device id,
 * TCP_NODELAY, clean start, automatic reconnect 1–30 s; the first connection is retried with the same bounded
 * backoff so the simulator may start before the broker). Messages and (re)connects are handed to the simulator's
 * device thread.
 */
public final class MqttDeviceNetwork implements DeviceNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDeviceNetwork.class);
    private static final int MIN_BACKOFF_SECONDS = 1;
    private static final int MAX_BACKOFF_SECONDS = 30;
    private static final int REASON_CODE_MAX_INFLIGHT = 32202;
    private static final int MAX_INFLIGHT_RETRIES = 500;

    private final String uri;
    private final ScheduledExecutorService executor;
    private final AtomicLong failedPublishes = new AtomicLong();

    public MqttDeviceNetwork(String uri, ScheduledExecutorService executor) {
        this.uri = uri;
        this.executor = executor;
    }

    @Override
    public DeviceChannel join(String deviceId, String password, List<String> subscriptions, BiConsumer<String, byte[]> onMessage, Runnable onConnected) {
        Channel channel = new Channel(deviceId, password, subscriptions, onMessage, onConnected);
        executor.execute(() -> channel.connect(MIN_BACKOFF_SECONDS));
        return channel;
    }

    /** Publishes that could not be sent, over all devices. */
    public long failedPublishes() {
        return failedPublishes.get();
    }

    private final class Channel implements DeviceChannel, MqttCallback {
        private final String deviceId;
        private final List<String> subscriptions;
        private final BiConsumer<String, byte[]> onMessage;
        private final Runnable onConnected;
        private final MqttAsyncClient client;
        private final MqttConnectionOptions options = new MqttConnectionOptions();
        private volatile boolean closed;
        private volatile boolean subscribed;

        Channel(String deviceId, String password, List<String> subscriptions, BiConsumer<String, byte[]> onMessage, Runnable onConnected) {
            this.deviceId = deviceId;
            this.subscriptions = List.copyOf(subscriptions);
            this.onMessage = onMessage;
            this.onConnected = onConnected;
            options.setCleanStart(true);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(MIN_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS);
            options.setKeepAliveInterval(30);
            options.setConnectionTimeout(10);
            boolean tls = URI.create(uri).getScheme().toLowerCase(Locale.ROOT).equals("ssl");
            options.setSocketFactory(tls
                    ? NoDelaySocketFactories.tls((SSLSocketFactory) SSLSocketFactory.getDefault())
                    : NoDelaySocketFactories.plain());
            options.setUserName(deviceId);
            if (password != null) {
                options.setPassword(password.getBytes(StandardCharsets.UTF_8));
            }
            try {
                client = new MqttAsyncClient(uri, deviceId, new MemoryPersistence());
            } catch (MqttException e) {
                throw new IllegalArgumentException("cannot create MQTT client for " + uri + ": " + e.getMessage(), e);
            }
            client.setCallback(this);
        }

        void connect(int backoffSeconds) {
            if (closed) {
                return;
            }
            try {
                client.connect(options, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        LOG.debug("device {} connected", deviceId);
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        retry(backoffSeconds, e);
                    }
                });
            } catch (MqttException e) {
                retry(backoffSeconds, e);
            }
        }

        private void retry(int backoffSeconds, Throwable e) {
            if (closed) {
                return;
            }
            LOG.warn("device {} cannot connect to {} ({}); retrying in {} s", deviceId, uri, describe(e), backoffSeconds);
            executor.schedule(() -> connect(Math.min(2 * backoffSeconds, MAX_BACKOFF_SECONDS)), backoffSeconds, TimeUnit.SECONDS);
        }

        @Override
        public void publish(String topic, byte[] payload, boolean retained) {
            if (closed || !client.isConnected()) {
                failedPublishes.incrementAndGet();
                LOG.warn("device {} is not connected; message to {} dropped", deviceId, topic);
                return;
            }
            MqttMessage message = new MqttMessage(payload, 1, retained, null);
            for (int attempt = 0; ; attempt++) {
                try {
                    client.publish(topic, message, null, new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            // delivered to the broker
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable e) {
                            failedPublishes.incrementAndGet();
                            LOG.warn("device {}: message to {} not delivered ({})", deviceId, topic, describe(e));
                        }
                    });
                    return;
                } catch (MqttException e) {
                    if (e.getReasonCode() == REASON_CODE_MAX_INFLIGHT && attempt < MAX_INFLIGHT_RETRIES) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                        continue;
                    }
                    failedPublishes.incrementAndGet();
                    LOG.warn("device {}: message to {} not sent ({})", deviceId, topic, describe(e));
                    return;
                }
            }
        }

        /** Connected and subscribed: ready to take part. */
        @Override
        public boolean isConnected() {
            return client.isConnected() && subscribed;
        }

        @Override
        public void close() {
            closed = true;
            try {
                if (client.isConnected()) {
                    client.disconnect(1_000).waitForCompletion(2_000);
                }
            } catch (MqttException e) {
                LOG.debug("device {} disconnect: {}", deviceId, describe(e));
            }
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("device {} close: {}", deviceId, describe(e));
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            subscribed = false;
            if (!closed) {
                LOG.warn("device {} lost its connection; reconnecting", deviceId);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("device {}: MQTT error {}", deviceId, describe(e));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            byte[] payload = message.getPayload();
            executor.execute(() -> {
                try {
                    onMessage.accept(topic, payload);
                } catch (RuntimeException e) {
                    LOG.error("device {} failed handling a message on {}", deviceId, topic, e);
                }
            });
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // per-message listeners report failures
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.debug("device {} {} {}", deviceId, reconnect ? "reconnected to" : "connected to", serverUri);
            executor.execute(() -> {
                if (subscriptions.isEmpty()) {
                    subscribed = true;
                } else {
                    MqttSubscription[] subs = subscriptions.stream().map(t -> new MqttSubscription(t, 1)).toArray(MqttSubscription[]::new);
                    try {
                        client.subscribe(subs, null, new MqttActionListener() {
                            @Override
                            public void onSuccess(IMqttToken token) {
                                subscribed = true;
                            }

                            @Override
                            public void onFailure(IMqttToken token, Throwable e) {
                                LOG.error("device {} cannot subscribe: {}", deviceId, describe(e));
                            }
                        }, new MqttProperties());
                    } catch (MqttException e) {
                        LOG.error("device {} cannot subscribe: {}", deviceId, describe(e));
                    }
                }
                try {
                    onConnected.run();
                } catch (RuntimeException e) {
                    LOG.error("device {} failed after connecting", deviceId, e);
                }
            });
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            LOG.debug("device {}: AUTH packet ignored", deviceId);
        }
    }

    static String describe(Throwable e) {
        if (e instanceof MqttException m) {
            return "reason " + m.getReasonCode() + ": " + m.getMessage();
        }
        return e == null ? "unknown" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
