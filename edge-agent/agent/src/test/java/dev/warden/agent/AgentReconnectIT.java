package dev.warden.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.config.AgentConfig;
import dev.warden.agent.config.MqttSettings;
import dev.warden.agent.testing.Doors;
import dev.warden.agent.testing.EmbeddedBroker;
import dev.warden.agent.testing.TestMqttClient;
import dev.warden.contract.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that the agent may start before the broker (it retries with backoff) and comes back by itself after the
 * broker restarts, announcing itself ONLINE (retained) each time.
 */
class AgentReconnectIT {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void connectsWhenTheBrokerAppearsAndReconnectsAfterARestart(@TempDir Path data) throws Exception {
        int port = EmbeddedBroker.freePort();
        AgentConfig config = new AgentConfig("agent-rc", new MqttSettings("tcp://127.0.0.1:" + port, null, null),
                Duration.ofMillis(500), data, List.of(Doors.lobby()));

        try (EdgeAgent agent = EdgeAgent.start(config)) {
            await().atMost(WAIT).until(() -> agent.counters().getOrDefault("mqtt.connect-failed", 0L) >= 1);
            assertThat(agent.isConnected()).isFalse();

            EmbeddedBroker first = EmbeddedBroker.startOn(port);
            try {
                await().atMost(WAIT).until(agent::isConnected);
                assertRetainedOnline(first);
            } finally {
                first.close();
            }
            await().atMost(WAIT).until(() -> !agent.isConnected());

            try (EmbeddedBroker second = EmbeddedBroker.startOn(port)) {
                await().atMost(WAIT).until(agent::isConnected);
                assertRetainedOnline(second);
                assertThat(agent.counters().get("mqtt.disconnected")).isGreaterThanOrEqualTo(1);
            }
        }
    }

    private static void assertRetainedOnline(EmbeddedBroker broker) throws Exception {
        try (TestMqttClient watcher = TestMqttClient.connect(broker.uri(), "watcher")) {
            watcher.subscribe(Topics.agentStatus("agent-rc"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(watcher.received())
                    .anySatisfy(r -> assertThat(r.text()).contains("\"state\":\"ONLINE\"")));
        }
    }
}
