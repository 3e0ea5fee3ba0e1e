package dev.warden.controller.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.AgentStatus;
import dev.warden.controller.Api;
import dev.warden.controller.MutableClock;
import dev.warden.controller.event.AgentEventIngestion;
import dev.warden.controller.event.AgentPresence;
import dev.warden.controller.event.IngestResult;
import dev.warden.controller.event.StoredAgentEventListener;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the alarms end to end on a real controller (H2, HTTP): raise → acknowledge (comment required) → clear
 * with every action attributed, role checks, de-duplication, a door held open past its time through the ticker on a
 * pinned clock, temperature thresholds with hysteresis from SENSOR_READING events through agent-event ingestion,
 * agent offline/online, the silent duress alarm, the live stream, and that a failing event listener never breaks
 * ingestion.
 */
@MicronautTest(transactional = false)
@Property(name = AlarmsIT.PINNED, value = "true")
@Property(name = "warden.alarms.heartbeat", value = "500ms")
class AlarmsIT {
    static final String PINNED = "warden.test.alarms-clock";
    static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    static final MutableClock CLOCK = new MutableClock(T);
    static final AtomicLong SEQ = new AtomicLong();
    static final Duration WAIT = Duration.ofSeconds(10);

    /** This test's controller runs on {@link #CLOCK}. */
    @Factory
    @Requires(property = PINNED, value = "true")
    static class PinnedClock {
        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            return CLOCK;
        }
    }

    /** A listener that fails on events of device A-boom: ingestion and the other listeners must not notice. */
    @Singleton
    @Requires(property = PINNED, value = "true")
    static class FailingListener implements StoredAgentEventListener {
        @Override
        public void onStored(AgentEvent event, String doorId) {
            if ("A-boom".equals(event.deviceId())) {
                throw new IllegalStateException("listener failure on purpose");
            }
        }
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    AgentEventIngestion ingestion;

    @Inject
    AgentPresence presence;

    @Inject
    AlarmInputs inputs;

    @Inject
    AlarmBroadcaster broadcaster;

    Api admin;
    Api guard;
    Api supervisor;
    Api auditor;

    @BeforeEach
    void setUp() {
        CLOCK.set(T.plusSeconds(SEQ.get() * 1000));
        admin = Api.admin(client);
        if (admin.list("/api/v1/sites").stream().noneMatch(s -> "A-site".equals(s.get("id")))) {
            admin.create("/api/v1/sites", Map.of("id", "A-site", "name", "A", "timeZone", "UTC"));
            admin.create("/api/v1/areas", Map.of("id", "A-area", "siteId", "A-site", "name", "A", "kind", "ROOM"));
            admin.newOperator(client, "a-guard", "GUARD");
            admin.newOperator(client, "a-super", "SUPERVISOR");
            admin.newOperator(client, "a-audit", "AUDITOR");
        }
        guard = Api.as(client, "a-guard", "password-of-a-guard");
        supervisor = Api.as(client, "a-super", "password-of-a-super");
        auditor = Api.as(client, "a-audit", "password-of-a-audit");
    }

    private void door(String id, String kind) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "name", "Door " + id, "areaId", "A-area",
                "kind", kind, "readerInId", id + "-in", "agentId", "agent-a", "unlockMs", 5000));
        admin.create("/api/v1/doors", body);
    }

    private IngestResult ingest(AgentEventType type, String door, String device, Instant at, Map<String, String> attrs) {
        return ingestion.ingest(new AgentEvent("agent-a", SEQ.incrementAndGet(), at, type, door, device, attrs));
    }

    private void flush() {
        assertThat(inputs.flush(WAIT)).as("alarm inputs evaluated").isTrue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> alarms(Api as, String query) {
        return (List<Map<String, Object>>) as.map("/api/v1/alarms?size=500&" + query).get("items");
    }

    private Map<String, Object> onlyAlarm(Api as, String query) {
        List<Map<String, Object>> found = alarms(as, query);
        assertThat(found).as(query).hasSize(1);
        return found.getFirst();
    }

    private HttpResponse<Map<String, Object>> act(Api as, Object id, String action, Object body) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/alarms/" + id + "/" + action, body)
                .bearerAuth(as.token()), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alarmOf(HttpResponse<Map<String, Object>> response) {
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        return (Map<String, Object>) response.body().get("alarm");
    }

    /** Verifies raise → acknowledge (comment required, by the token's operator) → clear, and the whole history. */
    @Test
    void aForcedDoorIsRaisedAcknowledgedAndCleared() {
        door("A-forced", "DOOR");
        Instant now = CLOCK.instant();
        assertThat(ingest(AgentEventType.DOOR_STATE, "A-forced", "A-forced-contact", now, Map.of("state", "OPEN")))
                .isEqualTo(IngestResult.STORED);
        flush();
        Map<String, Object> alarm = onlyAlarm(guard, "doorId=A-forced&state=OPEN");
        assertThat(alarm).containsEntry("type", "DOOR_FORCED").containsEntry("priority", 2)
                .containsEntry("state", "ACTIVE").containsEntry("areaId", "A-area").containsEntry("count", 1)
                .containsEntry("place", "door:A-forced");
        Object id = alarm.get("id");

        Api.Failure noComment = guard.fails(() -> act(guard, id, "acknowledge", Map.of()));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.error().message()).contains("comment is required");
        assertThat(guard.fails(() -> act(guard, id, "acknowledge", Map.of("comment", "  "))).status()).isEqualTo(400);
        assertThat(auditor.fails(() -> act(auditor, id, "acknowledge", Map.of("comment", "seen"))).status())
                .as("an auditor may not acknowledge").isEqualTo(403);

        CLOCK.advance(Duration.ofSeconds(20));
        Map<String, Object> acked = alarmOf(act(guard, id, "acknowledge", Map.of("comment", "guard sent")));
        assertThat(acked).containsEntry("state", "ACKNOWLEDGED").containsEntry("acknowledgedBy", "a-guard")
                .containsEntry("acknowledgedComment", "guard sent")
                .containsEntry("acknowledgedAt", CLOCK.instant().toString());
        Api.Failure twice = guard.fails(() -> act(guard, id, "acknowledge", Map.of("comment", "again")));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.error().error()).isEqualTo("CONFLICT");

        assertThat(guard.fails(() -> act(guard, id, "clear", Map.of("comment", "done"))).status())
                .as("a guard may not clear").isEqualTo(403);
        assertThat(supervisor.fails(() -> act(supervisor, id, "clear", Map.of())).status()).isEqualTo(400);
        Map<String, Object> cleared = alarmOf(act(supervisor, id, "clear", Map.of("comment", "door repaired")));
        assertThat(cleared).containsEntry("state", "CLEARED").containsEntry("clearedBy", "a-super")
                .containsEntry("clearedComment", "door repaired").containsEntry("acknowledgedBy", "a-guard");
        assertThat(supervisor.fails(() -> act(supervisor, id, "clear", Map.of("comment", "x"))).status())
                .isEqualTo(409);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) guard.map("/api/v1/alarms/" + id).get("history");
        assertThat(history).extracting(h -> h.get("action"), h -> h.get("operator"), h -> h.get("comment"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RAISED", null, "door opened at " + now + " without a grant or unlock"),
                        org.assertj.core.groups.Tuple.tuple("ACKNOWLEDGED", "a-guard", "guard sent"),
                        org.assertj.core.groups.Tuple.tuple("CLEARED", "a-super", "door repaired"));
        assertThat(alarms(guard, "doorId=A-forced&state=OPEN")).isEmpty();
        assertThat(alarms(guard, "doorId=A-forced&state=CLEARED")).hasSize(1);

        assertThat(guard.fails(() -> guard.map("/api/v1/alarms/999999")).status()).isEqualTo(404);
        assertThat(guard.fails(() -> guard.map("/api/v1/alarms/not-a-number")).status()).isEqualTo(404);
        assertThat(guard.fails(() -> guard.map("/api/v1/alarms?state=SLEEPING")).status()).isEqualTo(400);
        assertThat(guard.fails(() -> guard.map("/api/v1/alarms?priority=9")).status()).isEqualTo(400);
    }

    /** Verifies one open alarm per type and place: a repeat counts; after clearing, a new alarm opens. */
    @Test
    void repeatsAreCountedOnTheOpenAlarm() {
        Instant now = CLOCK.instant();
        inputs.onSignal("TERMINATED_CREDENTIAL", now, "A-x", "A-area", "A-fired", "credential c-9");
        inputs.onSignal("TERMINATED_CREDENTIAL", now.plusSeconds(1), "A-x", "A-area", "A-fired", "credential c-9");
        inputs.onSignal("TERMINATED_CREDENTIAL", now.plusSeconds(2), "A-y", "A-area", "A-fired", "credential c-9");
        flush();
        Map<String, Object> alarm = onlyAlarm(supervisor, "type=TERMINATED_CREDENTIAL&state=OPEN");
        assertThat(alarm).containsEntry("count", 3).containsEntry("priority", 1).containsEntry("personId", "A-fired")
                .containsEntry("lastAt", now.plusSeconds(2).toString());
        alarmOf(act(supervisor, alarm.get("id"), "clear", Map.of("comment", "badge collected")));
        inputs.onSignal("TERMINATED_CREDENTIAL", now.plusSeconds(3), "A-x", "A-area", "A-fired", "credential c-9");
        flush();
        assertThat(alarms(supervisor, "type=TERMINATED_CREDENTIAL")).hasSize(2)
                .anySatisfy(a -> assertThat(a).containsEntry("state", "ACTIVE").containsEntry("count", 1));
    }

    /** Verifies that the 5th denial within 60 s at one door raises once; the 4th does not. */
    @Test
    void repeatedDenialsAtADoor() {
        Instant now = CLOCK.instant();
        for (int i = 0; i < 4; i++) {
            inputs.onDecidedRead(new DecidedRead(now.plusSeconds(i), "A-denied", "A-denied-in", null, null, false,
                    "UNKNOWN_CREDENTIAL", 0));
        }
        flush();
        assertThat(alarms(guard, "doorId=A-denied")).isEmpty();
        for (int i = 4; i < 8; i++) {
            inputs.onDecidedRead(new DecidedRead(now.plusSeconds(i), "A-denied", "A-denied-in", "p", "c-1", false,
                    "NO_ACCESS_LEVEL", 0));
        }
        flush();
        assertThat(onlyAlarm(guard, "doorId=A-denied&type=REPEATED_DENIALS"))
                .containsEntry("count", 1).containsEntry("place", "door:A-denied");
    }

    /** Verifies DOOR_HELD strictly after the held-open time on the pinned clock, cleared by CLOSED; no forcing. */
    @Test
    void aDoorHeldOpenPastItsTimeAfterAGrant() {
        door("A-held", "DOOR");
        Instant granted = CLOCK.instant();
        inputs.onDecidedRead(new DecidedRead(granted, "A-held", "A-held-in", "p-1", "c-1", true, "GRANTED", 5000));
        ingest(AgentEventType.DOOR_STATE, "A-held", "A-held-contact", granted.plusSeconds(1), Map.of("state", "OPEN"));
        CLOCK.set(granted.plusSeconds(31));
        inputs.tick();
        flush();
        assertThat(alarms(guard, "doorId=A-held")).as("30 s after opening is not past the time").isEmpty();
        CLOCK.set(granted.plusSeconds(32));
        inputs.tick();
        flush();
        Map<String, Object> held = onlyAlarm(guard, "doorId=A-held");
        assertThat(held).containsEntry("type", "DOOR_HELD").containsEntry("state", "ACTIVE").containsEntry("priority", 3);

        ingest(AgentEventType.DOOR_STATE, "A-held", "A-held-contact", granted.plusSeconds(40), Map.of("state", "CLOSED"));
        flush();
        Map<String, Object> closed = onlyAlarm(guard, "doorId=A-held");
        assertThat(closed).containsEntry("state", "CLEARED").containsEntry("clearedBy", null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) guard.map("/api/v1/alarms/" + closed.get("id"))
                .get("history");
        assertThat(history).extracting(h -> h.get("action")).containsExactly("RAISED", "AUTO_CLEARED");
    }

    /** Verifies tailgating at a gate: two passages after one grant raise once; a grant's own passage does not. */
    @Test
    void tailgatingAtAGate() {
        door("A-gate", "GATE");
        Instant granted = CLOCK.instant();
        inputs.onDecidedRead(new DecidedRead(granted, "A-gate", "A-gate-in", "p-1", "c-1", true, "GRANTED", 3000));
        ingest(AgentEventType.PASSAGE, "A-gate", "A-gate-relay", granted.plusSeconds(1), Map.of());
        flush();
        assertThat(alarms(guard, "doorId=A-gate")).isEmpty();
        ingest(AgentEventType.PASSAGE, "A-gate", "A-gate-relay", granted.plusSeconds(2), Map.of());
        flush();
        assertThat(onlyAlarm(guard, "doorId=A-gate")).containsEntry("type", "TAILGATING").containsEntry("priority", 2);
    }

    /** Verifies temperature thresholds with hysteresis from SENSOR_READING events, and a sensor's own band. */
    @Test
    void temperatureAndHumidityOutOfRange() {
        Instant now = CLOCK.instant();
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now, reading("temperature", "35.00", "C"));
        flush();
        assertThat(alarms(guard, "type=TEMPERATURE")).as("35 is not above 35").isEmpty();
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(1), reading("temperature", "41.50", "C"));
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(2), reading("temperature", "42.00", "C"));
        flush();
        Map<String, Object> hot = onlyAlarm(guard, "type=TEMPERATURE");
        assertThat(hot).containsEntry("state", "ACTIVE").containsEntry("level", "HIGH")
                .containsEntry("deviceId", "A-env").containsEntry("place", "sensor:A-env/temperature")
                .containsEntry("count", 1).containsEntry("detail", "41.5 C is above 35.0");
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(3), reading("temperature", "33.00", "C"));
        flush();
        assertThat(onlyAlarm(guard, "type=TEMPERATURE")).as("33 is not past the hysteresis").containsEntry("state", "ACTIVE");
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(4), reading("temperature", "32.90", "C"));
        flush();
        assertThat(onlyAlarm(guard, "type=TEMPERATURE")).containsEntry("state", "CLEARED");

        assertThat(guard.fails(() -> guard.put("/api/v1/sensor-thresholds/A-env/humidity",
                Map.of("low", 30, "high", 50, "hysteresis", 1), Map.class)).status()).isEqualTo(403);
        assertThat(admin.fails(() -> admin.put("/api/v1/sensor-thresholds/A-env/humidity",
                Map.of("low", 50, "high", 30, "hysteresis", 1), Map.class)).status()).isEqualTo(400);
        admin.put("/api/v1/sensor-thresholds/A-env/humidity", Map.of("low", 30, "high", 50, "hysteresis", 1), Map.class);
        assertThat(guard.list("/api/v1/sensor-thresholds")).anySatisfy(t ->
                assertThat(t).containsEntry("deviceId", "A-env").containsEntry("quantity", "humidity"));
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(5), reading("humidity", "55.00", "%"));
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(6), reading("humidity", "not-a-number", "%"));
        flush();
        assertThat(onlyAlarm(guard, "type=HUMIDITY")).containsEntry("level", "HIGH").containsEntry("priority", 3);
        admin.delete("/api/v1/sensor-thresholds/A-env/humidity");
    }

    /** Verifies AGENT_OFFLINE from the agent's status, cleared when it is back, and a tamper switch. */
    @Test
    void agentOfflineAndTamper() {
        Instant now = CLOCK.instant();
        presence.statusChanged(new AgentStatus("agent-off", AgentStatus.State.ONLINE, now, "1"));
        presence.statusChanged(new AgentStatus("agent-off", AgentStatus.State.OFFLINE, now.plusSeconds(1), "1"));
        flush();
        assertThat(onlyAlarm(guard, "type=AGENT_OFFLINE")).containsEntry("agentId", "agent-off")
                .containsEntry("state", "ACTIVE").containsEntry("priority", 2);
        presence.statusChanged(new AgentStatus("agent-off", AgentStatus.State.ONLINE, now.plusSeconds(2), "1"));
        flush();
        assertThat(onlyAlarm(guard, "type=AGENT_OFFLINE")).containsEntry("state", "CLEARED");

        ingest(AgentEventType.TAMPER, null, "A-rdr", now, Map.of("state", "ACTIVE"));
        ingest(AgentEventType.TAMPER, null, "A-rdr", now.plusSeconds(1), Map.of("state", "ACTIVE"));
        ingest(AgentEventType.SENSOR_ALARM, null, "A-env2", now, Map.of("input", "smoke", "state", "ACTIVE"));
        flush();
        assertThat(onlyAlarm(guard, "type=TAMPER")).containsEntry("count", 2).containsEntry("deviceId", "A-rdr");
        assertThat(onlyAlarm(guard, "type=SMOKE")).containsEntry("priority", 1);
        ingest(AgentEventType.TAMPER, null, "A-rdr", now.plusSeconds(2), Map.of("state", "CLEARED"));
        flush();
        assertThat(onlyAlarm(guard, "type=TAMPER")).containsEntry("state", "CLEARED");
    }

    /** Verifies escalation by a supervisor only, up to priority 1, and that duress stays silent for guards. */
    @Test
    void escalationAndTheSilentDuressAlarm() {
        Instant now = CLOCK.instant();
        inputs.onSignal("PASSBACK", now, "A-pb", "A-area", "A-p2", "entered twice");
        inputs.onSignal("DURESS", now, "A-pb", "A-area", "A-p3", "duress PIN");
        flush();
        Object id = onlyAlarm(guard, "type=PASSBACK").get("id");
        assertThat(guard.fails(() -> act(guard, id, "escalate", Map.of("comment", "x"))).status()).isEqualTo(403);
        for (int expected = 3; expected >= 1; expected--) {
            assertThat(alarmOf(act(supervisor, id, "escalate", Map.of("comment", "again"))))
                    .containsEntry("priority", expected);
        }
        assertThat(supervisor.fails(() -> act(supervisor, id, "escalate", Map.of("comment", "more"))).status())
                .isEqualTo(409);

        assertThat(alarms(guard, "type=DURESS")).isEmpty();
        assertThat(alarms(guard, "doorId=A-pb")).extracting(a -> a.get("type")).containsExactly("PASSBACK");
        Map<String, Object> duress = onlyAlarm(supervisor, "type=DURESS&doorId=A-pb");
        assertThat(duress).containsEntry("priority", 1).containsEntry("personId", "A-p3");
        assertThat(guard.fails(() -> guard.map("/api/v1/alarms/" + duress.get("id"))).status()).isEqualTo(404);
        assertThat(guard.fails(() -> act(guard, duress.get("id"), "acknowledge", Map.of("comment", "x"))).status())
                .isEqualTo(404);
        alarmOf(act(supervisor, duress.get("id"), "acknowledge", Map.of("comment", "police called")));
    }

    /** Verifies that a failing StoredAgentEventListener is logged and counted and the alarms still hear the event. */
    @Test
    void aFailingListenerNeverBreaksIngestion() {
        long failures = ingestion.listenerFailureCount();
        Instant now = CLOCK.instant();
        assertThat(ingest(AgentEventType.SENSOR_ALARM, null, "A-boom", now, Map.of("input", "leak", "state", "ACTIVE")))
                .isEqualTo(IngestResult.STORED);
        assertThat(ingestion.listenerFailureCount()).isEqualTo(failures + 1);
        flush();
        assertThat(onlyAlarm(guard, "type=LEAK")).containsEntry("deviceId", "A-boom");
    }

    /** Verifies the live stream: an "alarm" event per change, heartbeats, duress only for supervisors. */
    @Test
    void alarmChangesArriveOnTheStream() throws Exception {
        List<String> guardLines = new CopyOnWriteArrayList<>();
        List<String> superLines = new CopyOnWriteArrayList<>();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            InputStream guardStream = open(http, guard, guardLines);
            InputStream superStream = open(http, supervisor, superLines);
            await().atMost(WAIT).until(() -> broadcaster.subscribers() >= 2);
            Instant now = CLOCK.instant();
            inputs.onSignal("DURESS", now, "A-st", "A-area", "A-p9", "duress");
            inputs.onSignal("UNESCORTED_VISITOR", now, "A-st", "A-area", "A-v9", "escort left");
            await().atMost(WAIT).until(() -> guardLines.stream().anyMatch(l -> l.contains("UNESCORTED_VISITOR")));
            await().atMost(WAIT).until(() -> superLines.stream().anyMatch(l -> l.contains("\"DURESS\"")));
            await().atMost(WAIT).until(() -> superLines.stream().anyMatch(l -> l.contains("UNESCORTED_VISITOR")));
            assertThat(guardLines).contains("event: alarm").noneMatch(l -> l.contains("\"DURESS\""));
            await().atMost(WAIT).until(() -> guardLines.contains(": heartbeat"));
            guardStream.close();
            superStream.close();
        }
    }

    private InputStream open(java.net.http.HttpClient http, Api as, List<String> lines) throws Exception {
        java.net.http.HttpResponse<InputStream> response = http.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.getPort() + "/api/v1/alarms/stream"))
                .header("Authorization", "Bearer " + as.token())
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        });
        return response.body();
    }

    private static Map<String, String> reading(String quantity, String value, String unit) {
        return Map.of("quantity", quantity, "value", value, "unit", unit);
    }
}
