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
import dev.warden.contract.FingerprintMatch;
import dev.warden.contract.ReaderKeyRequest;
import dev.warden.contract.ReaderKeyResponse;
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
            admin.post("/api/v1/doors", Map.of("id", "D-FP", "name", "Vault door", "areaId", "AR1", "kind", "DOOR",
                    "readerInId", "R9", "readerOutId", "R9-out", "agentId", "A1", "unlockMs", 2000,
                    "secondFactor", "FINGERPRINT"), Map.class);
            admin.post("/api/v1/doors", Map.of("id", "D-B1", "name", "Other agent's door", "areaId", "AR1",
                    "kind", "DOOR", "readerInId", "R8", "readerOutId", "R8-out", "agentId", "B1"), Map.class);
            admin.post("/api/v1/people", Map.of("id", "P1", "displayName", "Ada Admitted", "kind", "EMPLOYEE"),
                    Map.class);
            admin.post("/api/v1/credentials", Map.of("id", "C1", "format", "H10301", "facility", 1, "number", 1234,
                    "personId", "P1"), Map.class);
            admin.post("/api/v1/fingerprints", Map.of("id", "F1", "personId", "P1", "moduleId", "fp-a1",
                    "pageId", 5), Map.class);
            List<Map<String, String>> allWeek = java.util.stream.Stream.of("MONDAY", "TUESDAY", "WEDNESDAY",
                            "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                    .map(day -> Map.of("day", day, "start", "00:00", "end", "24:00"))
                    .toList();
            admin.post("/api/v1/schedules", Map.of("id", "always", "name", "Always", "siteId", "S1",
                    "windows", allWeek), Map.class);
            admin.post("/api/v1/access-levels", Map.of("id", "L1", "name", "Hall and cage", "scheduleId", "always",
                    "doorIds", List.of("D-R1", "D-A1", "D-FP")), Map.class);
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

    // --- card + fingerprint -----------------------------------------------------------------------------

    @Test
    void anAccessRequestCarriesTheFingerIntoTheDecision() throws Exception {
        try (Device a1 = agent("a1-finger")) {
            assertThat(a1.subscribe(Topics.agentAccessResponse("A1"))).isEqualTo(1);
            CardData card = new CardData("H10301", 1, 1234);

            String withFinger = requestId();
            a1.publish(Topics.agentAccessRequest("A1"), ContractJson.write(new AccessRequest(withFinger, "D-FP", "R9",
                    Direction.IN, controllerNow(), card, null, null, new FingerprintMatch("fp-a1", 5, 120))),
                    Topics.agentAccessResponse("A1"), withFinger.getBytes(StandardCharsets.UTF_8));
            DecisionMessage granted = decisionFrom(a1);
            assertThat(granted.requestId()).isEqualTo(withFinger);
            assertThat(granted.decision()).isEqualTo(Verdict.GRANT);
            assertThat(granted.unlockMs()).isEqualTo(2000);

            String cardOnly = requestId();
            a1.publish(Topics.agentAccessRequest("A1"), ContractJson.write(new AccessRequest(cardOnly, "D-FP", "R9",
                    Direction.IN, controllerNow(), card, null, null)), Topics.agentAccessResponse("A1"), null);
            DecisionMessage required = decisionFrom(a1);
            assertThat(required.requestId()).isEqualTo(cardOnly);
            assertThat(required.decision()).isEqualTo(Verdict.DENY);
            assertThat(required.reason()).isEqualTo("SECOND_FACTOR_REQUIRED");

            String wrongFinger = requestId();
            a1.publish(Topics.agentAccessRequest("A1"), ContractJson.write(new AccessRequest(wrongFinger, "D-FP", "R9",
                    Direction.IN, controllerNow(), card, null, null, new FingerprintMatch("fp-a1", 6, 120))),
                    Topics.agentAccessResponse("A1"), null);
            assertThat(decisionFrom(a1).reason()).isEqualTo("SECOND_FACTOR_MISMATCH");

            a1.publish(Topics.agentAccessRequest("A1"), ("{\"requestId\":\"fp-bad\",\"doorId\":\"D-FP\","
                    + "\"readerId\":\"R9\",\"direction\":\"IN\",\"timestamp\":\"" + controllerNow() + "\","
                    + "\"wiegand\":\"01\",\"fingerprint\":{\"moduleId\":\"fp-a1\",\"pageId\":70000,\"score\":1}}")
                    .getBytes(StandardCharsets.UTF_8), Topics.agentAccessResponse("A1"), null);
            DecisionMessage invalid = decisionFrom(a1);
            assertThat(invalid.requestId()).isEqualTo("fp-bad");
            assertThat(invalid.decision()).isEqualTo(Verdict.REJECTED);
            assertThat(invalid.reason()).isEqualTo("INVALID_PAYLOAD");
        }
    }

    // --- reader keys -----------------------------------------------------------------------------------

    /**
     * Verifies the key request/response: the first request makes a random 16-byte key and stores it, later requests
     * (also for the same reader's other instance of a request) get the same key, with the request's correlation
     * data on the agent's own key response topic; the key never appears in the log.
     */
    @Test
    void anAgentGetsTheSameKeyOfItsOwnReaderEveryTimeAndTheKeyIsNeverLogged() throws Exception {
        ch.qos.logback.classic.Logger warden =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.warden");
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        ch.qos.logback.classic.Level before = warden.getLevel();
        warden.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(logged);
        try (Device a1 = agent("a1-keys")) {
            assertThat(a1.subscribe(Topics.agentKeyResponse("A1"))).isEqualTo(1);
            long createdBefore = stats.keyRequests("CREATED");
            long issuedBefore = stats.keyRequests("ISSUED");

            byte[] correlation = {7, 7, 7};
            assertThat(a1.publish(Topics.agentKeyRequest("A1"), ContractJson.write(new ReaderKeyRequest("k-1", "R9")),
                    Topics.agentKeyResponse("A1"), correlation)).isLessThan(0x80);
            Received first = a1.received.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("a key response arrives").isNotNull();
            assertThat(first.topic()).isEqualTo(Topics.agentKeyResponse("A1"));
            assertThat(first.message().getProperties().getCorrelationData()).containsExactly(correlation);
            assertThat(first.message().getProperties().getMessageExpiryInterval()).isNotNull();
            assertThat(first.message().isRetained()).isFalse();
            ReaderKeyResponse issued = keyResponse(first);
            assertThat(issued.requestId()).isEqualTo("k-1");
            assertThat(issued.readerId()).isEqualTo("R9");
            assertThat(issued.reason()).isNull();
            assertThat(issued.scbk()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));

            a1.publish(Topics.agentKeyRequest("A1"), ContractJson.write(new ReaderKeyRequest("k-2", "R9")),
                    Topics.agentKeyResponse("A1"), null);
            ReaderKeyResponse again = keyResponse(a1.received.poll(10, TimeUnit.SECONDS));
            assertThat(again.requestId()).isEqualTo("k-2");
            assertThat(again.scbk()).as("a later request returns the stored key").isEqualTo(issued.scbk());

            a1.publish(Topics.agentKeyRequest("A1"), ContractJson.write(new ReaderKeyRequest("k-3", "R9-out")),
                    Topics.agentKeyResponse("A1"), null);
            ReaderKeyResponse outReader = keyResponse(a1.received.poll(10, TimeUnit.SECONDS));
            assertThat(outReader.scbk()).as("every reader has its own key").isNotNull().isNotEqualTo(issued.scbk());

            assertThat(ctx.getBean(dev.warden.controller.readerkey.ReaderKeyRepository.class).findById("R9"))
                    .hasValueSatisfying(row -> {
                        assertThat(row.scbk()).isEqualTo(issued.scbk());
                        assertThat(row.toString()).doesNotContain(issued.scbk());
                    });
            assertThat(stats.keyRequests("CREATED")).isEqualTo(createdBefore + 2);
            assertThat(stats.keyRequests("ISSUED")).isEqualTo(issuedBefore + 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> logged.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("sent to agent A1 (request k-2)")));
            for (String key : List.of(issued.scbk(), outReader.scbk())) {
                assertThat(logged.list).noneSatisfy(e -> assertThat(
                        (e.getFormattedMessage() + e.getThrowableProxy()).toLowerCase()).contains(key));
            }
        } finally {
            root.detachAppender(logged);
            warden.setLevel(before);
        }
    }

    /**
     * Verifies that an agent gets no key for a reader it does not serve (another agent's, a standalone reader's, an
     * unknown one): the same NOT_YOUR_READER each time, counted; and that a malformed request is answered with its
     * reason.
     */
    @Test
    void noKeyForAReaderTheAgentDoesNotServeAndBadRequestsAreRejected() throws Exception {
        try (Device a1 = agent("a1-not-mine")) {
            assertThat(a1.subscribe(Topics.agentKeyResponse("A1"))).isEqualTo(1);
            long before = stats.keyRequests(ReaderKeyResponse.NOT_YOUR_READER);
            long ignoredBefore = stats.snapshot().responseTopicsIgnored();
            for (String reader : List.of("R8", "R1", "R-ghost")) {
                a1.publish(Topics.agentKeyRequest("A1"), ContractJson.write(new ReaderKeyRequest("k-" + reader, reader)),
                        "warden/v1/agents/A1/elsewhere", null);
                Received got = a1.received.poll(10, TimeUnit.SECONDS);
                assertThat(got).as("answer for %s", reader).isNotNull();
                assertThat(got.topic()).isEqualTo(Topics.agentKeyResponse("A1"));
                assertThat(keyResponse(got)).isEqualTo(ReaderKeyResponse.refused("k-" + reader, reader,
                        ReaderKeyResponse.NOT_YOUR_READER));
            }
            assertThat(stats.keyRequests(ReaderKeyResponse.NOT_YOUR_READER)).isEqualTo(before + 3);
            assertThat(stats.snapshot().responseTopicsIgnored()).isEqualTo(ignoredBefore + 3);
            assertThat(ctx.getBean(dev.warden.controller.readerkey.ReaderKeyRepository.class).findById("R8"))
                    .as("no key is made for a refused request").isEmpty();

            a1.publish(Topics.agentKeyRequest("A1"), "{\"requestId\":".getBytes(StandardCharsets.UTF_8));
            ReaderKeyResponse malformed = keyResponse(a1.received.poll(10, TimeUnit.SECONDS));
            assertThat(malformed).isEqualTo(ReaderKeyResponse.refused(null, null, Parsed.MALFORMED_JSON));
            a1.publish(Topics.agentKeyRequest("A1"),
                    "{\"requestId\":\"k-bad\",\"readerId\":\"a/b\"}".getBytes(StandardCharsets.UTF_8));
            ReaderKeyResponse invalid = keyResponse(a1.received.poll(10, TimeUnit.SECONDS));
            assertThat(invalid).isEqualTo(ReaderKeyResponse.refused("k-bad", null, Parsed.INVALID_PAYLOAD));

            try (HttpClient http = ctx.createBean(HttpClient.class, server.getURL())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = Api.admin(http).get("/api/v1/mqtt/stats", Map.class);
                @SuppressWarnings("unchecked")
                Map<String, Object> keys = (Map<String, Object>) body.get("keyRequests");
                assertThat(((Number) keys.get(ReaderKeyResponse.NOT_YOUR_READER)).longValue()).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void anotherAgentCannotAskOnTheKeyTopicsOfA1() throws Exception {
        DeviceAcls.Acl b1 = DeviceAcls.agent("B1", List.of());
        ctx.getBean(MqttAccounts.class).upsert("agent-B1", AGENT_SECRET, b1.publish(), b1.subscribe());
        try (Device agentB = TestMqttClients.connect(uri, "agent-B1", "agent-B1", AGENT_SECRET)) {
            assertThat(agentB.subscribe(Topics.agentKeyResponse("A1"))).as("B1 may not read A1's keys")
                    .isEqualTo(0x87);
            assertThat(agentB.subscribe(Topics.agentKeyResponse("B1"))).isEqualTo(1);
            assertThat(agentB.publish(Topics.agentKeyRequest("B1"),
                    ContractJson.write(new ReaderKeyRequest("kb", "R8-out")))).isLessThan(0x80);
            ReaderKeyResponse own = keyResponse(agentB.received.poll(10, TimeUnit.SECONDS));
            assertThat(own.readerId()).isEqualTo("R8-out");
            assertThat(own.scbk()).isNotNull();
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

    private static ReaderKeyResponse keyResponse(Received received) {
        assertThat(received).as("a key response arrives").isNotNull();
        Parsed<ReaderKeyResponse> parsed = ContractJson.parse(received.message().getPayload(), ReaderKeyResponse.class);
        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok<ReaderKeyResponse>) parsed).value();
    }

    /** The controller's clock: reads are judged against it ({@link MqttIngress#STALE_READ}). */
    private static Instant controllerNow() {
        return ctx.getBean(java.time.Clock.class).instant();
    }
}
