package dev.warden.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.sim.Observation;
import dev.warden.sim.Simulator;
import dev.warden.sim.config.CardSpec;
import dev.warden.sim.fingerprint.SimFingerprintModule;
import dev.warden.sim.modbus.SimTurnstile;
import dev.warden.sim.osdp.SimOsdpReader;
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
 * Issue 4 scenarios at the demo's serial devices, every part real (controller with its alarms and occupancy, edge
 * agent, broker, simulator serving OSDP readers, the fingerprint module and Modbus devices on pseudo-terminals):
 * tailgating at the staff turnstile, a two-person entry into cage A (card + fingerprint, Secure Channel), an
 * overheating rack in hall 1, and a power failure reported by hall 1's sensor. The scenario's people and rules are set through the REST API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(360)
class SerialScenarioSystemIT {

    private static final String GATE = "gate-lobby-staff";
    private static final String GATE_DOOR = "door-lobby-staff";
    private static final String GATE_READER = "rdr-door-lobby-staff-in";
    private static final String CAGE_DOOR = "door-cage-a";
    private static final String CAGE_IN = "rdr-door-cage-a-in";
    private static final String CAGE_OUT = "rdr-door-cage-a-out";
    private static final String CAGE_MODULE = "fp-door-cage-a";
    private static final String SENSOR = "env-hall-1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;

    private DemoSiteRunner site;
    private Simulator sim;
    private CardSpec walker;
    private CardSpec firstInCage;
    private CardSpec secondInCage;

    @BeforeAll
    void startTheSite() throws Exception {
        site = DemoSiteRunner.start(tmp, true);
        sim = site.sim;
        ScenarioData data = new ScenarioData(site);
        data.alwaysOpenSchedule("sc-always");
        data.accessLevel("sc-staff", "sc-always", List.of(GATE_DOOR));
        walker = data.person("sc-walker", "EMPLOYEE", false, 3101);
        data.assign("sc-walker", "sc-staff");
        // two people for the card + fingerprint cage: their fingers enrolled on the cage's module (the simulated module's
        // library gets the same pages, as if enrolled at the module) and recorded in the controller
        data.accessLevel("sc-cage", "sc-always", List.of(CAGE_DOOR));
        SimFingerprintModule module = sim.serial().fingerprintModule(CAGE_MODULE).orElseThrow();
        firstInCage = data.person("sc-cage-1", "EMPLOYEE", false, 3201);
        secondInCage = data.person("sc-cage-2", "EMPLOYEE", false, 3202);
        int page = 900;
        for (CardSpec person : List.of(firstInCage, secondInCage)) {
            data.assign(person.label(), "sc-cage");
            module.enroll(page, person.label());
            data.fingerprint(person.label(), CAGE_MODULE, page++);
        }
        data.changeArea("cage-a", Map.of("twoPersonWindowSeconds", 30));
        data.awaitDecisionsSeeAllWrites();
    }

    @AfterAll
    void stopTheSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void twoPeopleThroughTheTurnstileOnOneGrantRaiseTailgating() throws Exception {
        SimTurnstile gate = sim.serial().turnstile(GATE).orElseThrow();
        int passages = gate.passageCounter();
        sim.tailgate(GATE, 1);

        // the first reads may come before the agent has the turnstile online or the level is in the index
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> sim.present(GATE_READER, walker)
                .get(30, TimeUnit.SECONDS).outcome() == Observation.Outcome.GRANTED);

