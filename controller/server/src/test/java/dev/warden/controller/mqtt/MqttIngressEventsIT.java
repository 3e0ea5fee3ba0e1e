package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.ContractJson;
import dev.warden.contract.Topics;
import dev.warden.controller.broker.BrokerFixture;
import dev.warden.controller.event.IngestResult;
import dev.warden.controller.mqtt.TestMqttClients.Device;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verifies how agent events survive a failing database: the real embedded broker and the controller's real Paho
 * client, with the event store replaced by a scripted function (database outage, bad data).
 */
class MqttIngressEventsIT {

    private static final String AGENT_SECRET = "agent-events-secret";

    private static BrokerFixture fx;
    /** Scripted store: per event seq, how many calls fail and with which SQLSTATE. */
    private static final Map<Long, Script> scripts = new ConcurrentHashMap<>();
    private static final Queue<Long> calls = new ConcurrentLinkedQueue<>();
    private static MqttIngress ingress;

    private record Script(int failures, String sqlState, AtomicInteger seen) {}

    @BeforeAll
    static void start() throws Exception {
        fx = BrokerFixture.start();
        DeviceAcls.Acl acl = DeviceAcls.agent("A1", List.of());
        fx.accounts.upsert("agent-A1", AGENT_SECRET, acl.publish(), acl.subscribe());
        MqttSettings settings = new MqttSettings();
        settings.setClientId("warden-controller-events-it");
        settings.setEventLanes(1);
        settings.setEventRetryBudget(Duration.ofMillis(500));
        Function<AgentEvent, IngestResult> store = event -> {
            calls.add(event.seq());
            Script script = scripts.get(event.seq());
            if (script != null && script.seen().incrementAndGet() <= script.failures()) {
                throw new IllegalStateException("scripted failure",
                        new SQLException("database says no", script.sqlState()));
            }
            return IngestResult.STORED;
        };
        ControllerMqttClient client = new ControllerMqttClient(settings, fx.broker, fx.stats);
        ingress = new MqttIngress(client, null, store, null, fx.stats, settings, null);
        ingress.start();
        assertThat(client.isConnected()).isTrue();
    }

    @AfterAll
    static void stop() {
        if (ingress != null) {
            ingress.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    /**
     * An event the database refuses for the whole retry budget stays unacknowledged, and the client reconnects so
     * the broker delivers it again at once: it is stored on redelivery, not held until some later reconnect.
     */
    @Test
    void anEventThatKeepsFailingIsRedeliveredAfterAForcedReconnect() throws Exception {
        long failedBefore = events(MqttIngressStats.FAILED);
        long storedBefore = events(MqttIngressStats.STORED);
        scripts.put(101L, new Script(3, "08001", new AtomicInteger()));
        try (Device agent = TestMqttClients.connect(fx.uri(), "agent-A1", "agent-A1", AGENT_SECRET)) {
            assertThat(agent.publish(Topics.agentEvents("A1"), event(101))).isLessThan(0x80);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(events(MqttIngressStats.FAILED)).isEqualTo(failedBefore + 1);
                assertThat(events(MqttIngressStats.STORED)).isEqualTo(storedBefore + 1);
            });
        }
        assertThat(calls.stream().filter(s -> s == 101L).count()).as("3 failed attempts, then the redelivery")
                .isEqualTo(4);
    }

    /** Bad data that can never be stored is counted as POISON and acknowledged: tried once, never redelivered. */
    @Test
    void anEventThatCanNeverBeStoredIsAcknowledgedAsPoison() throws Exception {
        long poisonBefore = events(MqttIngressStats.POISON);
        long failedBefore = events(MqttIngressStats.FAILED);
        long storedBefore = events(MqttIngressStats.STORED);
        scripts.put(201L, new Script(Integer.MAX_VALUE, "22001", new AtomicInteger()));
        try (Device agent = TestMqttClients.connect(fx.uri(), "agent-A1-poison", "agent-A1", AGENT_SECRET)) {
            assertThat(agent.publish(Topics.agentEvents("A1"), event(201))).isLessThan(0x80);
            assertThat(agent.publish(Topics.agentEvents("A1"), event(202))).isLessThan(0x80);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(events(MqttIngressStats.POISON)).isEqualTo(poisonBefore + 1);
                assertThat(events(MqttIngressStats.STORED)).isEqualTo(storedBefore + 1);
            });
        }
        assertThat(calls.stream().filter(s -> s == 201L).count()).isEqualTo(1);
        assertThat(events(MqttIngressStats.FAILED)).as("no retry budget spent on poison").isEqualTo(failedBefore);
    }

    /**
     * An event whose lane refuses it (full, or stopping) must stay unacknowledged for redelivery, not be acknowledged
     * and lost; it is counted as OVERLOADED.
     */
    @Test
    void anEventTheLanesCannotTakeIsNotAcknowledged() {
        MqttSettings settings = new MqttSettings();
        settings.setClientId("warden-controller-events-it-stopped");
        MqttIngress stopped = new MqttIngress(new ControllerMqttClient(settings, fx.broker, fx.stats), null,
                event -> IngestResult.STORED, null, fx.stats, settings, null);
        stopped.start();
        stopped.close();
        long overloadedBefore = fx.stats.rejections(MqttIngress.OVERLOADED);
        AtomicInteger acks = new AtomicInteger();
        stopped.route(new ControllerMqttClient.Inbound(Topics.agentEvents("A1"), event(301), 1, false, null, null,
                acks::incrementAndGet));
        assertThat(acks.get()).as("a QoS 1 event left for redelivery").isZero();
        assertThat(fx.stats.rejections(MqttIngress.OVERLOADED)).isEqualTo(overloadedBefore + 1);
    }

    private static long events(String outcome) {
        return fx.stats.snapshot().events().getOrDefault(outcome, 0L);
    }

    private static byte[] event(long seq) {
        return ContractJson.write(new AgentEvent("A1", seq, Instant.now(), AgentEventType.DEVICE_ONLINE, null, "R7",
                Map.of()));
    }
}
