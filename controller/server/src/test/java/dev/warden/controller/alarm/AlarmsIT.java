package dev.warden.controller.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dev.warden.controller.door.DoorRepository;
import dev.warden.policy.alarm.AlarmTrigger;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
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
@Property(name = "warden.alarms.max-open-device-alarms-per-agent", value = "" + AlarmsIT.PER_AGENT)
class AlarmsIT {
    static final int PER_AGENT = 20;
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

    /** The real store, which fails every write while {@link #DOWN} is set (a database outage). */
    @Singleton
    @Replaces(AlarmService.class)
    @Requires(property = PINNED, value = "true")
    static class FlakyAlarmService extends AlarmService {
        static final AtomicBoolean DOWN = new AtomicBoolean();
        /** Reading the open alarms fails while set (a database not yet reachable at start-up). */
        static final AtomicBoolean OPEN_DOWN = new AtomicBoolean();

        FlakyAlarmService(AlarmRepository alarms, AlarmActionRepository actions, DoorRepository doors,
                          TransactionOperations<Connection> transactions, AlarmBroadcaster broadcaster, Clock clock,
                          AlarmSettings settings) {
            super(alarms, actions, doors, transactions, broadcaster, clock, settings);
        }

        @Override
        public synchronized Optional<AlarmDto> apply(AlarmTrigger trigger) {
            if (DOWN.get()) {
                throw new DataAccessException("the alarm store is down on purpose");
            }
            return super.apply(trigger);
        }

        @Override
        public List<AlarmDto> open() {
            if (OPEN_DOWN.get()) {
                throw new DataAccessException("the alarm store is not reachable yet on purpose");
            }
            return super.open();
        }
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AlarmService service;

    @Inject
    AlarmRepository alarmRows;

    @Inject
    SensorThresholds thresholds;

    @Inject
    DoorRepository doorRows;

    @Inject
    AlarmSettings settings;

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
        return ingestAs("agent-a", type, door, device, at, attrs);
    }

    private IngestResult ingestAs(String agent, AgentEventType type, String door, String device, Instant at,
                                  Map<String, String> attrs) {
        return ingestion.ingest(new AgentEvent(agent, SEQ.incrementAndGet(), at, type, door, device, attrs));
    }

