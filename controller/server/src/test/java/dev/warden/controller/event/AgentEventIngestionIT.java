package dev.warden.controller.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.AgentStatus;
import dev.warden.controller.Api;
import dev.warden.controller.MutableClock;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies idempotent agent-event ingestion (also under concurrent redelivery), door live state and presence, that
 * an agent speaks only for its own doors, and that implausible agent times never freeze state.
 */
@MicronautTest(transactional = false)
@Property(name = AgentEventIngestionIT.PINNED, value = "true")
class AgentEventIngestionIT {
    static final String PINNED = "warden.test.agent-event-ingestion-clock";
    static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    static final MutableClock CLOCK = new MutableClock(T.plus(Duration.ofHours(1)));

    /**
     * This test's controller runs on {@link #CLOCK}; the property keeps the factory out of contexts that other tests
     * start by hand.
     */
    @Factory
    @Requires(property = PINNED, value = "true")
    static class PinnedClock {
        @Singleton
        @Replaces(Clock.class)
        Clock clock() {
            return CLOCK;
        }
    }

    /** Records what the listeners are told. */
    @Singleton
    @Requires(property = PINNED, value = "true")
    static class Recorder implements StoredAgentEventListener {
        final List<AgentEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onStored(AgentEvent event, String doorId) {
            heard.add(event);
        }
    }

    @Inject
    Recorder recorder;

    final MutableClock clock = CLOCK;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AgentEventIngestion ingestion;

    @Inject
    AgentPresence presence;

    @Inject
    AccessEventRepository events;

    Api admin;

    @BeforeEach
    void signIn() {
        clock.set(T.plus(Duration.ofHours(1)));
        admin = Api.admin(client);
    }

    private void door(String id, String agent) {
        if (admin.list("/api/v1/sites").stream().noneMatch(s -> "X-site".equals(s.get("id")))) {
            admin.create("/api/v1/sites", Map.of("id", "X-site", "name", "X", "timeZone", "UTC"));
            admin.create("/api/v1/areas", Map.of("id", "X-area", "siteId", "X-site", "name", "A", "kind", "ROOM"));
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "name", "Door " + id, "areaId", "X-area",
                "kind", "DOOR", "readerInId", id + "-in"));
        if (agent != null) {
            body.put("agentId", agent);
        }
        admin.create("/api/v1/doors", body);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> eventsOf(String query) {
        return (List<Map<String, Object>>) admin.map("/api/v1/events?" + query).get("items");
    }

    /** Verifies that an agent cannot move the live state of, or log events against, a door it does not serve. */
    @Test
    void anAgentSpeaksOnlyForItsOwnDoors() {
        door("X-own", "agent-x");
        door("X-other", "agent-y");
        door("X-solo", null);
        long before = ingestion.doorNotServedCount();

        assertThat(ingestion.ingest(event("agent-x", 1, AgentEventType.DOOR_STATE, "X-own", Map.of("state", "OPEN"))))
                .isEqualTo(IngestResult.STORED);
        assertThat(admin.map("/api/v1/doors/X-own")).containsEntry("state", "OPEN");

        assertThat(ingestion.ingest(event("agent-x", 2, AgentEventType.DOOR_STATE, "X-other",
                Map.of("state", "UNLOCKED")))).isEqualTo(IngestResult.STORED);
        assertThat(ingestion.ingest(event("agent-x", 2, AgentEventType.DOOR_STATE, "X-other",
                Map.of("state", "UNLOCKED")))).as("still idempotent").isEqualTo(IngestResult.DUPLICATE);
        ingestion.ingest(event("agent-x", 3, AgentEventType.DOOR_STATE, "X-solo", Map.of("state", "UNLOCKED")));
        ingestion.ingest(event("agent-x", 4, AgentEventType.COMMAND_EXECUTED, "X-other", Map.of("action", "UNLOCK")));
        ingestion.ingest(new AgentEvent("agent-x", 5, T.plusSeconds(5), AgentEventType.READ_REJECTED, null,
                "X-other-in", Map.of("reason", "WIEGAND_PARITY")));
        ingestion.ingest(event("agent-x", 6, AgentEventType.DOOR_STATE, "no-such-door", Map.of("state", "OPEN")));

        assertThat(admin.map("/api/v1/doors/X-other")).doesNotContainEntry("state", "UNLOCKED");
        assertThat(admin.map("/api/v1/doors/X-solo")).doesNotContainEntry("state", "UNLOCKED");
        assertThat(eventsOf("doorId=X-other&size=50")).isEmpty();
        assertThat(eventsOf("doorId=X-solo&size=50")).isEmpty();
        assertThat(ingestion.doorNotServedCount()).isEqualTo(before + 5);
        List<AccessEventRow> notServed = new ArrayList<>();
        events.findAll().forEach(r -> {
            if ("agent-x".equals(r.agentId()) && "DOOR_NOT_SERVED_BY_AGENT".equals(r.reason())) {
                notServed.add(r);
            }
        });
        assertThat(notServed).hasSize(5).allSatisfy(r -> assertThat(r.doorId()).isNull())
                .anySatisfy(r -> assertThat(r.detail()).contains("claimedDoor=X-other"));
    }

