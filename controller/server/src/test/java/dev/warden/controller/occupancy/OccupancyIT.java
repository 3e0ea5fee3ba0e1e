package dev.warden.controller.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.CardData;
import dev.warden.contract.Verdict;
import dev.warden.controller.Api;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.Outcome;
import dev.warden.controller.decision.ReaderAttempt;
import dev.warden.controller.decision.ReaderDecisions;
import dev.warden.controller.decision.Source;
import dev.warden.controller.event.AgentEventIngestion;
import dev.warden.policy.AreaId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies occupancy end to end on a file database: grants at entry and exit readers move people between nested
 * areas, a gate moves nobody until its passage, the occupancy and muster lists (JSON and CSV, by role) show them, a
 * controller restart (the application context stopped and started on the same H2 file) keeps both lists and the
 * engine's anti-passback memory, and a guard's passback forgiveness works and is recorded as an OPERATOR event.
 */
class OccupancyIT {
    @TempDir
    Path tmp;

    private Map<String, Object> config() {
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", "jdbc:h2:file:" + tmp.resolve("db/warden") + ";AUTO_SERVER=FALSE");
        return props;
    }

    @Test
    void presenceMovesWithGrantsAndSurvivesARestart() {
        List<Map<String, Object>> occupantsBefore;
        Map<String, Object> musterBefore;
        String csvBefore;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config(), "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            Api admin = Api.admin(client);
            seed(admin);
            admin.newOperator(client, "o-guard", "GUARD");
            admin.newOperator(client, "o-fm", "FACILITY_MANAGER");
            admin.newOperator(client, "o-hr", "HR");
            ReaderDecisions decisions = server.getApplicationContext().getBean(ReaderDecisions.class);
            AccessIndex index = server.getApplicationContext().getBean(AccessIndex.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> index.current().readers().containsKey("O-gate-in")
                    && index.current().snapshot().area(new AreaId("O-cage")).isPresent());
            Instant now = now(server);

            assertThat(read(decisions, "O-main-in", 1, now).verdict()).isEqualTo(Verdict.GRANT);     // ada in
            assertThat(read(decisions, "O-hall-in", 1, now.plusSeconds(5)).verdict()).isEqualTo(Verdict.GRANT);
            assertThat(read(decisions, "O-main-in", 2, now.plusSeconds(6)).verdict()).isEqualTo(Verdict.GRANT);
            assertThat(read(decisions, "O-main-in", 3, now.plusSeconds(7)).verdict()).isEqualTo(Verdict.GRANT);
            Outcome cyOut = read(decisions, "O-main-out", 3, now.plusSeconds(9));
            assertThat(cyOut.verdict()).as("an exit reader asks for an EXIT").isEqualTo(Verdict.GRANT);
            assertThat(read(decisions, "O-main-in", 2, now.plusSeconds(10)).reason())
                    .as("hard anti-passback: already inside").isEqualTo("PASSBACK");

            Api guard = Api.as(client, "o-guard", "password-of-o-guard");
            Map<String, Object> building = guard.map("/api/v1/occupancy?area=O-bldg");
            assertThat(building).containsEntry("areaId", "O-bldg").containsEntry("count", 2);
            assertThat(occupants(building)).extracting(o -> o.get("personId")).containsExactly("O-ada", "O-bob");
            assertThat(occupants(building).getFirst()).containsEntry("areaId", "O-hall")
                    .containsEntry("areaName", "Hall").containsEntry("doorId", "O-hall-door")
                    .containsEntry("doorName", "Hall door").containsEntry("personName", "Person O-ada")
                    .containsEntry("siteId", "O-site").containsEntry("since", now.plusSeconds(5).toString());
            assertThat(occupants(guard.map("/api/v1/occupancy?area=O-hall"))).extracting(o -> o.get("personId"))
                    .containsExactly("O-ada");
            assertThat(occupants(guard.map("/api/v1/occupancy?area=O-cage"))).isEmpty();
            assertThat(occupants(guard.map("/api/v1/occupancy"))).hasSize(2);
            assertThat(guard.fails(() -> guard.map("/api/v1/occupancy?area=nowhere")).status()).isEqualTo(404);
            assertThat(guard.fails(() -> guard.map("/api/v1/occupancy?area=bad%20id")).status()).isEqualTo(400);

            Api hr = Api.as(client, "o-hr", "password-of-o-hr");
            assertThat(hr.fails(() -> hr.map("/api/v1/muster?site=O-site")).status()).isEqualTo(403);
            assertThat(hr.fails(() -> hr.map("/api/v1/occupancy?area=O-bldg")).status()).isEqualTo(403);
            Api fm = Api.as(client, "o-fm", "password-of-o-fm");
            musterBefore = fm.map("/api/v1/muster?site=O-site");
            assertThat(musterBefore).containsEntry("siteId", "O-site").containsEntry("siteName", "Site O")
                    .containsEntry("count", 2);
            assertThat(people(musterBefore)).extracting(p -> p.get("personId") + "@" + p.get("areaId") + "/"
                    + p.get("doorId")).containsExactly("O-bob@O-bldg/O-main", "O-ada@O-hall/O-hall-door");
            assertThat(guard.fails(() -> guard.map("/api/v1/muster")).status()).isEqualTo(400);
            assertThat(guard.fails(() -> guard.map("/api/v1/muster?site=nowhere")).status()).isEqualTo(404);

            HttpResponse<String> csv = client.toBlocking().exchange(HttpRequest.GET("/api/v1/muster?site=O-site")
                    .accept("text/csv").bearerAuth(guard.token()), String.class);
            assertThat(csv.getContentType()).get().satisfies(t -> assertThat(t.getName()).isEqualTo("text/csv"));
            csvBefore = csv.body();
            assertThat(csvBefore.split("\r\n")).containsExactly(MusterCsv.HEADER,
                    "O-bob,Person O-bob,EMPLOYEE,O-bldg,Building,O-main,Main door," + now.plusSeconds(6) + ",",
                    "O-ada,Person O-ada,EMPLOYEE,O-hall,Hall,O-hall-door,Hall door," + now.plusSeconds(5) + ",");
            occupantsBefore = occupants(guard.map("/api/v1/occupancy"));
        }

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config(), "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            Api guard = Api.as(client, "o-guard", "password-of-o-guard");
            assertThat(occupants(guard.map("/api/v1/occupancy"))).as("occupancy after a restart")
                    .isEqualTo(occupantsBefore);
            Map<String, Object> muster = guard.map("/api/v1/muster?site=O-site");
            assertThat(people(muster)).as("muster after a restart").isEqualTo(people(musterBefore));
            assertThat(client.toBlocking().exchange(HttpRequest.GET("/api/v1/muster?site=O-site")
                    .accept("text/csv").bearerAuth(guard.token()), String.class).body()).isEqualTo(csvBefore);

