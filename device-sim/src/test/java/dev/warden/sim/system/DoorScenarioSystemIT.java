package dev.warden.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.sim.Observation;
import dev.warden.sim.Simulator;
import dev.warden.sim.config.CardSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 scenarios at the demo's MQTT doors, every part real (controller with its alarms and occupancy, edge agent,
 * broker, simulator): an unescorted visitor, a door held open, and a duress entry. The people, cards, PINs, visit and
 * door rules are created through the REST API; alarms and occupancy are read back through it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class DoorScenarioSystemIT {

    /** Hall 2 door A: entry and exit readers (MQTT). */
    private static final String HALL2_IN = "rdr-door-hall2-a-in";
    private static final String HALL2_OUT = "rdr-door-hall2-a-out";
    private static final String DOCK_DOOR = "door-loading";
    private static final String DOCK_IN = "rdr-door-loading-in";
    private static final String PIN_DOOR = "door-hall1-b";
    private static final String PIN_READER = "rdr-door-hall1-b-in";
    private static final String PIN = "4711";
    private static final String DURESS_PIN = "9110";
    private static final Duration HELD_OPEN = Duration.ofSeconds(4);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;

    private DemoSiteRunner site;
    private Simulator sim;
    private CardSpec escort;
    private CardSpec visitor;
    private CardSpec worker;

    @BeforeAll
    void startTheSiteAndCreateTheScenarioData() throws Exception {
        site = DemoSiteRunner.start(tmp, false, Map.of("warden.alarms.held-open", HELD_OPEN.toSeconds() + "s"));
        sim = site.sim;
        ScenarioData data = new ScenarioData(site);
        data.alwaysOpenSchedule("sc-always");
        data.accessLevel("sc-doors", "sc-always", List.of("door-hall2-a", DOCK_DOOR, PIN_DOOR));
        escort = data.person("sc-escort", "EMPLOYEE", true, 3001);
        visitor = data.person("sc-visitor", "VISITOR", false, 3002);
        worker = data.person("sc-worker", "EMPLOYEE", false, 3003);
        data.assign("sc-escort", "sc-doors");
        data.assign("sc-worker", "sc-doors");
        data.approvedVisit("sc-visitor", "sc-escort", List.of("hall-2"));
        data.pins("sc-worker", PIN, DURESS_PIN);
        data.changeDoor(PIN_DOOR, Map.of("secondFactor", "PIN"));
        data.awaitDecisionsSeeAllWrites();
    }

    @AfterAll
    void stopTheSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aVisitorLeftInHall2WhenTheirEscortLeavesRaisesUnescortedVisitor() throws Exception {
        assertThat(present(HALL2_IN, escort, null)).isEqualTo(Observation.Outcome.GRANTED);
        assertThat(present(HALL2_IN, visitor, null)).as("the visitor right behind their escort").isEqualTo(Observation.Outcome.GRANTED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(occupants("hall-2"))
                .anySatisfy(o -> {
                    assertThat(o.get("personId").asText()).isEqualTo("sc-visitor");
                    assertThat(o.get("escortId").asText()).isEqualTo("sc-escort");
                })
                .anySatisfy(o -> assertThat(o.get("personId").asText()).isEqualTo("sc-escort")));

        assertThat(present(HALL2_OUT, escort, null)).as("the escort leaves alone").isEqualTo(Observation.Outcome.GRANTED);

        await().atMost(WAIT).untilAsserted(() -> assertThat(alarms("type=UNESCORTED_VISITOR"))
                .anySatisfy(a -> {
                    assertThat(a.get("personId").asText()).isEqualTo("sc-visitor");
                    assertThat(a.get("areaId").asText()).isEqualTo("hall-2");
                    assertThat(a.get("priority").asInt()).isEqualTo(2);
                    assertThat(a.get("state").asText()).isEqualTo("ACTIVE");
                }));
        assertThat(occupants("hall-2")).extracting(o -> o.get("personId").asText()).contains("sc-visitor").doesNotContain("sc-escort");
    }

    @Test
    void aDoorHeldOpenPastItsTimeRaisesDoorHeldWhichReturnsToNormalWhenItClosesAndClosesOnAcknowledgement() throws Exception {
        sim.holdOpen(DOCK_DOOR, HELD_OPEN.plusSeconds(6));

        assertThat(present(DOCK_IN, worker, null)).isEqualTo(Observation.Outcome.GRANTED);

        await().atMost(WAIT).untilAsserted(() -> assertThat(alarms("type=DOOR_HELD&doorId=" + DOCK_DOOR))
                .anySatisfy(a -> {
                    assertThat(a.get("priority").asInt()).isEqualTo(3);
                    assertThat(a.get("state").asText()).isEqualTo("ACTIVE");
                }));
        // the person finally lets the door close: the alarm returns to normal but stays in the queue until a guard
        // has seen it; the acknowledgement then closes it
        await().atMost(WAIT).untilAsserted(() -> assertThat(alarms("type=DOOR_HELD&doorId=" + DOCK_DOOR))
                .allSatisfy(a -> assertThat(a.get("state").asText()).isEqualTo("RETURNED_TO_NORMAL")));
        for (JsonNode alarm : alarms("type=DOOR_HELD&doorId=" + DOCK_DOOR)) {
            site.write("POST", "/api/v1/alarms/" + alarm.get("id").asText() + "/acknowledge",
                    Map.of("comment", "Delivery took long, door closed now"));
        }
        assertThat(alarms("type=DOOR_HELD&doorId=" + DOCK_DOOR))
                .allSatisfy(a -> assertThat(a.get("state").asText()).isEqualTo("CLEARED"));
    }

    @Test
    void aDuressPinOpensTheDoorAndRaisesASilentDuressAlarm() throws Exception {
        assertThat(present(PIN_READER, worker, null)).as("card + PIN door without a PIN").isEqualTo(Observation.Outcome.DENIED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(site.events("doorId=" + PIN_DOOR + "&decision=DENY&personId=sc-worker").get("items"))
                .anySatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("PIN_REQUIRED")));
        assertThat(alarms("type=DURESS")).isEmpty();

        Observation underDuress = sim.present(PIN_READER, worker, DURESS_PIN).get(30, TimeUnit.SECONDS);

        assertThat(underDuress.outcome()).as("the door opens as for the right PIN").isEqualTo(Observation.Outcome.GRANTED);
        assertThat(underDuress.unlockMs()).isPositive();
        await().atMost(WAIT).untilAsserted(() -> assertThat(alarms("type=DURESS"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.get("personId").asText()).isEqualTo("sc-worker");
                    assertThat(a.get("doorId").asText()).isEqualTo(PIN_DOOR);
                    assertThat(a.get("priority").asInt()).isEqualTo(1);
                }));
        // silent: a guard does not see it
        String guard = site.signIn("guard");
        DemoSiteRunner.Answer seenByGuard = site.get("/api/v1/alarms?type=DURESS", guard);
        assertThat(seenByGuard.status()).isEqualTo(200);
        assertThat(seenByGuard.body().get("items")).isEmpty();

        assertThat(present(PIN_READER, worker, PIN)).as("the right PIN").isEqualTo(Observation.Outcome.GRANTED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(site.count("doorId=" + PIN_DOOR + "&decision=GRANT&personId=sc-worker")).isEqualTo(2));
        assertThat(alarms("type=DURESS")).singleElement().satisfies(a -> assertThat(a.get("count").asInt()).isEqualTo(1));
    }

    private Observation.Outcome present(String reader, CardSpec card, String pin) throws Exception {
        return sim.present(reader, card, pin).get(30, TimeUnit.SECONDS).outcome();
    }

    private List<JsonNode> alarms(String query) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        site.get("/api/v1/alarms?size=100&" + query).get("items").forEach(items::add);
        return items;
    }

    private List<JsonNode> occupants(String area) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        site.get("/api/v1/occupancy?area=" + area).get("occupants").forEach(items::add);
        return items;
    }
}
