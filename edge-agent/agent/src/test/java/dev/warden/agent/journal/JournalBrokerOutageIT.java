package dev.warden.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.EdgeAgent;
import dev.warden.agent.codec.CodecWiegandDecoder;
import dev.warden.agent.config.AgentConfig;
import dev.warden.agent.config.MqttSettings;
import dev.warden.agent.testing.Doors;
import dev.warden.agent.testing.EmbeddedBroker;
import dev.warden.codec.wiegand.WiegandFormats;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.ContractJson;
import dev.warden.contract.Parsed;
import dev.warden.contract.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies end to end, with the real agent ({@link EdgeAgent}: recorder → journal → forwarder → Paho) and a real
 * HiveMQ, that every event reaches a subscriber exactly once by {@code (agentId, seq)} and in order, while the broker
 * is stopped and restarted in the middle of a stream of events, and while the agent's connection is cut.
 *
 * <p>The restart test runs HiveMQ with file persistence on the same data folder (as a production broker would), so a
 * message the broker confirmed (PUBACK) before it stopped is still delivered after the restart: the journal's
 * guarantee ends at the PUBACK; an in-memory broker that restarts loses what it had confirmed but not yet delivered.
 */
class JournalBrokerOutageIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final JournalSettings SETTINGS = JournalSettings.defaults().withSizes(64 * 1024, 16L << 20, 1L << 20);

    @TempDir
    Path dir;

    @Test
    void everyEventArrivesOnceAndInOrderAcrossABrokerStopAndRestart() throws Exception {
        int port = EmbeddedBroker.freePort();
        Path brokerHome = Files.createDirectories(dir.resolve("broker"));
        AtomicReference<EmbeddedBroker> broker = new AtomicReference<>(EmbeddedBroker.startIn(brokerHome, port, true));
        String uri = "tcp://127.0.0.1:" + port;
        try (Watcher watcher = Watcher.connect(uri, "agent-j");
                EdgeAgent agent = startAgent("agent-j", uri)) {
            await().atMost(WAIT).until(agent::isConnected);
            Producer producer = new Producer(agent);

            // phase 1: a stream while the broker runs; it is stopped in the middle of the stream
            producer.start();
            await().atMost(WAIT).until(() -> watcher.distinct() >= 150);
            broker.get().close();
            await().atMost(WAIT).until(() -> !agent.isConnected());

            // phase 2: events keep coming while the broker is down: journaled, not sent
            long atStop = producer.recorded.get();
            await().atMost(WAIT).until(() -> producer.recorded.get() >= atStop + 200);
            assertThat(agent.journalStats().lastSeq()).isGreaterThan(agent.journalStats().ackedSeq());

            // phase 3: the broker is back; the stream goes on and the journal is forwarded, in order
            broker.set(EmbeddedBroker.startIn(brokerHome, port, true));
            long atRestart = producer.recorded.get();
            await().atMost(WAIT).until(() -> producer.recorded.get() >= atRestart + 150);
            producer.stop();
            long total = producer.recorded.get();

            await().atMost(WAIT).untilAsserted(() -> assertThat(watcher.distinct())
                    .as(() -> "received " + watcher.describe(total) + "; agent acknowledged " + agent.journalStats() + " " + agent.counters())
                    .isEqualTo(total));
            assertThat(watcher.firstArrivals()).isEqualTo(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
            await().atMost(WAIT).until(() -> agent.journalStats().ackedSeq() == total);
            assertThat(agent.counters().getOrDefault("journal.refused", 0L)).isZero();
        } finally {
            broker.get().close();
        }
    }

    @Test
    void everyEventArrivesOnceAndInOrderWhenTheAgentsConnectionIsCutMidStream() throws Exception {
        int port = EmbeddedBroker.freePort();
        EmbeddedBroker broker = EmbeddedBroker.startIn(Files.createDirectories(dir.resolve("broker-k")), port, false);
        String uri = "tcp://127.0.0.1:" + port;
        try (Watcher watcher = Watcher.connect(uri, "agent-k");
                EdgeAgent agent = startAgent("agent-k", uri)) {
            await().atMost(WAIT).until(agent::isConnected);
            Producer producer = new Producer(agent);
            producer.start();
            for (int cut = 1; cut <= 2; cut++) {
                long before = watcher.distinct();
                await().atMost(WAIT).until(() -> watcher.distinct() >= before + 100);
                broker.dropConnectionOf("agent-k");
                int expected = cut;
                await().atMost(WAIT).until(() -> agent.counters().getOrDefault("mqtt.disconnected", 0L) >= expected);
                await().atMost(WAIT).until(agent::isConnected);
            }
            long atEnd = producer.recorded.get();
            await().atMost(WAIT).until(() -> producer.recorded.get() >= atEnd + 100);
            producer.stop();
            long total = producer.recorded.get();

            await().atMost(WAIT).until(() -> watcher.distinct() >= total);
            assertThat(watcher.firstArrivals()).isEqualTo(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList());
            await().atMost(WAIT).until(() -> agent.journalStats().ackedSeq() == total);
            assertThat(agent.counters().getOrDefault("journal.resend", 0L)).isPositive();
        } finally {
            broker.close();
        }
    }

    private EdgeAgent startAgent(String agentId, String uri) {
        AgentConfig config = new AgentConfig(agentId, new MqttSettings(uri, null, null), Duration.ofMillis(500),
                dir.resolve(agentId), List.of(Doors.lobby()));
        return EdgeAgent.start(config, Clock.systemUTC(), new CodecWiegandDecoder(WiegandFormats.standard()), SETTINGS);
    }

    /** Records DOOR_STATE events through the agent, one after the other, on its own thread. */
    static final class Producer {
        final AtomicLong recorded = new AtomicLong();
        private final EdgeAgent agent;
        private final Thread thread;
        private volatile boolean running = true;

        Producer(EdgeAgent agent) {
            this.agent = agent;
            this.thread = new Thread(this::run, "event-producer");
        }

        void start() {
            thread.start();
        }

        private void run() {
            for (long i = 0; running; i++) {
                AgentEvent e = agent.eventRecorder().record(AgentEventType.DOOR_STATE, Doors.LOBBY, Doors.LOBBY_CONTACT,
                        Map.of("state", i % 2 == 0 ? "OPEN" : "CLOSED"));
                recorded.set(e.seq());
                // about 1,000 events/s: a busy site, and a bounded test
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }

    /**
     * The controller's side, as far as this test needs it: a persistent-session subscriber (clean start off, session
     * kept an hour, reconnecting by itself) that keeps each {@code (agentId, seq)} once, in order of first arrival.
     */
    static final class Watcher implements AutoCloseable {
        private final MqttAsyncClient client;
        private final Map<Long, Boolean> seen = new ConcurrentHashMap<>();
        private final List<Long> firstArrivals = new CopyOnWriteArrayList<>();
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLong connects = new AtomicLong();
        private final AtomicReference<String> lastDisconnect = new AtomicReference<>();

        private Watcher(MqttAsyncClient client) {
            this.client = client;
        }

        static Watcher connect(String uri, String agentId) throws MqttException {
            MqttAsyncClient c = new MqttAsyncClient(uri, "watcher-" + agentId, new MemoryPersistence());
            Watcher w = new Watcher(c);
            String topic = Topics.agentEvents(agentId);
            c.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String t, MqttMessage message) {
                    if (ContractJson.parse(message.getPayload(), AgentEvent.class) instanceof Parsed.Ok<AgentEvent> ok) {
                        w.arrived(ok.value());
                    }
                }

                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                    w.connects.incrementAndGet();
                    if (reconnect) {
                        try {
                            c.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)}, null, null, new MqttProperties());
                        } catch (MqttException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }

                @Override
                public void disconnected(MqttDisconnectResponse response) {
                    w.lastDisconnect.set(String.valueOf(response));
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {}

                @Override
                public void deliveryComplete(IMqttToken token) {}

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {}
            });
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(false);
            o.setSessionExpiryInterval(3600L);
            o.setAutomaticReconnect(true);
            o.setAutomaticReconnectDelay(1, 2);
            c.connect(o).waitForCompletion(10_000);
            c.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)}, null, null, new MqttProperties()).waitForCompletion(10_000);
            return w;
        }

        private synchronized void arrived(AgentEvent e) {
            if (seen.putIfAbsent(e.seq(), Boolean.TRUE) == null) {
                firstArrivals.add(e.seq());
            } else {
                duplicates.incrementAndGet();
            }
        }

        String describe(long total) {
            List<Long> missing = java.util.stream.LongStream.rangeClosed(1, total).filter(s -> !seen.containsKey(s)).limit(20).boxed().toList();
            return seen.size() + " distinct of " + total + ", " + duplicates.get() + " duplicates, first missing " + missing
                    + " (watcher connected " + client.isConnected() + ", connects " + connects.get() + ", last disconnect " + lastDisconnect.get() + ")";
        }

        long distinct() {
            return seen.size();
        }

        List<Long> firstArrivals() {
            return new ArrayList<>(firstArrivals);
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        }
    }
}