            ReaderDecisions decisions = server.getApplicationContext().getBean(ReaderDecisions.class);
            Instant now = now(server);
            assertThat(read(decisions, "O-main-in", 2, now).reason())
                    .as("the engine still knows bob is inside").isEqualTo("PASSBACK");

            assertThat(guard.fails(() -> guard.post("/api/v1/people/O-bob/passback/forgive", Map.of(), Map.class))
                    .status()).as("reason required").isEqualTo(400);
            assertThat(guard.fails(() -> guard.post("/api/v1/people/O-nobody/passback/forgive",
                    Map.of("reason", "x"), Map.class)).status()).isEqualTo(404);
            Api fm = Api.as(client, "o-fm", "password-of-o-fm");
            assertThat(fm.fails(() -> fm.post("/api/v1/people/O-bob/passback/forgive",
                    Map.of("reason", "x"), Map.class)).status()).as("guards and above only").isEqualTo(403);

            Map<String, Object> forgiven = forgive(client, guard, "O-bob", "tailgated in behind a colleague");
            assertThat(forgiven).containsEntry("personId", "O-bob").containsEntry("operator", "o-guard")
                    .containsEntry("reason", "tailgated in behind a colleague").containsEntry("previousArea", "O-bldg");
            assertThat(occupants(guard.map("/api/v1/occupancy?area=O-bldg"))).extracting(o -> o.get("personId"))
                    .containsExactly("O-ada");
            assertThat(read(decisions, "O-main-in", 2, now.plusSeconds(1)).verdict())
                    .as("forgiven: enters again").isEqualTo(Verdict.GRANT);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    items(guard.map("/api/v1/events?personId=O-bob&size=100"))).anySatisfy(e -> assertThat(e)
                    .containsEntry("kind", "OPERATOR").containsEntry("reason", OccupancyService.PASSBACK_FORGIVEN)
                    .satisfies(x -> assertThat((String) x.get("reasonText")).contains("o-guard")
                            .contains("tailgated in behind a colleague"))));
        }
    }

    /** Verifies that a granted turnstile read moves its person only when the gate reports the passage. */
    @Test
    void aGateMovesPresenceOnItsPassage() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config(), "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            Api admin = Api.admin(client);
            seed(admin);
            ReaderDecisions decisions = server.getApplicationContext().getBean(ReaderDecisions.class);
            AccessIndex index = server.getApplicationContext().getBean(AccessIndex.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> index.current().readers().containsKey("O-gate-in")
                    && index.current().snapshot().area(new AreaId("O-cage")).isPresent());
            Instant now = now(server);

            assertThat(read(decisions, "O-gate-in", 1, now).verdict()).isEqualTo(Verdict.GRANT);
            assertThat(occupants(admin.map("/api/v1/occupancy"))).as("granted, not yet through").isEmpty();

            AgentEventIngestion ingestion = server.getApplicationContext().getBean(AgentEventIngestion.class);
            ingestion.ingest(new AgentEvent("agent-o", 1, now.plusSeconds(2), AgentEventType.PASSAGE, "O-gate",
                    "gate-o", Map.of()));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                    occupants(admin.map("/api/v1/occupancy"))).singleElement().satisfies(o -> assertThat(o)
                    .containsEntry("personId", "O-ada").containsEntry("areaId", "O-bldg")
                    .containsEntry("doorId", "O-gate")));
        }
    }

    private static void seed(Api admin) {
        admin.create("/api/v1/sites", Map.of("id", "O-site", "name", "Site O", "timeZone", "Europe/Berlin"));
        admin.create("/api/v1/areas", Map.of("id", "O-bldg", "siteId", "O-site", "name", "Building",
                "kind", "BUILDING", "antiPassback", "HARD"));
        admin.create("/api/v1/areas", Map.of("id", "O-hall", "siteId", "O-site", "parentId", "O-bldg",
                "name", "Hall", "kind", "HALL"));
        admin.create("/api/v1/areas", Map.of("id", "O-cage", "siteId", "O-site", "parentId", "O-hall",
                "name", "Cage", "kind", "CAGE"));
        door(admin, "O-main", "Main door", "O-bldg", "DOOR", "O-main-in", "O-main-out");
        door(admin, "O-hall-door", "Hall door", "O-hall", "DOOR", "O-hall-in", "O-hall-out");
        door(admin, "O-gate", "Turnstile", "O-bldg", "GATE", "O-gate-in", "O-gate-out");
        List<Map<String, String>> always = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            always.add(Map.of("day", day, "start", "00:00", "end", "24:00"));
        }
        admin.create("/api/v1/schedules", Map.of("id", "O-always", "name", "Always", "siteId", "O-site",
                "windows", always));
        admin.create("/api/v1/access-levels", Map.of("id", "O-all", "name", "Everywhere", "scheduleId", "O-always",
                "doorIds", List.of("O-main", "O-hall-door", "O-gate")));
        int card = 1;
        for (String person : List.of("O-ada", "O-bob", "O-cy")) {
            admin.create("/api/v1/people", Map.of("id", person, "displayName", "Person " + person,
                    "kind", "EMPLOYEE"));
            admin.create("/api/v1/credentials", Map.of("id", person + "-card", "format", "H10301", "facility", 9,
                    "number", card++, "personId", person));
            admin.create("/api/v1/assignments", Map.of("personId", person, "accessLevelId", "O-all"));
        }
    }

    private static void door(Api admin, String id, String name, String area, String kind, String in, String out) {
        admin.create("/api/v1/doors", Map.of("id", id, "name", name, "areaId", area, "kind", kind,
                "readerInId", in, "readerOutId", out, "agentId", "agent-o", "unlockMs", 3000));
    }

    /** Now, to the millisecond: instants are stored to the microsecond (PostgreSQL's precision too). */
    private static Instant now(EmbeddedServer server) {
        return server.getApplicationContext().getBean(Clock.class).instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Outcome read(ReaderDecisions decisions, String reader, int card, Instant at) {
        return decisions.decide(new ReaderAttempt("req-" + reader + "-" + card, reader, null,
                new CardData("H10301", 9, card), null, at, Source.AGENT, "agent-o"));
    }

    private static Map<String, Object> forgive(HttpClient client, Api as, String person, String reason) {
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(
                HttpRequest.POST("/api/v1/people/" + person + "/passback/forgive", Map.of("reason", reason))
                        .bearerAuth(as.token()), Argument.mapOf(String.class, Object.class));
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        return response.body();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> occupants(Map<String, Object> dto) {
        return (List<Map<String, Object>>) dto.get("occupants");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> people(Map<String, Object> dto) {
        return (List<Map<String, Object>>) dto.get("people");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
