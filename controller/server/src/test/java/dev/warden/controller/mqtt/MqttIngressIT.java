package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.codec.wiegand.WiegandEncoder;
import dev.warden.codec.wiegand.WiegandFormats;
import dev.warden.contract.AccessRequest;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.AgentStatus;
import dev.warden.contract.CardData;
import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.Direction;
import dev.warden.contract.DoorCommand;
import dev.warden.contract.Parsed;
import dev.warden.contract.ReaderRead;
import dev.warden.contract.Topics;
import dev.warden.contract.Verdict;
import dev.warden.controller.Api;
import dev.warden.controller.broker.EmbeddedBroker;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.ReaderDecisions;
import dev.warden.controller.event.AgentRepository;
import dev.warden.controller.mqtt.TestMqttClients.Device;
import dev.warden.controller.mqtt.TestMqttClients.Received;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controller's MQTT adapters end to end: a real Micronaut context (H2 in memory) with the embedded broker on a
 * random port and its one Paho client, talked to by real Paho device clients.
 */
class MqttIngressIT {

    private static final String READER_SECRET = "reader-r1-secret";
    private static final String AGENT_SECRET = "agent-a1-secret";

    private static EmbeddedServer server;
    private static ApplicationContext ctx;
    private static MqttIngressStats stats;
    private static String uri;