    /** Verifies that agent times outside [now - 7 d, now + 5 min] neither freeze nor move door state or presence. */
    @Test
    void implausibleAgentTimesNeverFreezeState() {
        door("X-time", "agent-t");
        Instant now = clock.instant();
        long before = ingestion.timestampOutOfRangeCount();

        ingestion.ingest(new AgentEvent("agent-t", 1, now.plus(Duration.ofDays(365)), AgentEventType.DOOR_STATE,
                "X-time", null, Map.of("state", "OPEN")));
        assertThat(admin.map("/api/v1/doors/X-time")).doesNotContainEntry("state", "OPEN");
        ingestion.ingest(new AgentEvent("agent-t", 2, now.minus(Duration.ofDays(8)), AgentEventType.DOOR_STATE,
                "X-time", null, Map.of("state", "OPEN")));
        assertThat(admin.map("/api/v1/doors/X-time")).doesNotContainEntry("state", "OPEN");
        assertThat(ingestion.timestampOutOfRangeCount()).isEqualTo(before + 2);
        assertThat(eventsOf("doorId=X-time&size=50")).anySatisfy(e -> assertThat(e)
                .containsEntry("occurredAt", now.toString()));

        ingestion.ingest(new AgentEvent("agent-t", 3, now.plus(Duration.ofMinutes(4)), AgentEventType.DOOR_STATE,
                "X-time", null, Map.of("state", "UNLOCKED")));
        assertThat(admin.map("/api/v1/doors/X-time")).containsEntry("state", "UNLOCKED");
        clock.advance(Duration.ofSeconds(30));
        ingestion.ingest(new AgentEvent("agent-t", 4, clock.instant(), AgentEventType.DOOR_STATE, "X-time", null,
                Map.of("state", "LOCKED")));
        assertThat(admin.map("/api/v1/doors/X-time")).as("a report a few minutes ahead blocks nothing after it")
                .containsEntry("state", "LOCKED");

        long presenceBefore = presence.timestampOutOfRangeCount();
        presence.statusChanged(new AgentStatus("agent-t", AgentStatus.State.ONLINE, clock.instant(), "1"));
        assertThat(admin.map("/api/v1/doors/X-time")).containsEntry("agentOnline", true);
        presence.statusChanged(new AgentStatus("agent-t", AgentStatus.State.ONLINE,
                clock.instant().plus(Duration.ofDays(30)), "1"));
        presence.statusChanged(new AgentStatus("agent-t", AgentStatus.State.ONLINE,
                clock.instant().plus(Duration.ofMinutes(4)), "1"));
        clock.advance(Duration.ofSeconds(10));
        presence.statusChanged(new AgentStatus("agent-t", AgentStatus.State.OFFLINE, clock.instant(), "1"));
        assertThat(admin.map("/api/v1/doors/X-time")).as("presence still follows the agent")
                .containsEntry("agentOnline", false);
        assertThat(presence.timestampOutOfRangeCount()).isEqualTo(presenceBefore + 1);
    }

    /**
     * Verifies H3 (b): an event stored with the receipt time (agent clock out of range) still reaches the listeners,
     * dated as stored, with the agent's time kept; an event of a door the agent does not serve does not.
     */
    @Test
    void anEventStoredWithTheReceiptTimeReachesTheListenersAsStored() {
        Instant now = clock.instant();
        Instant agentTime = now.plus(Duration.ofMinutes(6));
        ingestion.ingest(new AgentEvent("agent-late", 1, agentTime, AgentEventType.SENSOR_ALARM, null, "late-env",
                Map.of("input", "smoke", "state", "ACTIVE")));
        assertThat(recorder.heard).filteredOn(e -> "agent-late".equals(e.agentId()) && e.seq() == 1).singleElement()
                .satisfies(e -> {
                    assertThat(e.occurredAt()).isEqualTo(now);
                    assertThat(e.attributes()).containsEntry("agentTime", agentTime.toString())
                            .containsEntry("input", "smoke");
                });
        ingestion.ingest(new AgentEvent("agent-late", 2, now, AgentEventType.DOOR_STATE, "X-time-not-mine", null,
                Map.of("state", "OPEN")));
        assertThat(recorder.heard).noneMatch(e -> "agent-late".equals(e.agentId()) && e.seq() == 2);
    }