        await().atMost(WAIT).until(() -> gate.passageCounter() == (passages + 2) % 65_536);
        await().atMost(WAIT).untilAsserted(() -> assertThat(alarms("type=TAILGATING&doorId=" + GATE_DOOR))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.get("priority").asInt()).isEqualTo(2);
                    assertThat(a.get("state").asText()).isEqualTo("ACTIVE");
                }));
    }

    @Test
    void aRackOverheatingRaisesATemperatureAlarmThatReturnsToNormalOnlyBelowTheHysteresisBand() throws Exception {
        sim.setReading(SENSOR, "temperature", 41.5);
        await().atMost(WAIT).untilAsserted(() -> assertThat(temperatureAlarms())
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.get("state").asText()).isEqualTo("ACTIVE");
                    assertThat(a.get("level").asText()).isEqualTo("HIGH");
                    assertThat(a.get("priority").asInt()).isEqualTo(3);
                }));

        // below the 35 °C threshold but within the 2 °C band: still hot
        sim.setReading(SENSOR, "temperature", 34.0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(site.events("").get("items"))
                .anySatisfy(e -> assertThat(e.get("reasonText").asText()).isEqualTo("Temperature 34.00 C")));
        assertThat(temperatureAlarms()).singleElement().satisfies(a -> assertThat(a.get("state").asText()).isEqualTo("ACTIVE"));

        sim.setReading(SENSOR, "temperature", 30.0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(temperatureAlarms())
                .singleElement()
                .satisfies(a -> assertThat(a.get("state").asText()).isEqualTo("RETURNED_TO_NORMAL")));
    }

    @Test
    void aPowerFailureSeenByTheSensorRaisesAPowerAlarmThatReturnsToNormalWhenTheSupplyIsBack() throws Exception {
        sim.raiseInput(SENSOR, "power", true);
        await().atMost(WAIT).untilAsserted(() -> assertThat(alarms("type=POWER"))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.get("deviceId").asText()).isEqualTo(SENSOR);
                    assertThat(a.get("priority").asInt()).isEqualTo(2);
                    assertThat(a.get("state").asText()).isEqualTo("ACTIVE");
                }));
        // the supply is back: the alarm returns to normal and waits for a guard to acknowledge it
        sim.raiseInput(SENSOR, "power", false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(alarms("type=POWER"))
                .singleElement()
                .satisfies(a -> assertThat(a.get("state").asText()).isEqualTo("RETURNED_TO_NORMAL")));
    }

    @Test
    void theCageOpensOnlyForTheSecondOfTwoPeopleAndNeitherMayLeaveTheOtherAlone() throws Exception {
        SimOsdpReader in = sim.serial().osdpReader(CAGE_IN).orElseThrow();
        SimOsdpReader out = sim.serial().osdpReader(CAGE_OUT).orElseThrow();
        await().atMost(Duration.ofSeconds(90)).until(() -> !in.installMode() && in.secureSessionActive()
                && !out.installMode() && out.secureSessionActive());
        CardSpec first = firstInCage;
        CardSpec second = secondInCage;

        assertThat(present(CAGE_IN, first)).as("alone at the cage").isEqualTo(Observation.Outcome.DENIED);
        assertThat(present(CAGE_IN, second)).as("the second person within the window").isEqualTo(Observation.Outcome.GRANTED);

        await().atMost(WAIT).untilAsserted(() -> assertThat(site.events("doorId=" + CAGE_DOOR + "&decision=DENY&personId=" + first.label()).get("items"))
                .anySatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("TWO_PERSON_PENDING")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(occupants("cage-a")).extracting(o -> o.get("personId").asText())
                .contains(first.label(), second.label()));

        assertThat(present(CAGE_OUT, first)).as("leaving the other alone inside").isEqualTo(Observation.Outcome.DENIED);
        assertThat(present(CAGE_OUT, second)).as("the second person leaves with them").isEqualTo(Observation.Outcome.GRANTED);

        await().atMost(WAIT).untilAsserted(() -> assertThat(site.events("doorId=" + CAGE_DOOR + "&decision=DENY&personId=" + first.label()).get("items"))
                .anySatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("TWO_PERSON_EXIT")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(occupants("cage-a")).extracting(o -> o.get("personId").asText())
                .doesNotContain(first.label(), second.label()));
    }

    private Observation.Outcome present(String reader, CardSpec card) throws Exception {
        return sim.present(reader, card).get(60, TimeUnit.SECONDS).outcome();
    }

    private List<JsonNode> temperatureAlarms() throws Exception {
        return alarms("type=TEMPERATURE").stream().filter(a -> SENSOR.equals(a.get("deviceId").asText())).toList();
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