    @BeforeAll
    static void startController() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "warden.mqtt.enabled", "true",
                "warden.mqtt.embedded.persistence", "in-memory",
                "warden.mqtt.client-id", "warden-controller-ingress-it"), Environment.TEST);
        ctx = server.getApplicationContext();
        stats = ctx.getBean(MqttIngressStats.class);
        uri = ctx.getBean(EmbeddedBroker.class).serverUri();
        MqttAccounts accounts = ctx.getBean(MqttAccounts.class);
        DeviceAcls.Acl reader = DeviceAcls.reader("R1");
        accounts.upsert("reader-R1", READER_SECRET, reader.publish(), reader.subscribe());
        DeviceAcls.Acl agent = DeviceAcls.agent("A1", List.of());
        accounts.upsert("agent-A1", AGENT_SECRET, agent.publish(), agent.subscribe());
        await().atMost(Duration.ofSeconds(15)).until(() -> ctx.getBean(ControllerMqttClient.class).isConnected());
        seedSite();
    }

    /**
     * Through the REST API, as an operator would: reader R1 opens door D-R1 (standalone), reader R5 opens door D-A1
     * (behind agent A1), and card H10301 1/1234 of an active employee may pass both, around the clock.
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
            List<Map<String, String>> allWeek = java.util.stream.Stream.of("MONDAY", "TUESDAY", "WEDNESDAY",
                            "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
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
    static void stopController() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aReadIsAnsweredOnTheReadersDecisionTopic() throws Exception {
        try (Device r1 = reader("r1-default")) {
            assertThat(r1.subscribe(Topics.readerDecision("R1"))).isEqualTo(1);
            String id = requestId();
            r1.publish(Topics.readerRead("R1"), ContractJson.write(cardRead(id)));

            DecisionMessage granted = decisionFrom(r1);
            assertThat(granted.requestId()).isEqualTo(id);
            assertThat(granted.decision()).isEqualTo(Verdict.GRANT);
            assertThat(granted.reason()).isEqualTo(ReaderDecisions.GRANTED);
            assertThat(granted.unlockMs()).isEqualTo(4000);

            String unknownCard = requestId();
            r1.publish(Topics.readerRead("R1"), ContractJson.write(
                    ReaderRead.ofCard(unknownCard, controllerNow(), new CardData("H10301", 1, 9999))));
            DecisionMessage denied = decisionFrom(r1);
            assertThat(denied.requestId()).isEqualTo(unknownCard);
            assertThat(denied.decision()).isEqualTo(Verdict.DENY);
            assertThat(denied.reason()).isNotEqualTo(ReaderDecisions.GRANTED);
            assertThat(denied.unlockMs()).isZero();
        }
    }

    /**
     * Verifies that a read older than 30 s (e.g. queued in the controller's persistent session while it was down) or
     * more than 5 min in the future is not decided: REJECTED STALE_READ, counted, and recorded as a rejected read.
     */
    @Test
    void aStaleOrFutureReadIsRejectedNotDecided() throws Exception {
        try (Device r1 = reader("r1-stale")) {
            assertThat(r1.subscribe(Topics.readerDecision("R1"))).isEqualTo(1);
            long staleBefore = stats.rejections(MqttIngress.STALE_READ);
            long grantsBefore = stats.snapshot().decisions().getOrDefault("GRANT", 0L);

            String old = requestId();
            r1.publish(Topics.readerRead("R1"), ContractJson.write(
                    ReaderRead.ofCard(old, controllerNow().minusSeconds(45), new CardData("H10301", 1, 1234))));
            DecisionMessage stale = decisionFrom(r1);
            assertThat(stale.requestId()).isEqualTo(old);
            assertThat(stale.decision()).isEqualTo(Verdict.REJECTED);
            assertThat(stale.reason()).isEqualTo(MqttIngress.STALE_READ);
            assertThat(stale.unlockMs()).isZero();

            String future = requestId();
            r1.publish(Topics.readerRead("R1"), ContractJson.write(
                    ReaderRead.ofCard(future, controllerNow().plusSeconds(600), new CardData("H10301", 1, 1234))));
            DecisionMessage ahead = decisionFrom(r1);
            assertThat(ahead.requestId()).isEqualTo(future);
            assertThat(ahead.decision()).isEqualTo(Verdict.REJECTED);
            assertThat(ahead.reason()).isEqualTo(MqttIngress.STALE_READ);

            String fresh = requestId();
            r1.publish(Topics.readerRead("R1"), ContractJson.write(
                    ReaderRead.ofCard(fresh, controllerNow().minusSeconds(5), new CardData("H10301", 1, 1234))));
            assertThat(decisionFrom(r1).decision()).as("a read a few seconds old is decided").isEqualTo(Verdict.GRANT);

            assertThat(stats.rejections(MqttIngress.STALE_READ)).isEqualTo(staleBefore + 2);
            assertThat(stats.snapshot().decisions().getOrDefault("GRANT", 0L)).isEqualTo(grantsBefore + 1);
            try (HttpClient http = ctx.createBean(HttpClient.class, server.getURL())) {
                Api admin = Api.admin(http);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> page = admin.get("/api/v1/events?decision=REJECTED&size=500", Map.class);
                    assertThat(String.valueOf(page.get("items"))).contains(old).contains(future)
                            .contains(MqttIngress.STALE_READ);
                });
            }
        }
    }

    @Test
    void aReadAtAReaderBoundToNoDoorIsDenied() throws Exception {
        MqttAccounts accounts = ctx.getBean(MqttAccounts.class);
        DeviceAcls.Acl acl = DeviceAcls.reader("R-nowhere");
        accounts.upsert("reader-R-nowhere", READER_SECRET, acl.publish(), acl.subscribe());
        try (Device r = TestMqttClients.connect(uri, "reader-R-nowhere", "reader-R-nowhere", READER_SECRET)) {
            assertThat(r.subscribe(Topics.readerDecision("R-nowhere"))).isEqualTo(1);
            r.publish(Topics.readerRead("R-nowhere"), ContractJson.write(cardRead(requestId())));
            DecisionMessage answer = decisionFrom(r);
            assertThat(answer.decision()).isEqualTo(Verdict.DENY);
            assertThat(answer.reason()).isEqualTo(ReaderDecisions.UNKNOWN_READER);
        }
    }

    @Test
    void aReadWithAResponseTopicIsAnsweredThereWithItsCorrelationData() throws Exception {
        try (Device r1 = reader("r1-reply")) {
            String replies = "warden/v1/readers/R1/replies/session-7";
            assertThat(r1.subscribe(replies)).isEqualTo(1);
            byte[] correlation = {1, 2, 3, 42};
            String id = requestId();
            r1.publish(Topics.readerRead("R1"), ContractJson.write(cardRead(id)), replies, correlation);

            Received got = r1.received.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.topic()).isEqualTo(replies);
            assertThat(got.message().getProperties().getCorrelationData()).containsExactly(correlation);
            assertThat(parse(got).requestId()).isEqualTo(id);
            assertThat(parse(got).decision()).isEqualTo(Verdict.GRANT);
            assertThat(got.message().getProperties().getMessageExpiryInterval())
                    .as("a late decision must expire, not open a door").isNotNull();
        }
    }

    @Test
    void aResponseTopicOutsideTheReadersSubtreeIsIgnoredAndCounted() throws Exception {
        try (Device r1 = reader("r1-foreign-reply")) {
            assertThat(r1.subscribe(Topics.readerDecision("R1"))).isEqualTo(1);
            long before = stats.snapshot().responseTopicsIgnored();
            String id = requestId();
            r1.publish(Topics.readerRead("R1"), ContractJson.write(cardRead(id)), Topics.readerDecision("R2"),
                    new byte[] {9});

            Received got = r1.received.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.topic()).isEqualTo(Topics.readerDecision("R1"));
            assertThat(parse(got).requestId()).isEqualTo(id);
            assertThat(stats.snapshot().responseTopicsIgnored()).isEqualTo(before + 1);
        }
    }

    @Test
    void malformedJsonAndBadWiegandParityAreRejectedWithReasonsAndTheNextReadStillWorks() throws Exception {
        try (Device r1 = reader("r1-bad-input")) {
            assertThat(r1.subscribe(Topics.readerDecision("R1"))).isEqualTo(1);
            long malformedBefore = stats.rejections("MALFORMED_JSON");
            long parityBefore = stats.rejections("WIEGAND_PARITY_ERROR");
            long invalidBefore = stats.rejections("INVALID_PAYLOAD");

            r1.publish(Topics.readerRead("R1"), "{\"requestId\": \"x1\", oops".getBytes(StandardCharsets.UTF_8));
            DecisionMessage malformed = decisionFrom(r1);
            assertThat(malformed.decision()).isEqualTo(Verdict.REJECTED);
            assertThat(malformed.reason()).isEqualTo("MALFORMED_JSON");
            assertThat(malformed.detail()).isNotBlank();

            r1.publish(Topics.readerRead("R1"),
                    "{\"requestId\":\"x2\",\"timestamp\":\"2026-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8));
            DecisionMessage invalid = decisionFrom(r1);
            assertThat(invalid.decision()).isEqualTo(Verdict.REJECTED);
            assertThat(invalid.reason()).isEqualTo("INVALID_PAYLOAD");
            assertThat(invalid.requestId()).isEqualTo("x2");

            String bits = new WiegandEncoder().encode(WiegandFormats.H10301, 1, 1234);
            String flipped = bits.substring(0, 25) + (bits.charAt(25) == '0' ? '1' : '0');
            String id = requestId();
            r1.publish(Topics.readerRead("R1"),
                    ContractJson.write(new ReaderRead(id, controllerNow(), null, flipped, null)));
            DecisionMessage parity = decisionFrom(r1);
            assertThat(parity.decision()).isEqualTo(Verdict.REJECTED);
            assertThat(parity.reason()).isEqualTo("WIEGAND_PARITY_ERROR");
            assertThat(parity.requestId()).isEqualTo(id);

            String good = requestId();
            r1.publish(Topics.readerRead("R1"),
                    ContractJson.write(new ReaderRead(good, controllerNow(), null, bits, null)));
            DecisionMessage next = decisionFrom(r1);
            assertThat(next.requestId()).isEqualTo(good);
            assertThat(next.decision()).as("the same card, decoded from its Wiegand bits").isEqualTo(Verdict.GRANT);

            assertThat(stats.rejections("MALFORMED_JSON")).isEqualTo(malformedBefore + 1);
            assertThat(stats.rejections("INVALID_PAYLOAD")).isEqualTo(invalidBefore + 1);
            assertThat(stats.rejections("WIEGAND_PARITY_ERROR")).isEqualTo(parityBefore + 1);
        }
    }

    @Test
    void anAgentsAccessRequestIsAnsweredOnItsOwnResponseTopicWithTheCorrelationData() throws Exception {
        try (Device a1 = agent("a1-access")) {
            assertThat(a1.subscribe(Topics.agentAccessResponse("A1"))).isEqualTo(1);
            byte[] correlation = "corr-77".getBytes(StandardCharsets.UTF_8);
            String id = requestId();
            AccessRequest request = new AccessRequest(id, "D-A1", "R5", Direction.IN, controllerNow(),
                    new CardData("H10301", 1, 1234), null, null);
            a1.publish(Topics.agentAccessRequest("A1"), ContractJson.write(request),
                    Topics.agentAccessResponse("A1"), correlation);

            Received got = a1.received.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.topic()).isEqualTo(Topics.agentAccessResponse("A1"));
            assertThat(got.message().getProperties().getCorrelationData()).containsExactly(correlation);
            DecisionMessage answer = parse(got);
            assertThat(answer.requestId()).isEqualTo(id);
            assertThat(answer.decision()).isEqualTo(Verdict.GRANT);
            assertThat(answer.unlockMs()).isEqualTo(3000);

            long ignoredBefore = stats.snapshot().responseTopicsIgnored();
            String wrongDoor = requestId();
            AccessRequest stale = new AccessRequest(wrongDoor, "D-R1", "R5", Direction.IN, controllerNow(), null,
                    new WiegandEncoder().encode(WiegandFormats.H10301, 1, 1234), null);
            a1.publish(Topics.agentAccessRequest("A1"), ContractJson.write(stale), "warden/v1/agents/A1/elsewhere",
                    correlation);
            Received second = a1.received.poll(10, TimeUnit.SECONDS);
            assertThat(second).isNotNull();
            assertThat(second.topic()).isEqualTo(Topics.agentAccessResponse("A1"));
            assertThat(parse(second).requestId()).isEqualTo(wrongDoor);
            assertThat(parse(second).decision()).isEqualTo(Verdict.DENY);
            assertThat(parse(second).reason()).isEqualTo(ReaderDecisions.READER_DOOR_MISMATCH);
            assertThat(stats.snapshot().responseTopicsIgnored()).isEqualTo(ignoredBefore + 1);
        }
    }

    @Test
    void anAgentEventIsStoredOnceEvenIfPublishedTwice() throws Exception {
        try (Device a1 = agent("a1-events")) {
            long storedBefore = stats.snapshot().events().getOrDefault(MqttIngressStats.STORED, 0L);
            long duplicateBefore = stats.snapshot().events().getOrDefault(MqttIngressStats.DUPLICATE, 0L);
            AgentEvent event = new AgentEvent("A1", 1, controllerNow(), AgentEventType.DEVICE_ONLINE, null, "R7",
                    Map.of());
            byte[] payload = ContractJson.write(event);
            assertThat(a1.publish(Topics.agentEvents("A1"), payload)).isLessThan(0x80);
            assertThat(a1.publish(Topics.agentEvents("A1"), payload)).isLessThan(0x80);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(stats.snapshot().events().getOrDefault(MqttIngressStats.STORED, 0L))
                        .isEqualTo(storedBefore + 1);
                assertThat(stats.snapshot().events().getOrDefault(MqttIngressStats.DUPLICATE, 0L))
                        .isEqualTo(duplicateBefore + 1);
            });
        }
    }

    @Test
    void anEventWhoseAgentIdIsNotTheTopicsIsRejectedAsSpoofing() throws Exception {
        try (Device a1 = agent("a1-spoof")) {
            long before = stats.rejections(MqttIngress.AGENT_ID_MISMATCH);
            long storedBefore = stats.snapshot().events().getOrDefault(MqttIngressStats.STORED, 0L);
            AgentEvent spoofed = new AgentEvent("A2", 5, controllerNow(), AgentEventType.DOOR_STATE, "D1", null,
                    Map.of("state", "OPEN"));
            assertThat(a1.publish(Topics.agentEvents("A1"), ContractJson.write(spoofed))).isLessThan(0x80);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stats.rejections(MqttIngress.AGENT_ID_MISMATCH) == before + 1);
            assertThat(stats.snapshot().events().getOrDefault(MqttIngressStats.STORED, 0L)).isEqualTo(storedBefore);
        }
    }

    @Test
    void anAgentsRetainedStatusReachesPresence() throws Exception {
        try (Device a1 = agent("a1-status")) {
            long before = stats.snapshot().statusUpdates();
            AgentStatus online = new AgentStatus("A1", AgentStatus.State.ONLINE, controllerNow(), "1.2.3");
            assertThat(a1.publish(Topics.agentStatus("A1"), ContractJson.write(online))).isLessThan(0x80);
            await().atMost(Duration.ofSeconds(10)).until(() -> stats.snapshot().statusUpdates() == before + 1);
            assertThat(ctx.getBean(AgentRepository.class).findById("A1")).isPresent();
        }
    }

    @Test
    void doorCommandsReachTheAgentsCommandTopic() throws Exception {
        try (Device a1 = agent("a1-commands")) {
            assertThat(a1.subscribe(Topics.agentCommands("A1"))).isEqualTo(1);
            DoorCommand command = new DoorCommand("cmd-1", "D1", DoorCommand.Action.UNLOCK, 5000, null);
            ctx.getBean(DoorCommandPublisher.class).send("A1", command);

            Received got = a1.received.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.topic()).isEqualTo(Topics.agentCommands("A1"));
            assertThat(got.message().getQos()).isEqualTo(1);
            assertThat(ContractJson.parse(got.message().getPayload(), DoorCommand.class))
                    .isEqualTo(new Parsed.Ok<>(command));
        }
    }

    @Test
    void statsAreReadOnlyForAdminsAndSupervisors() {
        try (HttpClient http = ctx.createBean(HttpClient.class, server.getURL())) {
            HttpClientResponseException anonymous = org.assertj.core.api.Assertions.catchThrowableOfType(
                    HttpClientResponseException.class,
                    () -> http.toBlocking().retrieve(HttpRequest.GET("/api/v1/mqtt/stats"), Map.class));
            assertThat(anonymous.getStatus().getCode()).isEqualTo(401);

            Api admin = Api.admin(http);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = admin.get("/api/v1/mqtt/stats", Map.class);
            assertThat(body).containsKeys("connected", "decisions", "rejections", "events", "aclDenials",
                    "authFailures");
            assertThat(body.get("connected")).isEqualTo(true);

            Api supervisor = admin.newOperator(http, "sup-mqtt", "SUPERVISOR");
            assertThat(supervisor.get("/api/v1/mqtt/stats", Map.class)).containsKey("rejections");
            Api guard = admin.newOperator(http, "guard-mqtt", "GUARD");
            HttpClientResponseException forbidden = org.assertj.core.api.Assertions.catchThrowableOfType(
                    HttpClientResponseException.class, () -> guard.get("/api/v1/mqtt/stats", Map.class));
            assertThat(forbidden.getStatus().getCode()).isEqualTo(403);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static Device reader(String clientId) throws Exception {
        return TestMqttClients.connect(uri, "reader-R1-" + clientId, "reader-R1", READER_SECRET);
    }

    private static Device agent(String clientId) throws Exception {
        return TestMqttClients.connect(uri, "agent-A1-" + clientId, "agent-A1", AGENT_SECRET);
    }

    private static ReaderRead cardRead(String requestId) {
        return ReaderRead.ofCard(requestId, controllerNow(), new CardData("H10301", 1, 1234));
    }

    private static String requestId() {
        return "req-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static DecisionMessage decisionFrom(Device device) throws InterruptedException {
        Received got = device.received.poll(10, TimeUnit.SECONDS);
        assertThat(got).as("a decision arrives").isNotNull();
        return parse(got);
    }

    private static DecisionMessage parse(Received received) {
        Parsed<DecisionMessage> parsed = ContractJson.parse(received.message().getPayload(), DecisionMessage.class);
        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok<DecisionMessage>) parsed).value();
    }

    /** The controller's clock: reads are judged against it ({@link MqttIngress#STALE_READ}). */
    private static Instant controllerNow() {
        return ctx.getBean(java.time.Clock.class).instant();
    }
}