    /** How many rows hold this (agent, seq) — counted in the test, the repository needs no such query. */
    private long storedCount(String agent, long seq) {
        long n = 0;
        for (AccessEventRow r : events.findAll()) {
            if (agent.equals(r.agentId()) && Long.valueOf(seq).equals(r.seq())) {
                n++;
            }
        }
        return n;
    }

    private static AgentEvent event(String agent, long seq, AgentEventType type, String door, Map<String, String> attrs) {
        return new AgentEvent(agent, seq, T.plusSeconds(seq), type, door, "dev-1", attrs);
    }

    @Test
    void redeliveryStoresOnce() {
        AgentEvent e = event("agent-a", 1, AgentEventType.DEVICE_OFFLINE, null, Map.of("reason", "unplugged"));
        assertThat(ingestion.ingest(e)).isEqualTo(IngestResult.STORED);
        assertThat(ingestion.ingest(e)).isEqualTo(IngestResult.DUPLICATE);
        assertThat(storedCount("agent-a", 1L)).isEqualTo(1);

        assertThat(ingestion.ingest(event("agent-b", 1, AgentEventType.DEVICE_ONLINE, null, Map.of())))
                .as("the same seq from another agent is another event").isEqualTo(IngestResult.STORED);
    }

    @Test
    void concurrentRedeliveryStoresEachEventOnce() throws Exception {
        int threads = 8;
        int perThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<int[]> job = () -> {
                    int stored = 0;
                    int duplicate = 0;
                    for (long seq = 1; seq <= perThread; seq++) {
                        IngestResult r = ingestion.ingest(event("agent-race", seq, AgentEventType.COMMAND_EXECUTED,
                                null, Map.of("action", "UNLOCK", "commandId", "cmd-" + seq)));
                        if (r == IngestResult.STORED) {
                            stored++;
                        } else {
                            duplicate++;
                        }
                    }
                    return new int[] {stored, duplicate};
                };
                results.add(pool.submit(job));
            }
            int stored = 0;
            int duplicates = 0;
            for (Future<int[]> f : results) {
                int[] r = f.get(60, TimeUnit.SECONDS);
                stored += r[0];
                duplicates += r[1];
            }
            assertThat(stored).isEqualTo(perThread);
            assertThat(duplicates).isEqualTo(perThread * (threads - 1));
            for (long seq = 1; seq <= perThread; seq++) {
                assertThat(storedCount("agent-race", seq)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void doorStateIsAppliedAndNeverMovesBackwards() {
        admin.create("/api/v1/sites", Map.of("id", "I-site", "name", "I", "timeZone", "UTC"));
        admin.create("/api/v1/areas", Map.of("id", "I-area", "siteId", "I-site", "name", "A", "kind", "ROOM"));
        admin.create("/api/v1/doors", Map.of("id", "I-door", "name", "Door I", "areaId", "I-area", "kind", "DOOR",
                "agentId", "agent-i"));

        assertThat(ingestion.ingest(event("agent-i", 10, AgentEventType.DOOR_STATE, "I-door", Map.of("state", "OPEN"))))
                .isEqualTo(IngestResult.STORED);
        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("state", "OPEN")
                .containsEntry("lastChange", T.plusSeconds(10).toString());

        ingestion.ingest(event("agent-i", 5, AgentEventType.DOOR_STATE, "I-door", Map.of("state", "CLOSED")));
        assertThat(admin.map("/api/v1/doors/I-door")).as("an older report is stored but not applied")
                .containsEntry("state", "OPEN");

        ingestion.ingest(event("agent-i", 11, AgentEventType.DOOR_STATE, "I-door", Map.of("state", "LOCKED")));
        ingestion.ingest(event("agent-i", 12, AgentEventType.DOOR_STATE, "I-door", Map.of("state", "EXPLODED")));
        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("state", "LOCKED");

        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("agentOnline", false);
        presence.statusChanged(new AgentStatus("agent-i", AgentStatus.State.ONLINE, T, "0.1.0"));
        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("agentOnline", true);
        presence.statusChanged(new AgentStatus("agent-i", AgentStatus.State.OFFLINE, T.minusSeconds(60), "0.1.0"));
        assertThat(admin.map("/api/v1/doors/I-door")).as("a stale status is ignored").containsEntry("agentOnline", true);
        presence.statusChanged(new AgentStatus("agent-i", AgentStatus.State.OFFLINE, T.plusSeconds(60), "0.1.0"));
        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("agentOnline", false);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stored = (List<Map<String, Object>>) admin.map("/api/v1/events?doorId=I-door&size=10")
                .get("items");
        assertThat(stored).hasSize(4).first().satisfies(e -> assertThat(e).containsEntry("kind", "DOOR")
                .containsEntry("reason", "DOOR_STATE").containsEntry("reasonText", "state=EXPLODED")
                .containsEntry("seq", 12).containsEntry("source", "AGENT").containsEntry("doorName", "Door I"));
    }

    @Test
    void rejectedReadsFromAgentsAreRecorded() {
        door("R-door", "agent-r");
        ingestion.ingest(new AgentEvent("agent-r", 3, T, AgentEventType.READ_REJECTED, "R-door", "rdr-x",
                Map.of("reason", "WIEGAND_PARITY", "bits", "26")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stored = (List<Map<String, Object>>) admin.map(
                "/api/v1/events?doorId=R-door&decision=REJECTED").get("items");
        assertThat(stored).singleElement().satisfies(e -> assertThat(e).containsEntry("kind", "REJECTED_READ")
                .containsEntry("reason", "WIEGAND_PARITY").containsEntry("readerId", "rdr-x")
                .containsEntry("reasonText", "bits=26, reason=WIEGAND_PARITY"));
    }

    /**
     * Verifies that tamper, gate passages, sensor readings and sensor alarms are stored once each under the kinds the
     * console knows (DOOR, DEVICE), with their attributes and a sentence for people, and move no door state.
     */
    @Test
    void tamperPassagesAndSensorEventsAreStoredAndDescribed() {
        door("G-gate", "agent-g");
        ingestion.ingest(new AgentEvent("agent-g", 1, T, AgentEventType.TAMPER, "G-gate", "gate-g",
                Map.of("state", "ACTIVE")));
        ingestion.ingest(new AgentEvent("agent-g", 2, T.plusSeconds(1), AgentEventType.PASSAGE, "G-gate", "gate-g",
                Map.of()));
        ingestion.ingest(new AgentEvent("agent-g", 3, T.plusSeconds(2), AgentEventType.SENSOR_READING, null, "env-g",
                Map.of("quantity", "temperature", "value", "23.4", "unit", "°C")));
        ingestion.ingest(new AgentEvent("agent-g", 4, T.plusSeconds(3), AgentEventType.SENSOR_ALARM, null, "env-g",
                Map.of("input", "smoke", "state", "ACTIVE")));
        assertThat(ingestion.ingest(new AgentEvent("agent-g", 4, T.plusSeconds(3), AgentEventType.SENSOR_ALARM, null,
                "env-g", Map.of("input", "smoke", "state", "ACTIVE")))).isEqualTo(IngestResult.DUPLICATE);

        assertThat(eventsOf("doorId=G-gate&size=10")).extracting(e -> e.get("kind") + " " + e.get("reason") + ": "
                + e.get("reasonText"))
                .containsExactly("DOOR PASSAGE: Passage through the gate", "DEVICE TAMPER: Tamper reported");
        assertThat(eventsOf("from=" + T.plusSeconds(2) + "&to=" + T.plusSeconds(4) + "&size=500"))
                .filteredOn(e -> "env-g".equals(e.get("readerId")))
                .extracting(e -> e.get("reason") + ": " + e.get("reasonText"))
                .containsExactly("SENSOR_ALARM: Smoke alarm", "SENSOR_READING: Temperature 23.4 °C");
        assertThat(admin.map("/api/v1/doors/G-gate")).containsEntry("state", "UNKNOWN");
        for (long seq = 1; seq <= 4; seq++) {
            assertThat(storedCount("agent-g", seq)).isEqualTo(1);
        }
    }

    @Test
    void everyEventTypeHasAKindTheConsoleKnows() {
        for (AgentEventType type : AgentEventType.values()) {
            assertThat(AgentEventIngestion.kindOf(type)).as("%s", type)
                    .isIn(EventKind.DOOR, EventKind.DEVICE, EventKind.REJECTED_READ);
        }
    }
}
