package dev.warden.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.sim.Observation;
import dev.warden.sim.config.CardSpec;
import dev.warden.sim.fingerprint.SimFingerprintModule;
import dev.warden.sim.modbus.SimEnvironmentSensor;
import dev.warden.sim.modbus.SimTurnstile;
import dev.warden.sim.osdp.SimOsdpReader;
import dev.warden.sim.serial.SerialSimulation;
import dev.warden.sim.wiegand.H10301Encoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo site's serial devices end to end, every part real: the simulator serves OSDP readers, a fingerprint module
 * and Modbus devices on pseudo-terminals it creates; the agent opens them through jSerialComm by their stable
 * paths; the controller decides and records. OSDP runs with Secure Channel required, the readers keyed from install
 * mode with keys the controller issued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class SerialDevicesSystemIT {

    private static final String CAGE_IN = "rdr-door-cage-a-in";
    private static final String CAGE_DOOR = "door-cage-a";
    private static final String CAGE_MODULE = "fp-door-cage-a";
    /** p-0001 holds the cage level and is enrolled at page 1 of the cage's module. */
    private static final CardSpec ADA = new CardSpec("H10301", 12, 1001, "p-0001 Ada Example");
    private static final byte[] SCBK_D = HexFormat.of().parseHex("303132333435363738393A3B3C3D3E3F");

    @TempDir
    static Path tmp;

    private DemoSiteRunner site;
    private SerialSimulation serial;

    @BeforeAll
    void startTheSite() throws Exception {
        site = DemoSiteRunner.start(tmp, true);
        serial = site.sim.serial();
    }

    @AfterAll
    void stopTheSite() {
        if (site != null) {
            site.close();
        }
    }

    /** Cage A is a two-person area: a partner with cage access badges first and waits for p-0001. */
    @Test
    void cardAndFingerOverSecureChannelUnlockTheCageAndPulseTheReadersRelay() throws Exception {
        SimOsdpReader reader = serial.osdpReader(CAGE_IN).orElseThrow();
        SimFingerprintModule module = serial.fingerprintModule(CAGE_MODULE).orElseThrow();
        // install mode: reached with SCBK-D, given its own key from the controller, then a session with that key
        await().atMost(Duration.ofSeconds(60)).until(() -> !reader.installMode() && reader.secureSessionActive());
        assertThat(reader.scbk()).isPresent().get().isNotEqualTo(SCBK_D);
        assertThat(Files.readString(site.sim.config().dataDir().resolve("osdp-keys").resolve(CAGE_IN + ".key")).strip())
                .as("the simulated reader keeps its key like flash").isEqualTo(HexFormat.of().formatHex(reader.scbk().orElseThrow()));
        int pulses = reader.outputPulses(0);
        // the demo's cards: p-NNNN holds card 1000 + NNNN; everyone with cage access is enrolled on the cage's module
        String partnerId = module.enrolled().get(2);
        CardSpec partner = new CardSpec("H10301", 12, 1000 + Long.parseLong(partnerId.substring(2)), partnerId);
        assertThat(site.sim.present(CAGE_IN, partner).get(60, TimeUnit.SECONDS).outcome())
                .as("the first of two waits for a partner").isEqualTo(Observation.Outcome.DENIED);
        assertThat(reader.outputPulses(0)).isEqualTo(pulses);

        Observation seen = site.sim.present(CAGE_IN, ADA).get(60, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Observation.Outcome.GRANTED);
        assertThat(seen.ledColor()).isEqualTo("GREEN");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reader.outputPulses(0)).isEqualTo(pulses + 1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        site.events("doorId=" + CAGE_DOOR + "&decision=GRANT&personId=p-0001").get("items"))
                .anySatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("GRANTED")));
        assertThat(reader.macFailures()).isZero();
    }

    @Test
    void anotherPersonsFingerWithTheCardIsDeniedAndTheRelayStaysOff() throws Exception {
        SimOsdpReader reader = serial.osdpReader(CAGE_IN).orElseThrow();
        SimFingerprintModule module = serial.fingerprintModule(CAGE_MODULE).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> !reader.installMode() && reader.secureSessionActive()
                && reader.ledColor() == SimOsdpReader.LedColor.OFF);
        String otherPerson = module.enrolled().get(2);
        assertThat(otherPerson).isNotEqualTo("p-0001");
        int pulses = reader.outputPulses(0);
        long emptyScans = module.emptyScans();
        try {
            reader.presentCard(H10301Encoder.encode(12, 1001));
            await().atMost(Duration.ofSeconds(10)).until(() -> reader.ledColor() == SimOsdpReader.LedColor.AMBER && module.emptyScans() > emptyScans);
            module.placeFinger(otherPerson);
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.ledColor() == SimOsdpReader.LedColor.RED);
        } finally {
            module.liftFinger();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        site.events("doorId=" + CAGE_DOOR + "&decision=DENY&personId=p-0001").get("items"))
                .anySatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("SECOND_FACTOR_MISMATCH")));
        assertThat(reader.outputPulses(0)).isEqualTo(pulses);
    }

    @Test
    void aGrantAtTheStaffEntrancePermitsTheModbusTurnstileAndThePassageIsRecorded() throws Exception {
        int status = site.post("/api/v1/assignments", Map.of("personId", "p-0001", "accessLevelId", "lvl-lobby-staff"));
        assertThat(status).isIn(200, 201, 409);
        SimTurnstile gate = serial.turnstile("gate-lobby-staff").orElseThrow();
        long permits = gate.permitPulses();
        int passages = gate.passageCounter();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> site.sim
                .present("rdr-door-lobby-staff-in", ADA).get(30, TimeUnit.SECONDS).outcome() == Observation.Outcome.GRANTED);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gate.permitPulses()).isGreaterThan(permits);
            assertThat(gate.passageCounter()).isGreaterThan(passages);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        site.events("doorId=door-lobby-staff").get("items"))
                .anySatisfy(e -> assertThat(e.get("reason").asText()).isEqualTo("PASSAGE")));
    }

    @Test
    void environmentReadingsAndALeakReachTheController() throws Exception {
        SimEnvironmentSensor sensor = serial.environmentSensor("env-hall-1").orElseThrow();
        sensor.setTemperature(31.5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(latest())
                .anySatisfy(e -> assertThat(e.get("reasonText").asText()).isEqualTo("Temperature 31.50 C")));

        sensor.setLeak(true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(latest())
                .anySatisfy(e -> {
                    assertThat(e.get("reason").asText()).isEqualTo("SENSOR_ALARM");
                    assertThat(e.get("reasonText").asText()).isEqualTo("Leak alarm");
                }));
        sensor.setLeak(false);
    }

    @Test
    void anUnpluggedLineTakesItsDevicesOfflineAndTheyComeBackWhenItIsPluggedIn() throws Exception {
        serial.unplug("modbus-1");
        long offlineAt = await().atMost(Duration.ofSeconds(30)).until(() -> newest("env-hall-1", "DEVICE_OFFLINE", 0), id -> id > 0);

        serial.replug("modbus-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> newest("env-hall-1", "DEVICE_ONLINE", offlineAt), id -> id > 0);
    }

    /** The id of the newest event of {@code deviceId} with {@code reason} after event {@code afterId}; 0 if none. */
    private long newest(String deviceId, String reason, long afterId) throws Exception {
        for (JsonNode e : latest()) {
            if (e.get("id").asLong() > afterId && deviceId.equals(e.get("readerId").asText()) && reason.equals(e.get("reason").asText())) {
                return e.get("id").asLong();
            }
        }
        return 0;
    }

    private JsonNode latest() throws Exception {
        return site.events("").get("items");
    }
}
