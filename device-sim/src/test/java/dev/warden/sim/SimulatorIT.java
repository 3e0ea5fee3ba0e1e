package dev.warden.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.DeviceCommand;
import dev.warden.contract.DeviceState;
import dev.warden.contract.DoorCommand.Action;
import dev.warden.contract.Parsed;
import dev.warden.contract.ReaderRead;
import dev.warden.contract.Topics;
import dev.warden.contract.Verdict;
import dev.warden.sim.Observation.Outcome;
import dev.warden.sim.config.CardSpec;
import dev.warden.sim.config.DeviceKind;
import dev.warden.sim.config.DeviceSpec;
import dev.warden.sim.config.SimConfig;
import dev.warden.sim.config.StandaloneReaderSpec;
import dev.warden.agent.testing.EmbeddedBroker;
import dev.warden.agent.testing.TestMqttClient;
import dev.warden.agent.testing.TestMqttClient.Received;
import dev.warden.sim.walker.ReadKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator against a real MQTT 5 broker (embedded HiveMQ). A fake controller answers the standalone reader;
 * a fake edge agent answers the reader behind it by commanding the door's lock and the reader's LED.
 */
class SimulatorIT {

    static final String DOOR = "door-lobby-main";
    static final String READER = "rdr-door-lobby-main-in";
    static final String LOCK = "lock-door-lobby-main";
    static final String CONTACT = "dc-door-lobby-main";
    static final String GATE = "rdr-gate-1";
    static final CardSpec ADA = new CardSpec("H10301", 12, 1001, "p-0001 Ada Example");
    static final CardSpec STRANGER = new CardSpec("H10301", 200, 60000, "stranger");
    static final Duration WAIT = Duration.ofSeconds(15);