    private void flush() {
        assertThat(inputs.flush(WAIT)).as("alarm inputs evaluated").isTrue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> alarms(Api as, String query) {
        return (List<Map<String, Object>>) as.map("/api/v1/alarms?size=500&" + query).get("items");
    }

    /** The alarms of a query at one place (tests share the database: each uses places of its own). */
    private List<Map<String, Object>> alarmsAt(Api as, String query, String place) {
        return alarms(as, query).stream().filter(a -> place.equals(a.get("place"))).toList();
    }

    private Map<String, Object> onlyAlarmAt(Api as, String query, String place) {
        List<Map<String, Object>> found = alarmsAt(as, query, place);
        assertThat(found).as(query + " at " + place).hasSize(1);
        return found.getFirst();
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
    private static Map<String, Object> get(Api as, Object id) {
        return (Map<String, Object>) as.map("/api/v1/alarms/" + id).get("alarm");
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
        Map<String, Object> alarm = onlyAlarmAt(supervisor, "type=TERMINATED_CREDENTIAL&state=OPEN", "person:A-fired");
        assertThat(alarm).containsEntry("count", 3).containsEntry("priority", 1).containsEntry("personId", "A-fired")
                .containsEntry("lastAt", now.plusSeconds(2).toString());
        alarmOf(act(supervisor, alarm.get("id"), "clear", Map.of("comment", "badge collected")));
        inputs.onSignal("TERMINATED_CREDENTIAL", now.plusSeconds(3), "A-x", "A-area", "A-fired", "credential c-9");
        flush();
        assertThat(alarmsAt(supervisor, "type=TERMINATED_CREDENTIAL", "person:A-fired")).hasSize(2)
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
        CLOCK.set(granted.plusSeconds(1));
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

        CLOCK.set(granted.plusSeconds(40));
        ingest(AgentEventType.DOOR_STATE, "A-held", "A-held-contact", granted.plusSeconds(40), Map.of("state", "CLOSED"));
        flush();
        Map<String, Object> closed = onlyAlarm(guard, "doorId=A-held&state=OPEN");
        assertThat(closed).as("M1: unacknowledged, so it stays open").containsEntry("state", "RETURNED_TO_NORMAL")
                .containsEntry("clearedAt", null).containsEntry("returnedAt", granted.plusSeconds(40).toString());
        Map<String, Object> acked = alarmOf(act(guard, closed.get("id"), "acknowledge", Map.of("comment", "seen")));
        assertThat(acked).containsEntry("state", "CLEARED").containsEntry("acknowledgedBy", "a-guard")
                .containsEntry("clearedBy", "a-guard");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) guard.map("/api/v1/alarms/" + closed.get("id"))
                .get("history");
        assertThat(history).extracting(h -> h.get("action"))
                .containsExactly("RAISED", "RETURNED_TO_NORMAL", "ACKNOWLEDGED");
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
        assertThat(alarmsAt(guard, "type=TEMPERATURE", "sensor:agent-a/A-env/temperature")).as("35 is not above 35").isEmpty();
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(1), reading("temperature", "41.50", "C"));
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(2), reading("temperature", "42.00", "C"));
        flush();
        Map<String, Object> hot = onlyAlarmAt(guard, "type=TEMPERATURE", "sensor:agent-a/A-env/temperature");
        assertThat(hot).containsEntry("state", "ACTIVE").containsEntry("level", "HIGH")
                .containsEntry("deviceId", "A-env").containsEntry("agentId", "agent-a")
                .containsEntry("place", "sensor:agent-a/A-env/temperature")
                .containsEntry("count", 1).containsEntry("detail", "41.5 C is above 35.0");
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(3), reading("temperature", "33.00", "C"));
        flush();
        assertThat(onlyAlarmAt(guard, "type=TEMPERATURE", "sensor:agent-a/A-env/temperature")).as("33 is not past the hysteresis").containsEntry("state", "ACTIVE");
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(4), reading("temperature", "32.90", "C"));
        flush();
        assertThat(onlyAlarmAt(guard, "type=TEMPERATURE", "sensor:agent-a/A-env/temperature")).containsEntry("state", "RETURNED_TO_NORMAL")
                .containsEntry("detail", "32.9 C is back below 35.0");
        assertThat(admin.fails(() -> admin.put("/api/v1/sensor-thresholds/A-env/humidity",
                Map.of("low", 20, "high", 30, "hysteresis", 15), Map.class)).status())
                .as("L1: a hysteresis of half the band or more").isEqualTo(400);

        assertThat(guard.fails(() -> guard.put("/api/v1/sensor-thresholds/A-env/humidity",
                Map.of("low", 30, "high", 50, "hysteresis", 1), Map.class)).status()).isEqualTo(403);
        assertThat(admin.fails(() -> admin.put("/api/v1/sensor-thresholds/A-env/humidity",
                Map.of("low", 50, "high", 30, "hysteresis", 1), Map.class)).status()).isEqualTo(400);
        admin.put("/api/v1/sensor-thresholds/A-env/humidity", Map.of("low", 30, "high", 50, "hysteresis", 1), Map.class);
        assertThat(guard.list("/api/v1/sensor-thresholds")).anySatisfy(t ->
                assertThat(t).containsEntry("deviceId", "A-env").containsEntry("quantity", "humidity"));
        long ignoredBefore = inputs.ignoredCount();
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(5), reading("humidity", "55.00", "%"));
        ingest(AgentEventType.SENSOR_READING, null, "A-env", now.plusSeconds(6), reading("humidity", "not-a-number", "%"));
        flush();
        assertThat(inputs.ignoredCount()).isEqualTo(ignoredBefore + 1);
        assertThat(onlyAlarmAt(guard, "type=HUMIDITY", "sensor:agent-a/A-env/humidity")).containsEntry("level", "HIGH").containsEntry("priority", 3);
        admin.delete("/api/v1/sensor-thresholds/A-env/humidity");
    }

    /** Verifies AGENT_OFFLINE from the agent's status, cleared when it is back, and a tamper switch. */
    @Test
    void agentOfflineAndTamper() {
        Instant now = CLOCK.instant();
        presence.statusChanged(new AgentStatus("agent-off", AgentStatus.State.ONLINE, now, "1"));
        presence.statusChanged(new AgentStatus("agent-off", AgentStatus.State.OFFLINE, now.plusSeconds(1), "1"));
        flush();
        assertThat(onlyAlarmAt(guard, "type=AGENT_OFFLINE", "agent:agent-off")).containsEntry("agentId", "agent-off")
                .containsEntry("state", "ACTIVE").containsEntry("priority", 2);
        presence.statusChanged(new AgentStatus("agent-off", AgentStatus.State.ONLINE, now.plusSeconds(2), "1"));
        flush();
        assertThat(onlyAlarmAt(guard, "type=AGENT_OFFLINE", "agent:agent-off")).containsEntry("state", "RETURNED_TO_NORMAL");

        ingest(AgentEventType.TAMPER, null, "A-rdr", now, Map.of("state", "ACTIVE"));
        ingest(AgentEventType.TAMPER, null, "A-rdr", now.plusSeconds(1), Map.of("state", "ACTIVE"));
        ingest(AgentEventType.SENSOR_ALARM, null, "A-env2", now, Map.of("input", "smoke", "state", "ACTIVE"));
        flush();
        assertThat(onlyAlarmAt(guard, "type=TAMPER&state=OPEN", "device:agent-a/A-rdr")).containsEntry("count", 2).containsEntry("deviceId", "A-rdr");
        assertThat(onlyAlarmAt(guard, "type=SMOKE&state=OPEN", "device:agent-a/A-env2")).containsEntry("priority", 1);
        ingest(AgentEventType.TAMPER, null, "A-rdr", now.plusSeconds(2), Map.of("state", "CLEARED"));
        flush();
        Map<String, Object> back = onlyAlarmAt(guard, "type=TAMPER&state=OPEN", "device:agent-a/A-rdr");
        assertThat(back).as("M1: a brief tamper stays in the open queue").containsEntry("state", "RETURNED_TO_NORMAL");
        alarmOf(act(guard, back.get("id"), "acknowledge", Map.of("comment", "cover checked")));
        assertThat(alarmsAt(guard, "type=TAMPER&state=OPEN", "device:agent-a/A-rdr")).isEmpty();

        ingest(AgentEventType.TAMPER, null, "A-rdr", now.plusSeconds(3), Map.of("state", "ACTIVE"));
        flush();
        Object again = onlyAlarmAt(guard, "type=TAMPER&state=OPEN", "device:agent-a/A-rdr").get("id");
        alarmOf(act(guard, again, "acknowledge", Map.of("comment", "on my way")));
        ingest(AgentEventType.TAMPER, null, "A-rdr", now.plusSeconds(4), Map.of("state", "CLEARED"));
        flush();
        assertThat(get(guard, again)).as("M1: acknowledged, so cleared automatically").containsEntry("state", "CLEARED")
                .containsEntry("clearedBy", null).containsEntry("detail", "tamper cleared at A-rdr");
    }

    /** Verifies escalation by a supervisor only, up to priority 1, and that duress stays silent for guards. */
    @Test
    void escalationAndTheSilentDuressAlarm() {
        Instant now = CLOCK.instant();
        inputs.onSignal("PASSBACK", now, "A-pb", "A-area", "A-p2", "entered twice");
        inputs.onSignal("DURESS", now, "A-pb", "A-area", "A-p3", "duress PIN");
        flush();
        Object id = onlyAlarmAt(guard, "type=PASSBACK", "person:A-p2").get("id");
        assertThat(guard.fails(() -> act(guard, id, "escalate", Map.of("comment", "x"))).status()).isEqualTo(403);
        for (int expected = 3; expected >= 1; expected--) {
            assertThat(alarmOf(act(supervisor, id, "escalate", Map.of("comment", "again"))))
                    .containsEntry("priority", expected);
        }
        assertThat(supervisor.fails(() -> act(supervisor, id, "escalate", Map.of("comment", "more"))).status())
                .isEqualTo(409);

        assertThat(alarmsAt(guard, "type=DURESS", "person:A-p3")).isEmpty();
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
        assertThat(onlyAlarmAt(guard, "type=LEAK", "device:agent-a/A-boom")).containsEntry("deviceId", "A-boom");
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


    /** Verifies H1: another agent can neither clear nor repeat agent-a's device alarms; per-agent bound. */
    @Test
    void anAgentActsOnlyOnItsOwnDevices() {
        Instant now = CLOCK.instant();
        ingest(AgentEventType.SENSOR_ALARM, null, "H1-env", now, Map.of("input", "smoke", "state", "ACTIVE"));
        ingest(AgentEventType.DEVICE_OFFLINE, null, "H1-rdr", now, Map.of("reason", "NO_REPLY"));
        ingest(AgentEventType.TAMPER, null, "H1-rdr", now, Map.of("state", "ACTIVE"));
        flush();
        ingestAs("agent-evil", AgentEventType.SENSOR_ALARM, null, "H1-env", now.plusSeconds(1),
                Map.of("input", "smoke", "state", "CLEARED"));
        ingestAs("agent-evil", AgentEventType.DEVICE_ONLINE, null, "H1-rdr", now.plusSeconds(1), Map.of());
        ingestAs("agent-evil", AgentEventType.TAMPER, null, "H1-rdr", now.plusSeconds(1), Map.of("state", "CLEARED"));
        ingestAs("agent-evil", AgentEventType.SENSOR_ALARM, null, "H1-env", now.plusSeconds(2),
                Map.of("input", "smoke", "state", "ACTIVE"));
        flush();
        assertThat(onlyAlarmAt(guard, "type=SMOKE&state=OPEN", "device:agent-a/H1-env"))
                .containsEntry("state", "ACTIVE").containsEntry("agentId", "agent-a").containsEntry("count", 1);
        assertThat(onlyAlarmAt(guard, "type=DEVICE_OFFLINE&state=OPEN", "device:agent-a/H1-rdr"))
                .containsEntry("state", "ACTIVE");
        assertThat(onlyAlarmAt(guard, "type=TAMPER&state=OPEN", "device:agent-a/H1-rdr"))
                .containsEntry("state", "ACTIVE");
        assertThat(onlyAlarmAt(guard, "type=SMOKE&state=OPEN", "device:agent-evil/H1-env"))
                .as("the other agent's report is its own alarm").containsEntry("agentId", "agent-evil");

        long refusedBefore = service.refusedOverAgentLimitCount();
        for (int i = 0; i < PER_AGENT + 5; i++) {
            ingestAs("agent-flood", AgentEventType.TAMPER, null, "flood-" + i, now, Map.of("state", "ACTIVE"));
        }
        ingestAs("agent-flood", AgentEventType.TAMPER, null, "flood-0", now.plusSeconds(1), Map.of("state", "ACTIVE"));
        flush();
        assertThat(alarms(guard, "type=TAMPER&state=OPEN")).filteredOn(a -> "agent-flood".equals(a.get("agentId")))
                .hasSize(PER_AGENT).anySatisfy(a -> assertThat(a).containsEntry("deviceId", "flood-0")
                        .containsEntry("count", 2));
        assertThat(service.refusedOverAgentLimitCount()).isEqualTo(refusedBefore + 5);
    }

    /** Verifies H2: a trigger whose store failed is retried on the next tick until stored, in order per alarm. */
    @Test
    void aTriggerWhoseStoreFailedIsRetriedUntilStored() {
        Instant now = CLOCK.instant();
        String place = "sensor:agent-a/H2-env/temperature";
        long failuresBefore = inputs.storeFailureCount();
        FlakyAlarmService.DOWN.set(true);
        try {
            ingest(AgentEventType.SENSOR_READING, null, "H2-env", now, reading("temperature", "41.00", "C"));
            ingest(AgentEventType.SENSOR_READING, null, "H2-env", now.plusSeconds(1), reading("temperature", "42.00", "C"));
            flush();
            assertThat(inputs.storeFailureCount()).isGreaterThan(failuresBefore);
            assertThat(alarmsAt(guard, "type=TEMPERATURE", place)).as("nothing stored while down").isEmpty();
            ingest(AgentEventType.SENSOR_READING, null, "H2-env", now.plusSeconds(2), reading("temperature", "20.00", "C"));
            ingest(AgentEventType.SENSOR_READING, null, "H2-env", now.plusSeconds(3), reading("temperature", "43.00", "C"));
            flush();
        } finally {
            FlakyAlarmService.DOWN.set(false);
        }
        inputs.tick();
        flush();
        Map<String, Object> stored = onlyAlarmAt(guard, "type=TEMPERATURE", place);
        assertThat(stored).as("raise, return to normal, raise again: applied in order")
                .containsEntry("state", "ACTIVE").containsEntry("count", 2).containsEntry("level", "HIGH")
                .containsEntry("raisedAt", now.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) guard.map("/api/v1/alarms/" + stored.get("id"))
                .get("history");
        assertThat(history).extracting(h -> h.get("action"))
                .containsExactly("RAISED", "RETURNED_TO_NORMAL", "REPEATED");
    }

    /** Verifies H3 (b): an event stored with the receipt time (agent clock off) still raises, at that time. */
    @Test
    void anEventStoredWithItsReceiptTimeStillRaises() {
        Instant now = CLOCK.instant();
        long outOfRange = ingestion.timestampOutOfRangeCount();
        ingest(AgentEventType.SENSOR_ALARM, null, "H3-env", now.plus(Duration.ofMinutes(10)),
                Map.of("input", "smoke", "state", "ACTIVE"));
        flush();
        assertThat(ingestion.timestampOutOfRangeCount()).isEqualTo(outOfRange + 1);
        assertThat(onlyAlarmAt(guard, "type=SMOKE&state=OPEN", "device:agent-a/H3-env"))
                .containsEntry("raisedAt", now.toString());
    }

    /** Verifies M2 and M3: a lost CLOSED never silences a door; agent clock skew never moves a window. */
    @Test
    void aLostClosedNeverSilencesTheDoorAndAgentSkewNeverMovesWindows() {
        door("M2-door", "DOOR");
        Instant t = CLOCK.instant();
        inputs.onDecidedRead(new DecidedRead(t, "M2-door", "M2-door-in", "p-1", "c-1", true, "GRANTED", 5000));
        CLOCK.set(t.plusSeconds(1));
        ingest(AgentEventType.DOOR_STATE, "M2-door", "M2-contact", t.minusSeconds(39), Map.of("state", "OPEN"));
        CLOCK.set(t.plusSeconds(2));
        inputs.tick();
        flush();
        assertThat(alarms(guard, "doorId=M2-door")).as("agent 40 s slow: no held door at once, nor forced").isEmpty();

        Instant later = t.plus(Duration.ofHours(1));
        CLOCK.set(later);
        ingest(AgentEventType.DOOR_STATE, "M2-door", "M2-contact", later.minusSeconds(40), Map.of("state", "OPEN"));
        flush();
        Map<String, Object> forced = onlyAlarm(guard, "doorId=M2-door&type=DOOR_FORCED");
        assertThat(forced).containsEntry("raisedAt", later.toString())
                .containsEntry("detail", "door opened at " + later.minusSeconds(40) + " without a grant or unlock");

        door("M3-gate", "GATE");
        Instant g = CLOCK.instant();
        inputs.onDecidedRead(new DecidedRead(g, "M3-gate", "M3-gate-in", "p-1", "c-1", true, "GRANTED", 3000));
        CLOCK.set(g.plusSeconds(1));
        ingest(AgentEventType.PASSAGE, "M3-gate", "M3-relay", g.plusSeconds(11), Map.of());
        flush();
        assertThat(alarms(guard, "doorId=M3-gate")).as("agent 10 s fast: the passage is the grant's").isEmpty();
    }

    /** Verifies executed UNLOCK / LOCK commands open and end a door-forced window, and DOOR_STATE TAMPER. */
    @Test
    void unlockAndLockCommandsAndDoorStateTamper() {
        door("C-door", "DOOR");
        Instant t = CLOCK.instant();
        ingest(AgentEventType.COMMAND_EXECUTED, "C-door", "C-lock", t, Map.of("action", "UNLOCK", "durationMs", "60000"));
        CLOCK.set(t.plusSeconds(30));
        ingest(AgentEventType.DOOR_STATE, "C-door", "C-contact", t.plusSeconds(30), Map.of("state", "OPEN"));
        ingest(AgentEventType.DOOR_STATE, "C-door", "C-contact", t.plusSeconds(30), Map.of("state", "CLOSED"));
        flush();
        assertThat(alarms(guard, "doorId=C-door&type=DOOR_FORCED")).as("inside the unlock").isEmpty();
        CLOCK.set(t.plusSeconds(40));
        ingest(AgentEventType.COMMAND_EXECUTED, "C-door", "C-lock", t.plusSeconds(40), Map.of("action", "LOCK"));
        CLOCK.set(t.plusSeconds(45));
        ingest(AgentEventType.DOOR_STATE, "C-door", "C-contact", t.plusSeconds(45), Map.of("state", "OPEN"));
        flush();
        assertThat(onlyAlarm(guard, "doorId=C-door&type=DOOR_FORCED")).containsEntry("state", "ACTIVE");

        ingest(AgentEventType.DOOR_STATE, "C-door", "C-contact", t.plusSeconds(46), Map.of("state", "TAMPER"));
        flush();
        assertThat(onlyAlarmAt(guard, "type=TAMPER&state=OPEN", "device:agent-a/C-contact"))
                .containsEntry("doorId", "C-door").containsEntry("priority", 2);
    }

    /** Verifies repeated denials per credential, that pending two-person / escort steps never count (M4), and admits. */
    @Test
    void repeatedDenialsPerCredentialPendingStepsAndGrantsAdmittingTwo() {
        Instant now = CLOCK.instant();
        for (int i = 0; i < 5; i++) {
            inputs.onDecidedRead(new DecidedRead(now.plusSeconds(i), "RD-door-" + i, "RD-rdr-" + i, "RD-p", "RD-c",
                    false, "NO_ACCESS_LEVEL", 0));
        }
        flush();
        assertThat(onlyAlarmAt(guard, "type=REPEATED_DENIALS", "credential:RD-c")).containsEntry("personId", "RD-p")
                .containsEntry("count", 1);
        assertThat(alarmsAt(guard, "type=REPEATED_DENIALS", "door:RD-door-4")).as("one denial at that door").isEmpty();

        List<String> steps = List.of("TWO_PERSON_PENDING", "ESCORT_REQUIRED", "TWO_PERSON_EXIT");
        for (int i = 0; i < 12; i++) {
            inputs.onDecidedRead(new DecidedRead(now.plusSeconds(i), "RD-two", "RD-two-in", "RD-q", "RD-cq", false,
                    steps.get(i % 3), 0));
        }
        flush();
        assertThat(alarms(guard, "doorId=RD-two")).isEmpty();
        assertThat(alarmsAt(guard, "type=REPEATED_DENIALS", "credential:RD-cq")).isEmpty();

        door("RD-gate", "GATE");
        inputs.onDecidedRead(new DecidedRead(now, "RD-gate", "RD-gate-in", "RD-q", "RD-cq", true, "GRANTED", 3000, 2));
        ingest(AgentEventType.PASSAGE, "RD-gate", "RD-relay", now, Map.of());
        ingest(AgentEventType.PASSAGE, "RD-gate", "RD-relay", now, Map.of());
        flush();
        assertThat(alarms(guard, "doorId=RD-gate")).as("the grant let the pending partner in too").isEmpty();
        ingest(AgentEventType.PASSAGE, "RD-gate", "RD-relay", now, Map.of());
        flush();
        assertThat(onlyAlarm(guard, "doorId=RD-gate")).containsEntry("type", "TAILGATING");
    }

    /** Verifies M5: a writer holding a stale copy can never reopen a cleared alarm (version check). */
    @Test
    void aStaleWriterNeverReopensAClearedAlarm() {
        Instant now = CLOCK.instant();
        inputs.onSignal("PASSBACK", now, "M5-door", "A-area", "M5-p", "entered twice");
        flush();
        Object id = onlyAlarmAt(guard, "type=PASSBACK", "person:M5-p").get("id");
        AlarmRow stale = alarmRows.findById(((Number) id).longValue()).orElseThrow();
        alarmOf(act(supervisor, id, "clear", Map.of("comment", "checked")));
        AlarmRow repeated = new AlarmRow(stale.id(), stale.type(), stale.placeKey(), stale.openKey(), stale.priority(),
                "ACTIVE", stale.repeatCount() + 1, stale.doorId(), stale.areaId(), stale.deviceId(), stale.agentId(),
                stale.personId(), stale.credentialId(), stale.level(), stale.detail(), stale.raisedAt(),
                now.plusSeconds(1), null, null, null, null, null, null, null, stale.version());
        assertThatThrownBy(() -> alarmRows.update(repeated)).isInstanceOf(OptimisticLockException.class);
        assertThat(get(guard, id)).containsEntry("state", "CLEARED").containsEntry("count", 1);
        inputs.onSignal("PASSBACK", now.plusSeconds(2), "M5-door", "A-area", "M5-p", "again");
        flush();
        assertThat(alarmsAt(guard, "type=PASSBACK", "person:M5-p")).hasSize(2)
                .anySatisfy(a -> assertThat(a).containsEntry("id", id).containsEntry("state", "CLEARED"))
                .anySatisfy(a -> assertThat(a).containsEntry("state", "ACTIVE"));
    }

    /** Verifies restore after a restart (thresholds, held doors) and a new alarm after an operator's clear. */
    @Test
    void afterARestartAndAfterAnOperatorClear() {
        door("R-held", "DOOR");
        Instant t = CLOCK.instant();
        ingest(AgentEventType.SENSOR_READING, null, "R-env", t, reading("temperature", "41.00", "C"));
        inputs.onDecidedRead(new DecidedRead(t, "R-held", "R-held-in", "p-1", "c-1", true, "GRANTED", 5000));
        ingest(AgentEventType.DOOR_STATE, "R-held", "R-contact", t, Map.of("state", "OPEN"));
        CLOCK.set(t.plusSeconds(31));
        inputs.tick();
        flush();
        String tempPlace = "sensor:agent-a/R-env/temperature";
        Object temp = onlyAlarmAt(guard, "type=TEMPERATURE", tempPlace).get("id");
        alarmOf(act(guard, temp, "acknowledge", Map.of("comment", "on it")));
        Object held = onlyAlarm(guard, "doorId=R-held&type=DOOR_HELD").get("id");

        AlarmInputs restarted = new AlarmInputs(service, thresholds, doorRows, settings, CLOCK);
        try {
            CLOCK.set(t.plusSeconds(40));
            restarted.onAgentEvent(new AgentEvent("agent-a", SEQ.incrementAndGet(), t.plusSeconds(40),
                    AgentEventType.SENSOR_READING, null, "R-env", reading("temperature", "20.00", "C")), null);
            restarted.onAgentEvent(new AgentEvent("agent-a", SEQ.incrementAndGet(), t.plusSeconds(40),
                    AgentEventType.DOOR_STATE, "R-held", "R-contact", Map.of("state", "CLOSED")), "R-held");
            assertThat(restarted.flush(WAIT)).isTrue();
        } finally {
            restarted.close();
        }
        assertThat(get(guard, temp)).as("acknowledged: cleared").containsEntry("state", "CLEARED");
        assertThat(get(guard, held)).as("unacknowledged: returned to normal").containsEntry("state",
                "RETURNED_TO_NORMAL");

        ingest(AgentEventType.SENSOR_READING, null, "OC-env", t, reading("temperature", "41.00", "C"));
        flush();
        Object hot = onlyAlarmAt(guard, "type=TEMPERATURE", "sensor:agent-a/OC-env/temperature").get("id");
        alarmOf(act(supervisor, hot, "clear", Map.of("comment", "ventilation checked")));
        flush();
        ingest(AgentEventType.SENSOR_READING, null, "OC-env", t.plusSeconds(41), reading("temperature", "42.00", "C"));
        flush();
        assertThat(alarmsAt(guard, "type=TEMPERATURE", "sensor:agent-a/OC-env/temperature")).hasSize(2)
                .anySatisfy(a -> assertThat(a).containsEntry("state", "ACTIVE").containsEntry("count", 1));
    }

    /** Verifies L3: when the open alarms cannot be read at start-up, the restore is tried again with the next input. */
    @Test
    void aFailedRestoreIsTriedAgain() {
        Instant t = CLOCK.instant();
        String place = "sensor:agent-a/L3-env/temperature";
        ingest(AgentEventType.SENSOR_READING, null, "L3-env", t, reading("temperature", "41.00", "C"));
        flush();
        Object hot = onlyAlarmAt(guard, "type=TEMPERATURE", place).get("id");
        alarmOf(act(guard, hot, "acknowledge", Map.of("comment", "on it")));

        AlarmInputs restarted = new AlarmInputs(service, thresholds, doorRows, settings, CLOCK);
        try {
            FlakyAlarmService.OPEN_DOWN.set(true);
            try {
                restarted.onSignal("NOT_A_SIGNAL", t, null, null, null, null);
                assertThat(restarted.flush(WAIT)).isTrue();
            } finally {
                FlakyAlarmService.OPEN_DOWN.set(false);
            }
            restarted.onAgentEvent(new AgentEvent("agent-a", SEQ.incrementAndGet(), t.plusSeconds(5),
                    AgentEventType.SENSOR_READING, null, "L3-env", reading("temperature", "20.00", "C")), null);
            assertThat(restarted.flush(WAIT)).isTrue();
            assertThat(restarted.failedCount()).isZero();
        } finally {
            restarted.close();
        }
        assertThat(get(guard, hot)).as("restored on the second input: the value back in band clears it")
                .containsEntry("state", "CLEARED");
    }

    /** Verifies L2: the live stream ends once its operator is disabled. */
    @Test
    void theStreamEndsWhenItsOperatorIsDisabled() throws Exception {
        if (admin.list("/api/v1/operators").stream().noneMatch(o -> "a-guard2".equals(o.get("username")))) {
            admin.newOperator(client, "a-guard2", "GUARD");
        }
        Api guard2 = Api.as(client, "a-guard2", "password-of-a-guard2");
        AtomicBoolean ended = new AtomicBoolean();
        List<String> lines = new CopyOnWriteArrayList<>();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            InputStream stream = open(http, guard2, lines, ended);
            try {
                await().atMost(WAIT).until(() -> lines.contains(": heartbeat"));
                admin.put("/api/v1/operators/a-guard2", Map.of("username", "a-guard2", "enabled", false), Map.class);
                await().atMost(WAIT).untilTrue(ended);
            } finally {
                stream.close();
            }
        }
    }

    private InputStream open(java.net.http.HttpClient http, Api as, List<String> lines) throws Exception {
        return open(http, as, lines, new AtomicBoolean());
    }

    private InputStream open(java.net.http.HttpClient http, Api as, List<String> lines, AtomicBoolean ended)
            throws Exception {
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
                ended.set(true);
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
