package dev.warden.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.Topics;
import dev.warden.controller.mqtt.DeviceAcls;
import dev.warden.controller.mqtt.TestMqttClients;
import dev.warden.controller.mqtt.TestMqttClients.Device;
import dev.warden.controller.mqtt.TestMqttClients.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the embedded broker admits only known accounts with the right secret, and confines every device to
 * its own topics: real HiveMQ on a random port, real Paho v5 clients.
 */
class BrokerSecurityIT {

    private static final int NOT_AUTHORIZED = 135;
    private static final int BAD_USER_OR_PASSWORD = 134;
    private static final int CLIENT_ID_NOT_VALID = 133;
    private static final int SERVER_DISCONNECTED = 32204;
    private static final int CONNECTION_LOST = 32109;
    private static final String SECRET_R1 = "reader-one-secret";
    private static final String SECRET_R2 = "reader-two-secret";

    private static BrokerFixture fx;

    @BeforeAll
    static void startBroker() throws Exception {
        fx = BrokerFixture.start();
        DeviceAcls.Acl r1 = DeviceAcls.reader("R1");
        fx.accounts.upsert("reader-R1", SECRET_R1, r1.publish(), r1.subscribe());
        DeviceAcls.Acl r2 = DeviceAcls.reader("R2");
        fx.accounts.upsert("reader-R2", SECRET_R2, r2.publish(), r2.subscribe());
    }

