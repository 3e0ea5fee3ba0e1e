package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.AccessRequest;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.CardData;
import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.Direction;
import dev.warden.contract.Parsed;
import dev.warden.contract.ReaderRead;
import dev.warden.contract.Topics;
import dev.warden.contract.Verdict;
import dev.warden.controller.Api;
import dev.warden.controller.broker.EmbeddedBroker;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.ReaderDecisions;
import dev.warden.controller.mqtt.LocalMosquitto.Account;
import dev.warden.controller.mqtt.TestMqttClients.Device;
import dev.warden.controller.mqtt.TestMqttClients.Received;
import dev.warden.policy.DenyReason;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the controller's external-broker setting ({@code warden.mqtt.external.uri}, {@code .username},
 * {@code .password}) works against a real Debian Mosquitto 2.0 that enforces its own password file and ACLs: the
 * embedded HiveMQ is not started, the controller connects with its configured account and subscribes through MQTT 5
 * shared subscriptions, readers get GRANT, DENY with a reason and REJECTED on their decision topics, and Mosquitto
 * refuses anonymous clients and keeps each reader inside its own topics. The ACL below is the one
 * {@code docs/operations.md} ("Mosquitto as the external broker") tells operators to use.
 *
 * <p>Skipped when mosquitto is not installed, failed in CI ({@code CI} set) — see {@link LocalMosquitto}.
 */
class ExternalMosquittoIT {

    private static final String CONTROLLER_USER = "warden-controller";
    private static final String CONTROLLER_CLIENT_ID = "warden-controller-mosquitto-it";

    /** What the controller needs, and nothing else (same lines as in docs/operations.md). */
    static final List<String> CONTROLLER_ACL = List.of(
            "topic read warden/v1/readers/+/read",
            "topic write warden/v1/readers/#",
            "topic read warden/v1/agents/+/access/request",
            "topic write warden/v1/agents/+/access/response",
            "topic read warden/v1/agents/+/events",
            "topic read warden/v1/agents/+/status",
            "topic write warden/v1/agents/+/commands");

    private static final String R1_PASSWORD = LocalMosquitto.randomSecret();
    private static final String R2_PASSWORD = LocalMosquitto.randomSecret();
    private static final String A1_PASSWORD = LocalMosquitto.randomSecret();
    private static final String READ_ONLY_USER = "warden-controller-read-only";
    private static final String READ_ONLY_PASSWORD = LocalMosquitto.randomSecret();

    /** A standalone reader, as {@link DeviceAcls#reader}: publish its reads, receive within its own subtree. */
    static List<String> readerAcl(String readerId) {
        return List.of("topic write " + Topics.readerRead(readerId), "topic read " + Topics.readerSubtree(readerId));
    }

    private static LocalMosquitto mosquitto;
    private static EmbeddedServer server;
    private static ApplicationContext ctx;
    private static MqttIngressStats stats;
    private static int embeddedPort;

