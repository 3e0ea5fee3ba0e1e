package dev.warden.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.EdgeAgent;
import dev.warden.agent.config.AgentConfigLoader;
import dev.warden.agent.testing.EmbeddedBroker;
import dev.warden.agent.testing.TestMqttClient;
import dev.warden.agent.testing.TestMqttClient.Received;
import dev.warden.contract.AccessRequest;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.DeviceState;
import dev.warden.contract.Parsed;
import dev.warden.contract.Topics;
import dev.warden.contract.Verdict;
import dev.warden.sim.Observation;
import dev.warden.sim.Simulator;
import dev.warden.sim.config.CardSpec;
import dev.warden.sim.config.SimConfigLoader;
import dev.warden.sim.modbus.SimTurnstile;
import dev.warden.sim.osdp.SimOsdpReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies each scenario capability of the simulator as the real edge agent sees it: the agent (MQTT doors, an OSDP
 * bus and a Modbus bus on pseudo-terminals the simulator creates) runs against an embedded HiveMQ; a test controller
 * records the agent's access requests, grants card 1001 and denies the rest, and reads the agent's events. PINs
 * (MQTT read and OSDP keypad), a forced door, a door held open, tailgaters at a turnstile, sensor readings and alarm
 * inputs each show up in what the agent sends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ScenarioDevicesIT {

    static final String AGENT = "agent-sim";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final CardSpec ADA = new CardSpec("H10301", 12, 1001, "p-0001 Ada", "4821");
    static final CardSpec GRACE = new CardSpec("H10301", 12, 1002, "p-0002 Grace");

    @TempDir
    static Path dir;

    private EmbeddedBroker broker;
    private TestMqttClient controller;
    private Simulator sim;
    private EdgeAgent agent;
    private final List<AccessRequest> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedBroker.start();
        controller = TestMqttClient.connect(broker.uri(), "test-controller");
        controller.onMessage(this::decide).subscribe(Topics.ALL_AGENT_ACCESS_REQUESTS, Topics.agentEvents(AGENT));
        String osdp = dir.resolve("dev/osdp-1").toString();
        String modbus = dir.resolve("dev/modbus-1").toString();
        agent = EdgeAgent.start(AgentConfigLoader.parse("""
                agentId: %s
                mqtt: { uri: "%s" }
                decisionTimeoutMs: 3000
                dataDir: "%s"
                doors:
                  - id: door-lobby
                    unlockMs: 3000
                    readers: [ { deviceId: rdr-lobby-in, direction: IN } ]
                    lock: lock-lobby
                    contact: dc-lobby
                  - id: door-hall
                    unlockMs: 3000
                    readers: [ { deviceId: rdr-hall-in, direction: IN } ]
                    lock: lock-hall
                    contact: dc-hall
                  - id: door-staff
                    unlockMs: 3000
                    readers: [ { deviceId: rdr-staff-in, direction: IN } ]
                    lock: gate-staff
                    contact: gate-staff
                serialBuses:
                  - id: osdp-1
                    protocol: OSDP
                    port: "%s"
                    baud: 115200
                    secureChannel: "OFF"
                    devices:
                      - { id: rdr-hall-in, address: 0, relays: { lock-hall: 0 } }
                  - id: modbus-1
                    protocol: MODBUS
                    port: "%s"
                    parity: NONE
                    devices:
                      - { id: gate-staff, address: 1, pollMs: 100, profile: TURNSTILE }
                      - { id: env-1, address: 2, pollMs: 200, profile: ENVIRONMENT }
                """.formatted(AGENT, broker.uri(), dir.resolve("agent"), osdp, modbus)));
        // the agent first: what it sees before it is connected is not sent (its serial lines wait for the simulator)
        await().atMost(WAIT).until(() -> agent.isConnected());
        sim = Simulator.start(SimConfigLoader.parse("""
                mqtt: { uri: "%s" }
                ratePerSecond: 0
                dataDir: "%s"
                devices:
                  - { id: rdr-lobby-in, kind: READER, doorId: door-lobby }
                  - { id: lock-lobby, kind: LOCK, doorId: door-lobby }
                  - { id: dc-lobby, kind: CONTACT, doorId: door-lobby }
                  - { id: rdr-staff-in, kind: READER, doorId: door-staff }
                  - { id: dc-hall, kind: CONTACT, doorId: door-hall }
                serialBuses:
                  - id: osdp-1
                    protocol: OSDP
                    pty: "%s"
                    devices:
                      - { id: rdr-hall-in, address: 0 }
                  - id: modbus-1
                    protocol: MODBUS
                    pty: "%s"
                    devices:
                      - { id: gate-staff, address: 1, profile: TURNSTILE, doorId: door-staff }
                      - { id: env-1, address: 2, profile: ENVIRONMENT }
                cards:
                  - { format: H10301, facility: 12, number: 1001, label: "p-0001 Ada", pin: "4821" }
                  - { format: H10301, facility: 12, number: 1002, label: "p-0002 Grace" }
                """.formatted(broker.uri(), dir.resolve("sim"), osdp, modbus)));
        await().atMost(WAIT).until(() -> sim.ready()
                && has(AgentEventType.DEVICE_ONLINE, "rdr-hall-in") && has(AgentEventType.DEVICE_ONLINE, "gate-staff")
                && has(AgentEventType.DEVICE_ONLINE, "env-1"));
    }

    @AfterAll
    void stop() throws Exception {
        if (sim != null) {
            sim.stop();
        }
        if (agent != null) {
            agent.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** The test controller: card 1001 is granted (3 s), every other card denied. */
    private void decide(Received message) {
        if (!message.topic().startsWith("warden/v1/agents/" + AGENT + "/access")
                || !(ContractJson.parse(message.payload(), AccessRequest.class) instanceof Parsed.Ok<AccessRequest>(AccessRequest request))) {
            return;
        }
        requests.add(request);
        boolean known = request.card() != null && request.card().number() == 1001;
        DecisionMessage decision = new DecisionMessage(request.requestId(), known ? Verdict.GRANT : Verdict.DENY,
                known ? "GRANTED" : "NO_ACCESS_LEVEL", known ? 3000 : 0, null, Instant.now());
        MqttProperties props = new MqttProperties();
        props.setCorrelationData(message.correlationData());
        try {
            controller.publishAsync(message.responseTopic(), ContractJson.write(decision), props);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AgentEvent> events() {
        return controller.on(Topics.agentEvents(AGENT)).stream()
                .map(r -> ContractJson.parse(r.payload(), AgentEvent.class))
                .filter(p -> p instanceof Parsed.Ok<AgentEvent>)
                .map(p -> ((Parsed.Ok<AgentEvent>) p).value())
                .toList();
    }

    private List<AgentEvent> events(AgentEventType type, String deviceId) {
        return events().stream().filter(e -> e.type() == type && deviceId.equals(e.deviceId())).toList();
    }

    private boolean has(AgentEventType type, String deviceId) {
        return !events(type, deviceId).isEmpty();
    }

    private List<AccessRequest> requestsAt(String readerId) {
        return requests.stream().filter(r -> r.readerId().equals(readerId)).toList();
    }

    @Test
    void aPinPresentedAtAnMqttReaderIsTheReadsPin() throws Exception {
        int before = requestsAt("rdr-lobby-in").size();

        Observation seen = sim.present("rdr-lobby-in", ADA, "4821").get(30, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Observation.Outcome.GRANTED);
        assertThat(requestsAt("rdr-lobby-in")).hasSize(before + 1).last().satisfies(r -> {
            assertThat(r.pin()).isEqualTo("4821");
            assertThat(r.card().number()).isEqualTo(1001);
        });
        sim.present("rdr-lobby-in", GRACE).get(30, TimeUnit.SECONDS);
        assertThat(requestsAt("rdr-lobby-in")).last().satisfies(r -> assertThat(r.pin()).isNull());
        assertThat(sim.present("rdr-lobby-in", ADA, "12a4")).failsWithin(Duration.ofSeconds(1));
    }

    @Test
    void aPinIsTypedOnTheOsdpKeypadBeforeTheCard() throws Exception {
        SimOsdpReader reader = sim.serial().osdpReader("rdr-hall-in").orElseThrow();
        int pulses = reader.outputPulses(0);

        Observation seen = sim.present("rdr-hall-in", ADA, "004217").get(30, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Observation.Outcome.GRANTED);
        assertThat(requestsAt("rdr-hall-in")).last().satisfies(r -> {
            assertThat(r.pin()).isEqualTo("004217");
            assertThat(r.doorId()).isEqualTo("door-hall");
            assertThat(r.card().number()).isEqualTo(1001);
        });
        await().atMost(WAIT).until(() -> reader.outputPulses(0) > pulses);
    }

    @Test
    void aForcedDoorIsOpenWhileItsLockStaysLocked() {
        await().atMost(WAIT).until(() -> sim.contactState("door-lobby").orElseThrow() == DeviceState.State.CLOSED
                && sim.lockState("door-lobby").orElseThrow() == DeviceState.State.LOCKED);
        int opened = events(AgentEventType.DOOR_STATE, "dc-lobby").size();

        sim.forceOpen("door-lobby");

        await().atMost(WAIT).until(() -> events(AgentEventType.DOOR_STATE, "dc-lobby").size() >= opened + 2);
        List<AgentEvent> contact = events(AgentEventType.DOOR_STATE, "dc-lobby").subList(opened, opened + 2);
        assertThat(contact).extracting(e -> e.attributes().get("state")).containsExactly("OPEN", "CLOSED");
        // the lock's last state the agent recorded before the door opened is LOCKED, and it never unlocked since
        List<AgentEvent> lock = events(AgentEventType.DOOR_STATE, "lock-lobby").stream()
                .filter(e -> e.seq() < contact.getFirst().seq()).toList();
        assertThat(lock).last().satisfies(e -> assertThat(e.attributes().get("state")).isEqualTo("LOCKED"));
        assertThat(events(AgentEventType.DOOR_STATE, "lock-lobby")).noneMatch(e -> e.seq() > contact.getFirst().seq()
                && e.seq() < contact.getLast().seq());
        Duration open = Duration.between(Instant.parse(contact.getFirst().attributes().get("deviceAt")),
                Instant.parse(contact.getLast().attributes().get("deviceAt")));
        assertThat(open).isBetween(Simulator.FORCED_OPEN_FOR.minusMillis(100), Simulator.FORCED_OPEN_FOR.plusSeconds(2));
    }

    @Test
    void aDoorHeldOpenStaysOpenForTheAskedTimeAfterTheGrant() throws Exception {
        await().atMost(WAIT).until(() -> sim.contactState("door-lobby").orElseThrow() == DeviceState.State.CLOSED);
        int before = events(AgentEventType.DOOR_STATE, "dc-lobby").size();
        sim.holdOpen("door-lobby", Duration.ofSeconds(6));

        assertThat(sim.present("rdr-lobby-in", ADA).get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Observation.Outcome.GRANTED);

        await().atMost(WAIT).until(() -> events(AgentEventType.DOOR_STATE, "dc-lobby").size() >= before + 2);
        List<AgentEvent> contact = events(AgentEventType.DOOR_STATE, "dc-lobby").subList(before, before + 2);
        assertThat(contact).extracting(e -> e.attributes().get("state")).containsExactly("OPEN", "CLOSED");
        Duration open = Duration.between(Instant.parse(contact.getFirst().attributes().get("deviceAt")),
                Instant.parse(contact.getLast().attributes().get("deviceAt")));
        assertThat(open).isBetween(Duration.ofMillis(5900), Duration.ofSeconds(9));
        // only doors with a simulated MQTT lock and contact can be held open; only doors with a contact can be forced
        assertThatThrownBy(() -> sim.holdOpen("door-staff", Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.forceOpen("door-nowhere")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tailgatersPassTheTurnstileOnOnePermit() throws Exception {
        SimTurnstile gate = sim.serial().turnstile("gate-staff").orElseThrow();
        await().atMost(WAIT).until(() -> has(AgentEventType.DOOR_STATE, "gate-staff") || gate.requests() > 5);
        long permits = gate.permitPulses();
        int passages = events(AgentEventType.PASSAGE, "gate-staff").size();
        int asked = requestsAt("rdr-staff-in").size();
        sim.tailgate("gate-staff", 2);

        assertThat(sim.present("rdr-staff-in", ADA).get(30, TimeUnit.SECONDS).outcome()).isEqualTo(Observation.Outcome.GRANTED);

        await().atMost(WAIT).until(() -> events(AgentEventType.PASSAGE, "gate-staff").size() == passages + 3);
        assertThat(events(AgentEventType.PASSAGE, "gate-staff").subList(passages, passages + 3))
                .allSatisfy(e -> assertThat(e.doorId()).isEqualTo("door-staff"));
        assertThat(gate.permitPulses()).isEqualTo(permits + 1);
        assertThat(requestsAt("rdr-staff-in")).hasSize(asked + 1);
        assertThat(gate.takeTailgaters()).as("the tailgaters went with that permit").isZero();
    }

    @Test
    void aForcedTurnstileDoorReportsItsContactOpenThenClosed() {
        int before = events(AgentEventType.DOOR_STATE, "gate-staff").size();

        sim.forceOpen("door-staff");

        await().atMost(WAIT).until(() -> events(AgentEventType.DOOR_STATE, "gate-staff").stream().skip(before)
                .map(e -> e.attributes().get("state")).toList().containsAll(List.of("OPEN", "CLOSED")));
    }

    @Test
    void setReadingChangesWhatTheAgentReports() {
        sim.setReading("env-1", "temperature", 41.5);
        sim.setReading("env-1", "humidity", 73.2);

        await().atMost(WAIT).untilAsserted(() -> assertThat(events(AgentEventType.SENSOR_READING, "env-1"))
                .extracting(AgentEvent::attributes)
                .contains(Map.of("quantity", "temperature", "value", "41.50", "unit", "C"),
                        Map.of("quantity", "humidity", "value", "73.20", "unit", "%")));
        assertThatThrownBy(() -> sim.setReading("env-1", "pressure", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.setReading("gate-staff", "temperature", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alarmInputsBecomeSensorAlarmAndTamperEvents() {
        for (String input : List.of("power", "smoke", "leak")) {
            sim.raiseInput("env-1", input, true);
            await(input).atMost(WAIT).untilAsserted(() -> assertThat(events(AgentEventType.SENSOR_ALARM, "env-1"))
                    .extracting(AgentEvent::attributes).contains(Map.of("input", input, "state", "ACTIVE")));
            sim.raiseInput("env-1", input, false);
            await(input).atMost(WAIT).untilAsserted(() -> assertThat(events(AgentEventType.SENSOR_ALARM, "env-1"))
                    .extracting(AgentEvent::attributes).contains(Map.of("input", input, "state", "CLEARED")));
        }
        sim.raiseInput("gate-staff", "tamper", true);
        await().atMost(WAIT).untilAsserted(() -> assertThat(events(AgentEventType.TAMPER, "gate-staff"))
                .extracting(e -> e.attributes().get("state")).contains("ACTIVE"));
        sim.raiseInput("gate-staff", "tamper", false);
        sim.raiseInput("rdr-hall-in", "tamper", true);
        await().atMost(WAIT).untilAsserted(() -> assertThat(events(AgentEventType.TAMPER, "rdr-hall-in"))
                .extracting(e -> e.attributes().get("state")).contains("ACTIVE"));
        sim.raiseInput("rdr-hall-in", "tamper", false);
        assertThatThrownBy(() -> sim.raiseInput("env-1", "tamper", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.raiseInput("nothing", "smoke", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