    @AfterAll
    static void stopBroker() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void anonymousConnectIsRefused() {
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "anon-1", null, null))
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(BAD_USER_OR_PASSWORD));
        assertThat(fx.stats.snapshot().authFailures()).containsKey("NO_CREDENTIALS");
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefused() {
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "reader-R1-wrong", "reader-R1", "not-the-secret"))
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(BAD_USER_OR_PASSWORD));
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "nobody", "nobody", "whatever-secret"))
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(BAD_USER_OR_PASSWORD));
        assertThat(fx.stats.snapshot().authFailures().get("BAD_CREDENTIALS")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDeviceMayNotUseTheControllersClientIdPrefix() {
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "warden-controller-x", "reader-R1", SECRET_R1))
                .isInstanceOf(MqttException.class);
        assertThat(fx.stats.snapshot().authFailures()).containsKey("RESERVED_CLIENT_ID");
    }

    /**
     * Verifies that an authenticated device cannot take over another account's client id (and with it that
     * account's persistent session and subscriptions): the client id must be the username or start with
     * {@code username-}.
     */
    @Test
    void aDeviceMayOnlyUseClientIdsOfItsOwnUsername() throws Exception {
        long before = fx.stats.snapshot().authFailures().getOrDefault("CLIENT_ID_NOT_OWNED", 0L);
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "reader-R1", "reader-R2", SECRET_R2))
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(CLIENT_ID_NOT_VALID));
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "reader-R1-x", "reader-R2", SECRET_R2))
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(CLIENT_ID_NOT_VALID));
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "reader-R1x", "reader-R1", SECRET_R1))
                .as("a prefix without the dash would let reader-R1 take reader-R10's id")
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(CLIENT_ID_NOT_VALID));
        assertThat(fx.stats.snapshot().authFailures().get("CLIENT_ID_NOT_OWNED")).isEqualTo(before + 3);
        try (Device own = TestMqttClients.connect(fx.uri(), "reader-R1", "reader-R1", SECRET_R1);
                Device suffixed = TestMqttClients.connect(fx.uri(), "reader-R1-2", "reader-R1", SECRET_R1)) {
            assertThat(own.client.isConnected()).isTrue();
            assertThat(suffixed.client.isConnected()).isTrue();
        }
    }

    @Test
    void readerPublishesItsOwnReadTopicButNotAnotherReadersAndCannotSubscribeToEverything() throws Exception {
        try (Device controller = TestMqttClients.connect(fx.uri(), "warden-controller-test",
                        InternalAccount.USERNAME, fx.internalSecret());
                Device r1 = TestMqttClients.connect(fx.uri(), "reader-R1-client", "reader-R1", SECRET_R1)) {
            assertThat(controller.subscribe("$share/warden-controllers/warden/v1/readers/+/read")).isEqualTo(1);
            long deniedBefore = fx.stats.snapshot().aclDenials().getOrDefault("PUBLISH", 0L);

            assertThat(r1.publish(Topics.readerRead("R1"), bytes("{\"ok\":1}"))).isZero();
            Received got = controller.received.poll(5, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.topic()).isEqualTo(Topics.readerRead("R1"));

            assertThat(r1.subscribe("#")).isEqualTo(NOT_AUTHORIZED);
            assertThat(r1.subscribe("warden/v1/readers/+/decision")).isEqualTo(NOT_AUTHORIZED);
            assertThat(r1.subscribe("$share/g/warden/v1/readers/R2/decision")).isEqualTo(NOT_AUTHORIZED);
            assertThat(r1.subscribe(Topics.readerDecision("R1"))).isEqualTo(1);
            assertThat(fx.stats.snapshot().aclDenials().get("SUBSCRIBE")).isGreaterThanOrEqualTo(3);

            assertPublishRefused(r1, Topics.readerRead("R2"));
            try (Device again = TestMqttClients.connect(fx.uri(), "reader-R1-client2", "reader-R1", SECRET_R1)) {
                assertPublishRefused(again, Topics.agentEvents("A1"));
            }
            assertThat(fx.stats.snapshot().aclDenials().get("PUBLISH")).isEqualTo(deniedBefore + 2);
            assertThat(controller.received.poll(300, TimeUnit.MILLISECONDS))
                    .as("a refused publish is not delivered").isNull();
        }
    }

    /**
     * HiveMQ answers a refused MQTT 5 QoS 1 publish with PUBACK 135 and then disconnects the client with reason 135;
     * depending on timing Paho reports the PUBACK or the disconnect.
     */
    private static void assertPublishRefused(Device device, String topic) throws Exception {
        int code = device.publish(topic, bytes("{\"spoof\":1}"));
        assertThat(code).isIn(NOT_AUTHORIZED, SERVER_DISCONNECTED, CONNECTION_LOST);
        await().atMost(Duration.ofSeconds(5)).until(() -> !device.client.isConnected());
        if (device.disconnect != null && device.disconnect.getReturnCode() != 0) {
            assertThat(device.disconnect.getReturnCode()).isEqualTo(NOT_AUTHORIZED);
        }
    }

    @Test
    void aReaderDoesNotReceiveAnotherReadersDecisions() throws Exception {
        try (Device controller = TestMqttClients.connect(fx.uri(), "warden-controller-pub",
                        InternalAccount.USERNAME, fx.internalSecret());
                Device r1 = TestMqttClients.connect(fx.uri(), "reader-R1-listener", "reader-R1", SECRET_R1);
                Device r2 = TestMqttClients.connect(fx.uri(), "reader-R2-listener", "reader-R2", SECRET_R2)) {
            assertThat(r1.subscribe(Topics.readerSubtree("R1"))).isEqualTo(1);
            assertThat(r2.subscribe(Topics.readerSubtree("R2"))).isEqualTo(1);
            assertThat(controller.publish(Topics.readerDecision("R2"), bytes("{\"decision\":\"GRANT\"}"))).isZero();
            Received got = r2.received.poll(5, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(r1.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void disablingAnAccountDisconnectsItsClientsAndRefusesNewConnects() throws Exception {
        DeviceAcls.Acl acl = DeviceAcls.reader("R9");
        fx.accounts.upsert("reader-R9", "reader-nine-secret", acl.publish(), acl.subscribe());
        try (Device r9 = TestMqttClients.connect(fx.uri(), "reader-R9-client", "reader-R9", "reader-nine-secret")) {
            assertThat(r9.client.isConnected()).isTrue();
            fx.accounts.setEnabled("reader-R9", false);
            await().atMost(Duration.ofSeconds(5)).until(() -> !r9.client.isConnected());
        }
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "reader-R9-again", "reader-R9",
                        "reader-nine-secret"))
                .isInstanceOf(MqttException.class);
        fx.accounts.setEnabled("reader-R9", true);
        try (Device again = TestMqttClients.connect(fx.uri(), "reader-R9-back", "reader-R9", "reader-nine-secret")) {
            assertThat(again.client.isConnected()).isTrue();
        }
    }

    @Test
    void aChangedSecretLocksOutTheOldOneAtOnce() throws Exception {
        DeviceAcls.Acl acl = DeviceAcls.reader("R8");
        fx.accounts.upsert("reader-R8", "first-secret-r8", acl.publish(), acl.subscribe());
        try (Device first = TestMqttClients.connect(fx.uri(), "reader-R8-a", "reader-R8", "first-secret-r8")) {
            assertThat(first.client.isConnected()).isTrue();
        }
        fx.accounts.upsert("reader-R8", "second-secret-r8", acl.publish(), acl.subscribe());
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "reader-R8-b", "reader-R8", "first-secret-r8"))
                .isInstanceOf(MqttException.class);
        try (Device second = TestMqttClients.connect(fx.uri(), "reader-R8-c", "reader-R8", "second-secret-r8")) {
            assertThat(second.client.isConnected()).isTrue();
        }
    }

    @Test
    void anAgentIsConfinedToItsOwnTopicsIncludingItsWill() throws Exception {
        DeviceAcls.Acl acl = DeviceAcls.agent("A7", List.of("D7"));
        fx.accounts.upsert("agent-A7", "agent-seven-secret", acl.publish(), acl.subscribe());
        try (Device agent = TestMqttClients.connect(fx.uri(), "agent-A7-client", "agent-A7", "agent-seven-secret",
                o -> o.setWill(Topics.agentStatus("A7"), new MqttMessage(bytes("{\"state\":\"OFFLINE\"}"))))) {
            assertThat(agent.publish(Topics.agentStatus("A7"), bytes("{}"))).isLessThan(0x80);
            assertThat(agent.publish(Topics.deviceCommand("D7"), bytes("{}"))).isLessThan(0x80);
            assertThat(agent.subscribe(Topics.agentCommands("A7"))).isEqualTo(1);
            assertThat(agent.subscribe(Topics.deviceState("D7"))).isEqualTo(1);
            assertThat(agent.subscribe(Topics.agentCommands("A8"))).isEqualTo(NOT_AUTHORIZED);
            assertPublishRefused(agent, Topics.agentStatus("A8"));
        }
        assertThatThrownBy(() -> TestMqttClients.connect(fx.uri(), "agent-A7-bad-will", "agent-A7",
                        "agent-seven-secret",
                        o -> o.setWill(Topics.agentStatus("A8"), new MqttMessage(bytes("{}")))))
                .as("a Will on another agent's topic is refused at connect")
                .isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isEqualTo(NOT_AUTHORIZED));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