    static EmbeddedBroker broker;
    static TestMqttClient controller;
    static TestMqttClient agent;
    static Simulator sim;
    static final List<ReaderRead> agentReads = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start();
        controller = TestMqttClient.connect(broker.uri(), "fake-controller");
        controller.onMessage(SimulatorIT::decide).subscribe(Topics.ALL_READER_READS);
        agent = TestMqttClient.connect(broker.uri(), "fake-agent");
        agent.onMessage(SimulatorIT::actAsAgent).subscribe("warden/v1/devices/+/read", "warden/v1/devices/+/state");
        SimConfig config = new SimConfig(broker.uri(), 42, 0,
                List.of(new DeviceSpec(READER, DeviceKind.READER, DOOR, null),
                        new DeviceSpec(LOCK, DeviceKind.LOCK, DOOR, null),
                        new DeviceSpec(CONTACT, DeviceKind.CONTACT, DOOR, null)),
                List.of(new StandaloneReaderSpec(GATE, "gate-1", null)),
                List.of(ADA));
        sim = Simulator.start(config);
        await().atMost(WAIT).until(sim::ready);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sim != null) {
            sim.stop();
        }
        for (TestMqttClient c : new TestMqttClient[] {agent, controller}) {
            if (c != null) {
                c.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** The fake controller: GRANT for Ada, DENY for anyone else, REJECTED for what it cannot read. */
    static void decide(Received message) {
        String readerId = Topics.idAt(message.topic(), "readers").orElseThrow();
        DecisionMessage decision = switch (ContractJson.parse(message.payload(), ReaderRead.class)) {
            case Parsed.Ok<ReaderRead>(ReaderRead read) when ADA.toCardData().equals(read.card()) ->
                    new DecisionMessage(read.requestId(), Verdict.GRANT, "GRANTED", 3000, null, Instant.now());
            case Parsed.Ok<ReaderRead>(ReaderRead read) ->
                    new DecisionMessage(read.requestId(), Verdict.DENY, "UNKNOWN_CREDENTIAL", 0, null, Instant.now());
            case Parsed.Rejected<ReaderRead>(String reason, String detail, String requestId) ->
                    DecisionMessage.rejected(requestId, reason, detail, Instant.now());
        };
        send(controller, Topics.readerDecision(readerId), ContractJson.write(decision));
    }

    /** The fake edge agent: unlock + green for Ada (as a card or as Wiegand bits), red for anyone else. */
    static void actAsAgent(Received message) {
        if (!message.topic().equals(Topics.deviceRead(READER))) {
            return;
        }
        if (!(ContractJson.parse(message.payload(), ReaderRead.class) instanceof Parsed.Ok<ReaderRead>(ReaderRead read))) {
            return;
        }
        agentReads.add(read);
        boolean ada = ADA.toCardData().equals(read.card()) || read.wiegand() != null;
        if (ada) {
            send(agent, Topics.deviceCommand(LOCK), ContractJson.write(new DeviceCommand(Action.UNLOCK, 1000, null)));
            send(agent, Topics.deviceCommand(READER), ContractJson.write(new DeviceCommand(Action.LED, 1000, "GREEN")));
        } else {
            send(agent, Topics.deviceCommand(READER), ContractJson.write(new DeviceCommand(Action.LED, 2000, "RED")));
        }
    }

    static void send(TestMqttClient client, String topic, byte[] payload) {
        try {
            client.publishAsync(topic, payload, null);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<DeviceState.State> statesOn(String deviceId) {
        return agent.on(Topics.deviceState(deviceId)).stream()
                .map(r -> ((Parsed.Ok<DeviceState>) ContractJson.parse(r.payload(), DeviceState.class)).value().state())
                .toList();
    }

    @Test
    void aStandaloneReaderObservesTheControllersGrant() throws Exception {
        Observation seen = sim.present(GATE, ADA).get(10, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(seen.unlockMs()).isEqualTo(3000);
        assertThat(seen.reason()).isEqualTo("GRANTED");
        assertThat(sim.lastDecision(GATE)).hasValueSatisfying(d -> assertThat(d.requestId()).isEqualTo(seen.requestId()));
    }

    @Test
    void aStandaloneReaderObservesADenialWithItsReason() throws Exception {
        Observation seen = sim.present(GATE, STRANGER).get(10, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(seen.reason()).isEqualTo("UNKNOWN_CREDENTIAL");
        assertThat(seen.unlockMs()).isZero();
    }

    @Test
    void aMalformedReadIsRejectedByTheController() throws Exception {
        Observation seen = sim.present(GATE, ADA, ReadKind.MALFORMED_JSON).get(10, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(seen.reason()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void readsAtOneReaderAreAnsweredInOrder() throws Exception {
        var first = sim.present(GATE, ADA);
        var second = sim.present(GATE, STRANGER);
        var third = sim.present(GATE, ADA);

        assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS), third.get(10, TimeUnit.SECONDS)))
                .extracting(Observation::outcome)
                .containsExactly(Outcome.GRANTED, Outcome.DENIED, Outcome.GRANTED);
    }

    @Test
    void aReaderBehindTheAgentSeesGreenAndItsDoorUnlocksOpensClosesAndRelocks() throws Exception {
        Observation seen = sim.present(READER, ADA).get(10, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(seen.ledColor()).isEqualTo("GREEN");
        assertThat(seen.unlockMs()).isEqualTo(1000);
        assertThat(sim.readerIndication(READER)).hasValueSatisfying(i -> assertThat(i.ledColor()).isEqualTo("GREEN"));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(statesOn(LOCK)).containsSubsequence(DeviceState.State.UNLOCKED, DeviceState.State.LOCKED);
            assertThat(statesOn(CONTACT)).containsSubsequence(DeviceState.State.OPEN, DeviceState.State.CLOSED);
        });
        await().atMost(WAIT).until(() -> sim.lockState(DOOR).orElseThrow() == DeviceState.State.LOCKED
                && sim.contactState(DOOR).orElseThrow() == DeviceState.State.CLOSED);
    }

    @Test
    void aReaderBehindTheAgentSeesRedForAStranger() throws Exception {
        Observation seen = sim.present(READER, STRANGER).get(10, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(seen.ledColor()).isEqualTo("RED");
        assertThat(seen.unlockMs()).isZero();
    }

    @Test
    void rawWiegandBitsAreTheSimulatorsOwnH10301Encoding() throws Exception {
        CardSpec vector = new CardSpec("H10301", 1, 1234, "PROTOCOLS.md vector");

        Observation seen = sim.present(READER, vector, ReadKind.WIEGAND).get(10, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Outcome.GRANTED);
        assertThat(agentReads).anySatisfy(r -> assertThat(r.wiegand()).isEqualTo("10000000100000100110100100"));
    }

    @Test
    void aMalformedReadToTheAgentIsSentAndNotWaitedFor() throws Exception {
        int before = agent.on(Topics.deviceRead(READER)).size();

        Observation seen = sim.present(READER, ADA, ReadKind.MALFORMED_JSON).get(10, TimeUnit.SECONDS);

        assertThat(seen.outcome()).isEqualTo(Outcome.IGNORED);
        await().atMost(WAIT).until(() -> agent.on(Topics.deviceRead(READER)).size() > before);
        Received last = agent.on(Topics.deviceRead(READER)).getLast();
        assertThat(ContractJson.parse(last.payload(), ReaderRead.class)).isInstanceOfSatisfying(Parsed.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Parsed.MALFORMED_JSON));
    }

    @Test
    void theWalkerPresentsCardsAtTheConfiguredReaders() {
        String walkGate = "rdr-walk-1";
        SimConfig config = new SimConfig(broker.uri(), 7, 40, List.of(),
                List.of(new StandaloneReaderSpec(walkGate, "gate-9", null)),
                List.of(ADA, new CardSpec("H10301", 12, 1002, "p-0002 Grace")));
        Simulator walking = Simulator.start(config);
        try {
            await().atMost(WAIT).until(() -> controller.on(Topics.readerRead(walkGate)).size() >= 10);
            await().atMost(WAIT).until(() -> walking.walkerReads() >= 10);
            assertThat(controller.on(Topics.readerRead(walkGate)))
                    .filteredOn(r -> ContractJson.parse(r.payload(), ReaderRead.class) instanceof Parsed.Ok<ReaderRead>(ReaderRead read)
                            && read.card() != null)
                    .isNotEmpty();
        } finally {
            walking.stop();
        }
    }

    @Test
    void presentingAtAnUnknownReaderFails() {
        assertThat(sim.present("rdr-nowhere", ADA)).isCompletedExceptionally();
    }
}
