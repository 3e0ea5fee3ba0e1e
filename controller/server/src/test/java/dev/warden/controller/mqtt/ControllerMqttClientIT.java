package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.Topics;
import dev.warden.controller.broker.BrokerFixture;
import dev.warden.controller.broker.EmbeddedBrokerConfig;
import dev.warden.controller.mqtt.TestMqttClients.Device;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The controller's one Paho client against the real embedded broker: internal account, shared subscriptions,
 * manual acknowledgement, and recovery (reconnect and resubscribe) after the broker restarts.
 */
class ControllerMqttClientIT {

    @Test
    void receivesThroughSharedSubscriptionsAndRecoversAfterABrokerRestart() throws Exception {
        EmbeddedBrokerConfig config = new EmbeddedBrokerConfig();
        config.setPort(freePort());
        config.setPersistence("in-memory");
        try (BrokerFixture fx = BrokerFixture.unstarted(config)) {
            fx.broker.start();
            DeviceAcls.Acl acl = DeviceAcls.reader("R1");
            fx.accounts.upsert("reader-R1", "reader-one-secret", acl.publish(), acl.subscribe());
            MqttSettings settings = new MqttSettings();
            settings.setClientId("warden-controller-client-it");
            BlockingQueue<ControllerMqttClient.Inbound> inbox = new LinkedBlockingQueue<>();
            try (ControllerMqttClient client = new ControllerMqttClient(settings, fx.broker, fx.stats)) {
                client.start(List.of(Topics.ALL_READER_READS), List.of(), m -> {
                    inbox.add(m);
                    m.ack();
                }, Duration.ofSeconds(10));
                assertThat(client.isConnected()).isTrue();
                assertThat(fx.stats.snapshot().connected()).isTrue();

                try (Device r1 = TestMqttClients.connect(fx.uri(), "reader-R1", "reader-R1", "reader-one-secret")) {
                    assertThat(r1.publish(Topics.readerRead("R1"), bytes("one"))).isZero();
                }
                ControllerMqttClient.Inbound first = inbox.poll(10, TimeUnit.SECONDS);
                assertThat(first).isNotNull();
                assertThat(first.topic()).as("the real topic, not the $share filter").isEqualTo(Topics.readerRead("R1"));
                assertThat(new String(first.payload(), StandardCharsets.UTF_8)).isEqualTo("one");

                fx.broker.close();
                await().atMost(Duration.ofSeconds(10)).until(() -> !client.isConnected());
                assertThatThrownBy(() -> client.publish(Topics.readerDecision("R1"), bytes("x"), 1, null, null))
                        .isInstanceOf(MqttPublishException.class);

                fx.broker.start();
                await().atMost(Duration.ofSeconds(40)).until(client::isConnected);
                // the in-memory broker lost the session: the client must have subscribed again
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    try (Device r1 =
                            TestMqttClients.connect(fx.uri(), "reader-R1-b", "reader-R1", "reader-one-secret")) {
                        assertThat(r1.publish(Topics.readerRead("R1"), bytes("two"))).isZero();
                    }
                    ControllerMqttClient.Inbound second = inbox.poll(2, TimeUnit.SECONDS);
                    assertThat(second).isNotNull();
                    assertThat(new String(second.payload(), StandardCharsets.UTF_8)).isEqualTo("two");
                });
            }
        }
    }

    /** Verifies that retained agent status published before the controller subscribed still reaches it. */
    @Test
    void retainedStatusReachesTheControllerThroughItsPlainSubscription() throws Exception {
        try (BrokerFixture fx = BrokerFixture.start()) {
            DeviceAcls.Acl acl = DeviceAcls.agent("A1", List.of());
            fx.accounts.upsert("agent-A1", "agent-one-secret", acl.publish(), acl.subscribe());
            try (Device agent = TestMqttClients.connect(fx.uri(), "agent-A1", "agent-A1", "agent-one-secret")) {
                org.eclipse.paho.mqttv5.common.MqttMessage status =
                        new org.eclipse.paho.mqttv5.common.MqttMessage(bytes("{\"state\":\"ONLINE\"}"));
                status.setQos(1);
                status.setRetained(true);
                agent.client.publish(Topics.agentStatus("A1"), status).waitForCompletion(5000);
            }
            MqttSettings settings = new MqttSettings();
            settings.setClientId("warden-controller-retained-it");
            BlockingQueue<ControllerMqttClient.Inbound> inbox = new LinkedBlockingQueue<>();
            try (ControllerMqttClient client = new ControllerMqttClient(settings, fx.broker, fx.stats)) {
                client.start(List.of(Topics.ALL_AGENT_EVENTS), List.of(Topics.ALL_AGENT_STATUS), m -> {
                    inbox.add(m);
                    m.ack();
                }, Duration.ofSeconds(10));
                ControllerMqttClient.Inbound got = inbox.poll(10, TimeUnit.SECONDS);
                assertThat(got).isNotNull();
                assertThat(got.topic()).isEqualTo(Topics.agentStatus("A1"));
                assertThat(got.retained()).isTrue();
            }
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
