package dev.warden.controller.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.CardData;
import dev.warden.contract.FingerprintMatch;
import dev.warden.contract.Verdict;
import dev.warden.controller.Api;
import dev.warden.controller.alarm.AlarmInputs;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.policy.AccessPolicy;
import dev.warden.policy.AccessRequest;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.AreaId;
import dev.warden.policy.CardKey;
import dev.warden.policy.Direction;
import dev.warden.policy.DoorId;
import dev.warden.policy.PersonId;
import dev.warden.policy.Schedule;
import dev.warden.policy.ScheduleId;
import java.time.LocalDate;
import java.time.ZoneId;
import dev.warden.controller.decision.Outcome;
import dev.warden.controller.decision.ReaderAttempt;
import dev.warden.controller.decision.ReaderDecisions;
import dev.warden.controller.decision.Source;
import dev.warden.controller.event.AgentEventIngestion;
import dev.warden.controller.event.IngestResult;
import dev.warden.controller.readerkey.ReaderKeys;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that the same build runs on PostgreSQL: the Flyway migrations (V10's CHECKs included), the demo seeding
 * (batch inserts with generated keys), CRUD with a conflict, event search with filters, decisions from the index
 * (card + fingerprint too), reader keys, idempotent ingestion (unique violation on redelivery), a visit requested
 * by one operator and approved by another, a public holiday and a schedule with holiday windows and dated
 * exceptions reaching the index, an area lockdown set and lifted (OPERATOR events in the same transaction), and an
 * alarm acknowledged by a guard. Skipped when the Debian PostgreSQL server binaries are not installed
 * ({@code apt-get install postgresql}).
 */
class PostgresIT {
    @TempDir
    Path tmp;

    @Test
    void theControllerRunsOnPostgres() throws Exception {
        Optional<Path> bin = LocalPostgres.binaries();
        if (System.getenv("CI") != null) {
            // CI installs Debian's postgresql (.ci/run): there a missing server is a failure, not a skip
            assertThat(bin).as("PostgreSQL server binaries under /usr/lib/postgresql").isPresent();
        }
        Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL server binaries not installed");
        try (LocalPostgres pg = LocalPostgres.start(bin.get())) {
            Map<String, Object> props = new HashMap<>();
            props.put("datasources.default.url", pg.jdbcUrl());
            props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
            props.put("datasources.default.username", "warden");
            props.put("datasources.default.password", "");
            props.put("warden.demo.dir", tmp.resolve("demo").toString());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
                 HttpClient client = HttpClient.create(server.getURL())) {
                String credentials = java.nio.file.Files.readString(tmp.resolve("demo/credentials.txt"));
                Matcher m = Pattern.compile("(?m)^admin\\s+(\\S+)").matcher(credentials);
                assertThat(m.find()).isTrue();
                Api admin = Api.as(client, "admin", m.group(1));

                assertThat(admin.list("/api/v1/people")).hasSize(200);
                assertThat(admin.list("/api/v1/doors")).hasSize(10);
                admin.create("/api/v1/people", Map.of("id", "pg-1", "displayName", "Post Gres", "kind", "VISITOR"));
                assertThat(admin.fails(() -> admin.create("/api/v1/people",
                        Map.of("id", "pg-1", "displayName", "Again", "kind", "VISITOR"))).status()).isEqualTo(409);
                Map<String, Object> assignment = admin.create("/api/v1/assignments",
                        Map.of("personId", "pg-1", "accessLevelId", "lvl-visitor"));
                assertThat(assignment.get("id")).isNotNull();

                ReaderDecisions decisions = server.getApplicationContext().getBean(ReaderDecisions.class);
                Outcome grant = decisions.decide(new ReaderAttempt("pg-r1", "rdr-gate-1", null,
                        new CardData("H10301", 12, 1001), null, Instant.now(), Source.MQTT_READER, null));
                assertThat(grant.verdict()).isEqualTo(Verdict.GRANT);
                Outcome cage = decisions.decide(new ReaderAttempt("pg-r2", "rdr-door-cage-a-in", "door-cage-a",
                        new CardData("H10301", 12, 1001), null, Instant.now(), Source.AGENT, "agent-1",
                        new FingerprintMatch("fp-door-cage-a", 1, 77)));
                // cage A is card + fingerprint and two-person: the matched finger passes rule 9, and the first of
                // the pair waits for a second person (a mismatching finger would have been SECOND_FACTOR_MISMATCH)
                assertThat(cage.reason()).as("card + fingerprint on PostgreSQL").isEqualTo("TWO_PERSON_PENDING");
                assertThat(admin.fails(() -> admin.create("/api/v1/fingerprints", Map.of("id", "pg-f",
                        "personId", "pg-1", "moduleId", "fp-door-cage-a", "pageId", 1))).status()).isEqualTo(409);
                assertThat(admin.action("/api/v1/fingerprints/f-0001/revoke")).containsEntry("status", "REVOKED");

                ReaderKeys keys = server.getApplicationContext().getBean(ReaderKeys.class);
                ReaderKeys.Answer first = keys.keyFor("agent-1", "rdr-door-hall1-a-in");
                assertThat(first).isInstanceOfSatisfying(ReaderKeys.Answer.Key.class,
                        k -> assertThat(k.created()).isTrue());
                assertThat(keys.keyFor("agent-1", "rdr-door-hall1-a-in")).isEqualTo(
                        new ReaderKeys.Answer.Key(((ReaderKeys.Answer.Key) first).scbkHex(), false));

                AgentEventIngestion ingestion = server.getApplicationContext().getBean(AgentEventIngestion.class);
                AgentEvent open = new AgentEvent("agent-1", 1, Instant.now(), AgentEventType.DOOR_STATE,
                        "door-noc", "dc-door-noc", Map.of("state", "OPEN"));
                assertThat(ingestion.ingest(open)).isEqualTo(IngestResult.STORED);
                assertThat(ingestion.ingest(open)).isEqualTo(IngestResult.DUPLICATE);
                assertThat(admin.map("/api/v1/doors/door-noc")).containsEntry("state", "OPEN");

                await().atMost(Duration.ofSeconds(10)).until(() ->
                        ((Number) admin.map("/api/v1/events?doorId=gate-1&decision=GRANT").get("total")).intValue() == 1);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> items = (List<Map<String, Object>>) admin.map(
                        "/api/v1/events?personId=p-0001&doorId=gate-1&from=2020-01-01T00:00:00Z&size=5").get("items");
                assertThat(items).singleElement().satisfies(e -> assertThat(e).containsEntry("doorName", "Perimeter gate 1")
                        .containsEntry("personName", "Ada Example"));

                policyDataOnPostgres(server, client, credentials, admin);
            }
        }
    }

    private static Api operator(HttpClient client, String credentials, String username) {
        Matcher m = Pattern.compile("(?m)^" + username + "\\s+(\\S+)").matcher(credentials);
        assertThat(m.find()).as(username + " in credentials.txt").isTrue();
        return Api.as(client, username, m.group(1));
    }

    private static Map<String, Object> act(HttpClient client, Api as, String path, Object body) {
        return client.toBlocking().retrieve(io.micronaut.http.HttpRequest.POST(path, body).bearerAuth(as.token()),
                io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
    }

    /** Visits, holidays and exceptions, a lockdown and an alarm acknowledgement, all on PostgreSQL. */
    private static void policyDataOnPostgres(EmbeddedServer server, HttpClient client, String credentials,
                                             Api admin) {
        Api supervisor = operator(client, credentials, "supervisor");
        Api guard = operator(client, credentials, "guard");
        AccessIndex index = server.getApplicationContext().getBean(AccessIndex.class);
        AccessPolicy policy = new AccessPolicy();
        Instant now = Instant.now();

        // a visit: requested by the guard, approved by the supervisor, in the index
        admin.create("/api/v1/people", Map.of("id", "pg-v", "displayName", "Post Visitor", "kind", "VISITOR"));
        String visit = (String) guard.create("/api/v1/visits", Map.of("visitorId", "pg-v", "hostId", "p-0001",
                "validFrom", now.minus(Duration.ofMinutes(5)).toString(),
                "validUntil", now.plus(Duration.ofHours(2)).toString(), "areaIds", List.of("lobby"))).get("id");
        assertThat(guard.fails(() -> act(client, guard, "/api/v1/visits/" + visit + "/approve", Map.of())).status())
                .isEqualTo(403);
        assertThat(act(client, supervisor, "/api/v1/visits/" + visit + "/approve", Map.of()))
                .containsEntry("status", "APPROVED").containsEntry("requestedBy", "guard")
                .containsEntry("approvedBy", "supervisor");
        AccessSnapshot snapshot = index.rebuildAndWait(Duration.ofSeconds(10)).snapshot();
        assertThat(snapshot.visitsOf(new PersonId("pg-v"))).singleElement()
                .satisfies(v -> assertThat(v.activeAt(now)).isTrue());

        // a holiday and a schedule with holiday windows and dated exceptions
        admin.post("/api/v1/sites/DC1/holidays", Map.of("date", "2031-12-24", "name", "Heiligabend"), Map.class);
        assertThat(admin.fails(() -> admin.post("/api/v1/sites/DC1/holidays",
                Map.of("date", "2031-12-24", "name", "Again"), Map.class)).status()).isEqualTo(409);
        admin.post("/api/v1/schedules", Map.of("id", "pg-sched", "name", "PG", "siteId", "DC1",
                "windows", List.of(Map.of("day", "WEDNESDAY", "start", "08:00", "end", "18:00")),
                "holidayWindows", List.of(Map.of("start", "10:00", "end", "12:00")),
                "exceptions", List.of(Map.of("date", "2031-12-31", "windows",
                        List.of(Map.of("start", "08:00", "end", "24:00"))), Map.of("date", "2032-01-07"))), Map.class);
        Schedule schedule = index.rebuildAndWait(Duration.ofSeconds(10)).snapshot()
                .schedule(new ScheduleId("pg-sched")).orElseThrow();
        ZoneId zone = schedule.zone();
        assertThat(schedule.holidays()).contains(LocalDate.of(2031, 12, 24));
        assertThat(schedule.isOpenAt(LocalDate.of(2031, 12, 24).atTime(11, 0).atZone(zone).toInstant()))
                .as("holiday window on a holiday Wednesday").isTrue();
        assertThat(schedule.isOpenAt(LocalDate.of(2031, 12, 24).atTime(9, 0).atZone(zone).toInstant())).isFalse();
        assertThat(schedule.isOpenAt(LocalDate.of(2031, 12, 31).atTime(23, 0).atZone(zone).toInstant()))
                .as("exception window").isTrue();
        assertThat(schedule.isOpenAt(LocalDate.of(2032, 1, 7).atTime(9, 0).atZone(zone).toInstant()))
                .as("exception: closed all day").isFalse();

        // a lockdown of hall 1, set and lifted by the supervisor, recorded in the same transaction
        act(client, supervisor, "/api/v1/areas/hall-1/lockdown", Map.of("reason", "PostgreSQL drill"));
        AccessSnapshot locked = index.rebuildAndWait(Duration.ofSeconds(10)).snapshot();
        assertThat(locked.area(new AreaId("hall-1")).orElseThrow().lockedDown()).isTrue();
        assertThat(policy.decide(new AccessRequest(new CardKey("H10301", 12, 1001), new DoorId("door-hall1-b"),
                Direction.ENTRY, Instant.now(), null, null), locked).reasonCode()).isEqualTo("LOCKDOWN");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lockEvents = (List<Map<String, Object>>) admin.map(
                "/api/v1/events?size=500").get("items");
        assertThat(lockEvents).anySatisfy(e -> assertThat((String) e.get("reasonText"))
                .isEqualTo("supervisor: lockdown set on area hall-1 — reason: PostgreSQL drill"));
        act(client, supervisor, "/api/v1/areas/hall-1/lockdown/lift", Map.of("reason", "drill over"));
        assertThat(index.rebuildAndWait(Duration.ofSeconds(10)).snapshot().area(new AreaId("hall-1")).orElseThrow()
                .lockedDown()).isFalse();

        // an alarm, acknowledged by the guard with a comment
        AlarmInputs alarms = server.getApplicationContext().getBean(AlarmInputs.class);
        alarms.onSignal("TERMINATED_CREDENTIAL", Instant.now(), "door-noc", "hall-1", "p-0001", "PostgreSQL test");
        assertThat(alarms.flush(Duration.ofSeconds(10))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !((List<?>) guard.map(
                "/api/v1/alarms?type=TERMINATED_CREDENTIAL&state=ACTIVE").get("items")).isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Object> alarm = ((List<Map<String, Object>>) guard.map(
                "/api/v1/alarms?type=TERMINATED_CREDENTIAL&state=ACTIVE").get("items")).getFirst();
        Map<String, Object> acknowledged = act(client, guard, "/api/v1/alarms/" + alarm.get("id") + "/acknowledge",
                Map.of("comment", "seen on PostgreSQL"));
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) acknowledged.get("alarm");
        assertThat(after).containsEntry("state", "ACKNOWLEDGED");
        assertThat((List<?>) acknowledged.get("history")).hasSizeGreaterThanOrEqualTo(2);
    }
}