    @BeforeAll
    static void startMosquittoAndController() throws Exception {
        Path binary = LocalMosquitto.binaryOrSkip();
        String controllerPassword = LocalMosquitto.randomSecret();
        mosquitto = LocalMosquitto.start(binary, List.of(
                new Account(CONTROLLER_USER, controllerPassword, CONTROLLER_ACL),
                new Account("reader-R1", R1_PASSWORD, readerAcl("R1")),
                new Account("reader-R2", R2_PASSWORD, readerAcl("R2")),
                new Account("agent-A1", A1_PASSWORD, List.of(
                        "topic write warden/v1/agents/A1/events",
                        "topic write warden/v1/agents/A1/access/request",
                        "topic write warden/v1/agents/A1/status",
                        "topic read warden/v1/agents/A1/access/response",
                        "topic read warden/v1/agents/A1/commands")),
                // a controller account an operator got wrong: it may read everything and write nothing
                new Account(READ_ONLY_USER, READ_ONLY_PASSWORD, List.of("topic read warden/v1/#"))));
        // the port the embedded broker would take if it were (wrongly) started: it must stay closed
        embeddedPort = freePort();
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "warden.mqtt.enabled", "true",
                "warden.mqtt.client-id", CONTROLLER_CLIENT_ID,
                "warden.mqtt.embedded.port", String.valueOf(embeddedPort),
                "warden.mqtt.external.uri", mosquitto.uri(),
                "warden.mqtt.external.username", CONTROLLER_USER,
                "warden.mqtt.external.password", controllerPassword), Environment.TEST);
        ctx = server.getApplicationContext();
        stats = ctx.getBean(MqttIngressStats.class);
        await("controller connected to mosquitto").atMost(Duration.ofSeconds(15))
                .until(() -> ctx.getBean(ControllerMqttClient.class).isConnected());
        seedSite();
    }

    /**
     * Reader R1 opens door D-R1 (standalone), reader R5 door D-A1 (behind agent A1); card H10301 1/1234 of an active
     * employee may pass both around the clock.
     */
    private static void seedSite() {
        try (HttpClient http = ctx.createBean(HttpClient.class, server.getURL())) {
            Api admin = Api.admin(http);
            admin.post("/api/v1/sites", Map.of("id", "S1", "name", "Site 1", "timeZone", "UTC"), Map.class);
            admin.post("/api/v1/areas", Map.of("id", "AR1", "siteId", "S1", "name", "Hall 1", "kind", "HALL"),
                    Map.class);
            admin.post("/api/v1/doors", Map.of("id", "D-R1", "name", "Hall door", "areaId", "AR1", "kind", "DOOR",
                    "readerInId", "R1", "unlockMs", 4000), Map.class);
            admin.post("/api/v1/doors", Map.of("id", "D-A1", "name", "Cage door", "areaId", "AR1", "kind", "DOOR",
                    "readerInId", "R5", "agentId", "A1", "unlockMs", 3000), Map.class);
            admin.post("/api/v1/people", Map.of("id", "P1", "displayName", "Ada Admitted", "kind", "EMPLOYEE"),
                    Map.class);
            admin.post("/api/v1/credentials", Map.of("id", "C1", "format", "H10301", "facility", 1, "number", 1234,
                    "personId", "P1"), Map.class);
            List<Map<String, String>> allWeek = Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                            "SATURDAY", "SUNDAY")
                    .map(day -> Map.of("day", day, "start", "00:00", "end", "24:00"))
                    .toList();
            admin.post("/api/v1/schedules", Map.of("id", "always", "name", "Always", "siteId", "S1",
                    "windows", allWeek), Map.class);
            admin.post("/api/v1/access-levels", Map.of("id", "L1", "name", "Hall and cage", "scheduleId", "always",
                    "doorIds", List.of("D-R1", "D-A1")), Map.class);
            admin.post("/api/v1/assignments", Map.of("personId", "P1", "accessLevelId", "L1"), Map.class);
        }
        ctx.getBean(AccessIndex.class).rebuildAndWait(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (mosquitto != null) {
                mosquitto.close();
            }
        }
    }

    @Test
    void theEmbeddedBrokerStaysOffAndTheControllerSubscribesToMosquittoThroughSharedSubscriptions() throws Exception {
        assertThat(ctx.findBean(EmbeddedBroker.class)).as("no embedded HiveMQ bean").isEmpty();
        assertThat(ctx.findBean(LocalBroker.class)).as("no local broker at all").isEmpty();
        assertThat(accepting(embeddedPort)).as("nothing listens on warden.mqtt.embedded.port " + embeddedPort)
                .isFalse();

        ControllerMqttClient client = ctx.getBean(ControllerMqttClient.class);
        assertThat(client.serverUri()).isEqualTo(mosquitto.uri());
        assertThat(client.isConnected()).isTrue();

        // Mosquitto's own log: MQTT 5 ("p5"), persistent session ("c0"), the configured account, and the shared
        // subscriptions of group warden-controllers (plus the plain one for the retained agent status)
        String group = "$share/" + Topics.CONTROLLER_SHARE_GROUP + "/";
        await("mosquitto logged the controller's subscriptions").atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(mosquitto.log())
                        .contains("as " + CONTROLLER_CLIENT_ID + " (p5, c0,")
                        .contains("u'" + CONTROLLER_USER + "'")
                        .contains(CONTROLLER_CLIENT_ID + " 1 " + group + Topics.ALL_READER_READS)
                        .contains(CONTROLLER_CLIENT_ID + " 1 " + group + Topics.ALL_AGENT_ACCESS_REQUESTS)
                        .contains(CONTROLLER_CLIENT_ID + " 1 " + group + Topics.ALL_AGENT_EVENTS)
                        .contains(CONTROLLER_CLIENT_ID + " 1 " + Topics.ALL_AGENT_STATUS));
    }

    @Test
    void aReaderGetsGrantForAKnownCardAndDenyWithAReasonForAnUnknownOne() throws Exception {
        try (Device r1 = reader("R1", "r1-grant-deny", R1_PASSWORD)) {
            assertThat(r1.subscribe(Topics.readerDecision("R1"))).isEqualTo(1);

            String known = requestId();
            assertThat(r1.publish(Topics.readerRead("R1"), ContractJson.write(cardRead(known, 1234))))
                    .as("PUBACK from mosquitto").isZero();
            DecisionMessage granted = decisionFrom(r1, Topics.readerDecision("R1"));
            assertThat(granted.requestId()).isEqualTo(known);
            assertThat(granted.decision()).isEqualTo(Verdict.GRANT);
            assertThat(granted.reason()).isEqualTo(ReaderDecisions.GRANTED);
            assertThat(granted.unlockMs()).isEqualTo(4000);

            String unknown = requestId();
            assertThat(r1.publish(Topics.readerRead("R1"), ContractJson.write(cardRead(unknown, 9999)))).isZero();
            DecisionMessage denied = decisionFrom(r1, Topics.readerDecision("R1"));
            assertThat(denied.requestId()).isEqualTo(unknown);
            assertThat(denied.decision()).isEqualTo(Verdict.DENY);
            assertThat(denied.reason()).isEqualTo(DenyReason.UNKNOWN_CREDENTIAL.name());
            assertThat(denied.unlockMs()).isZero();
        }
    }

    @Test
    void aReadWithAResponseTopicIsAnsweredThereWithItsCorrelationDataAndAnExpiry() throws Exception {
        try (Device r1 = reader("R1", "r1-reply", R1_PASSWORD)) {
            String replies = "warden/v1/readers/R1/replies/session-1";
            assertThat(r1.subscribe(replies)).isEqualTo(1);
            byte[] correlation = {7, 0, 7};
            String id = requestId();
            assertThat(r1.publish(Topics.readerRead("R1"), ContractJson.write(cardRead(id, 1234)), replies,
                    correlation)).isZero();

            Received got = r1.received.poll(10, TimeUnit.SECONDS);
            assertThat(got).as("a decision arrives").isNotNull();
            assertThat(got.topic()).isEqualTo(replies);
            assertThat(got.message().getProperties().getCorrelationData()).containsExactly(correlation);
            assertThat(got.message().getProperties().getMessageExpiryInterval())
                    .as("mosquitto passes the decision's expiry on: a late decision must not open a door")
                    .isNotNull().isPositive();
            assertThat(parse(got).requestId()).isEqualTo(id);
            assertThat(parse(got).decision()).isEqualTo(Verdict.GRANT);
        }
    }

    @Test
    void aMalformedPayloadIsRejectedWithMalformedJsonAndCounted() throws Exception {
        try (Device r1 = reader("R1", "r1-malformed", R1_PASSWORD)) {
            assertThat(r1.subscribe(Topics.readerDecision("R1"))).isEqualTo(1);
            long before = stats.rejections("MALFORMED_JSON");

            assertThat(r1.publish(Topics.readerRead("R1"),
                    "{\"requestId\": \"bad-1\", oops".getBytes(StandardCharsets.UTF_8))).isZero();
            DecisionMessage rejected = decisionFrom(r1, Topics.readerDecision("R1"));
            assertThat(rejected.decision()).isEqualTo(Verdict.REJECTED);
            assertThat(rejected.reason()).isEqualTo("MALFORMED_JSON");
            assertThat(rejected.detail()).isNotBlank();
            assertThat(rejected.unlockMs()).isZero();
            assertThat(stats.rejections("MALFORMED_JSON")).isEqualTo(before + 1);
        }
    }

    @Test
    void mosquittoRefusesAnonymousClientsAndWrongPasswords() {
        MqttException anonymous = catchThrowableOfType(MqttException.class,
                () -> TestMqttClients.connect(mosquitto.uri(), "anonymous-1", null, null));
        assertThat(anonymous).as("an anonymous CONNECT is refused").isNotNull();
        assertThat(anonymous.getReasonCode()).as("CONNACK reason: not authorized").isEqualTo(0x87);

        MqttException wrongPassword = catchThrowableOfType(MqttException.class,
                () -> TestMqttClients.connect(mosquitto.uri(), "r1-wrong", "reader-R1", "not-" + R1_PASSWORD));
        assertThat(wrongPassword).as("a wrong password is refused").isNotNull();
        assertThat(wrongPassword.getReasonCode()).as("CONNACK reason: bad user name or password / not authorized")
                .isIn(0x86, 0x87);
    }

    /**
     * Mosquitto 2.0's acl_file grants every SUBSCRIBE and applies the {@code read} ACL when it delivers a message
     * (see {@link LocalMosquitto}); so the proof is that R2's decision never reaches R1 although R1 subscribed to it.
     * R2's decision is routed by mosquitto before R1's own read is even sent, so had it been delivered to R1 it would
     * be in R1's queue ahead of R1's own decision.
     */
    @Test
    void aReaderNeitherReceivesAnotherReadersDecisionsNorPublishesItsReads() throws Exception {
        try (Device r1 = reader("R1", "r1-snoop", R1_PASSWORD);
             Device r2 = reader("R2", "r2-victim", R2_PASSWORD)) {
            int snoop = r1.subscribe(Topics.readerDecision("R2"));
            assertThat(snoop).as("SUBACK: granted (mosquitto 2.0 checks on delivery) or not authorized")
                    .isIn(0, 1, 0x87);
            assertThat(r1.subscribe(Topics.readerDecision("R1"))).isEqualTo(1);
            assertThat(r2.subscribe(Topics.readerDecision("R2"))).isEqualTo(1);

            assertThat(r1.publish(Topics.readerRead("R2"), ContractJson.write(cardRead(requestId(), 1234))))
                    .as("PUBACK: R1 may not publish as R2").isEqualTo(0x87);

            String r2Read = requestId();
            assertThat(r2.publish(Topics.readerRead("R2"), ContractJson.write(cardRead(r2Read, 1234)))).isZero();
            DecisionMessage forR2 = decisionFrom(r2, Topics.readerDecision("R2"));
            assertThat(forR2.requestId()).as("only R2's own read reached the controller").isEqualTo(r2Read);
            assertThat(forR2.decision()).isEqualTo(Verdict.DENY);
            assertThat(forR2.reason()).as("R2 opens no door").isEqualTo(ReaderDecisions.UNKNOWN_READER);
            assertThat(r2.received).as("nothing else for R2").isEmpty();

            String r1Read = requestId();
            assertThat(r1.publish(Topics.readerRead("R1"), ContractJson.write(cardRead(r1Read, 1234)))).isZero();
            DecisionMessage forR1 = decisionFrom(r1, Topics.readerDecision("R1"));
            assertThat(forR1.requestId()).as("R1's first message is its own decision, not R2's").isEqualTo(r1Read);
            assertThat(r1.received).as("R2's decision never reached R1").isEmpty();
        }
    }

    @Test
    void anAgentsAccessRequestIsAnsweredWithItsCorrelationDataAndItsEventsAreStoredOnce() throws Exception {
        try (Device a1 = TestMqttClients.connect(mosquitto.uri(), "a1-mosquitto", "agent-A1", A1_PASSWORD)) {
            assertThat(a1.subscribe(Topics.agentAccessResponse("A1"))).isEqualTo(1);
            byte[] correlation = "corr-1".getBytes(StandardCharsets.UTF_8);
            String id = requestId();
            AccessRequest request = new AccessRequest(id, "D-A1", "R5", Direction.IN, controllerNow(),
                    new CardData("H10301", 1, 1234), null, null);
            assertThat(a1.publish(Topics.agentAccessRequest("A1"), ContractJson.write(request),
                    Topics.agentAccessResponse("A1"), correlation)).isZero();

            Received got = a1.received.poll(10, TimeUnit.SECONDS);
            assertThat(got).as("an access response arrives").isNotNull();
            assertThat(got.topic()).isEqualTo(Topics.agentAccessResponse("A1"));
            assertThat(got.message().getProperties().getCorrelationData()).containsExactly(correlation);
            assertThat(parse(got).requestId()).isEqualTo(id);
            assertThat(parse(got).decision()).isEqualTo(Verdict.GRANT);
            assertThat(parse(got).unlockMs()).isEqualTo(3000);

            long stored = stats.snapshot().events().getOrDefault(MqttIngressStats.STORED, 0L);
            long duplicates = stats.snapshot().events().getOrDefault(MqttIngressStats.DUPLICATE, 0L);
            byte[] event = ContractJson.write(new AgentEvent("A1", 1, controllerNow(), AgentEventType.DOOR_STATE,
                    "D-A1", null, Map.of("state", "OPEN")));
            assertThat(a1.publish(Topics.agentEvents("A1"), event)).isLessThan(0x80);
            assertThat(a1.publish(Topics.agentEvents("A1"), event)).as("redelivered").isLessThan(0x80);
            await("one stored, one duplicate").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(stats.snapshot().events().getOrDefault(MqttIngressStats.STORED, 0L))
                        .isEqualTo(stored + 1);
                assertThat(stats.snapshot().events().getOrDefault(MqttIngressStats.DUPLICATE, 0L))
                        .isEqualTo(duplicates + 1);
            });
        }
    }

    /**
     * Verifies that a decision the external broker refuses (PUBACK 0x87, its ACL) is counted and logged rather than
     * taken for delivered: Paho reports such a PUBACK as a success with the reason code in the token.
     */
    @Test
    void aPublishThatMosquittoRefusesIsCountedNotTakenForDelivered() throws Exception {
        MqttSettings settings = new MqttSettings();
        settings.setClientId("warden-controller-read-only-it");
        settings.getExternal().setUri(mosquitto.uri());
        settings.getExternal().setUsername(READ_ONLY_USER);
        settings.getExternal().setPassword(READ_ONLY_PASSWORD);
        MqttIngressStats ownStats = new MqttIngressStats();
        try (ControllerMqttClient client = new ControllerMqttClient(settings, null, ownStats)) {
            client.start(List.of(), List.of(), ControllerMqttClient.Inbound::ack, Duration.ofSeconds(10));
            assertThat(client.isConnected()).isTrue();

            client.publish(Topics.readerDecision("R1"), ContractJson.write(DecisionMessage.rejected("refused-1",
                    "MALFORMED_JSON", "test", controllerNow())), 1, Duration.ofSeconds(10), null);
            await("the refusal is counted").atMost(Duration.ofSeconds(5))
                    .until(() -> ownStats.snapshot().publishesRefused() == 1);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static Device reader(String readerId, String clientId, String password) throws MqttException {
        return TestMqttClients.connect(mosquitto.uri(), clientId, "reader-" + readerId, password);
    }

    private static ReaderRead cardRead(String requestId, long number) {
        return ReaderRead.ofCard(requestId, controllerNow(), new CardData("H10301", 1, number));
    }

    private static String requestId() {
        return "req-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static DecisionMessage decisionFrom(Device device, String topic) throws InterruptedException {
        Received got = device.received.poll(10, TimeUnit.SECONDS);
        assertThat(got).as("a decision arrives on " + topic + "; mosquitto log:\n" + mosquitto.log()).isNotNull();
        assertThat(got.topic()).isEqualTo(topic);
        return parse(got);
    }

    private static DecisionMessage parse(Received received) {
        Parsed<DecisionMessage> parsed = ContractJson.parse(received.message().getPayload(), DecisionMessage.class);
        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok<DecisionMessage>) parsed).value();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The controller's clock: reads are judged against it ({@link MqttIngress#STALE_READ}). */
    private static Instant controllerNow() {
        return ctx.getBean(java.time.Clock.class).instant();
    }
}
