package dev.warden.agent;

import static dev.warden.agent.testing.Doors.LOBBY;
import static dev.warden.agent.testing.Doors.LOBBY_CONTACT;
import static dev.warden.agent.testing.Doors.LOBBY_IN;
import static dev.warden.agent.testing.Doors.LOBBY_LOCK;
import static dev.warden.agent.testing.Doors.LOBBY_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.config.AgentConfig;
import dev.warden.agent.config.MqttSettings;
import dev.warden.agent.testing.Doors;
import dev.warden.agent.testing.EmbeddedBroker;
import dev.warden.agent.testing.TestMqttClient;
import dev.warden.agent.testing.TestMqttClient.Received;
import dev.warden.contract.AccessRequest;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.AgentStatus;
import dev.warden.contract.CardData;
import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.DeviceCommand;
import dev.warden.contract.DeviceState;
import dev.warden.contract.DoorCommand;
import dev.warden.contract.Parsed;
import dev.warden.contract.ReaderRead;
import dev.warden.contract.Topics;
import dev.warden.contract.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a real MQTT 5 broker (embedded HiveMQ): a test "controller" answers access requests on the
 * response topic with the correlation data, a test "device" presents cards and watches the device commands.
 */
class EdgeAgentIT {

    static final String AGENT = "agent-it";
    static final CardData KNOWN = new CardData("H10301", 12, 1001);
    static final CardData NOT_ALLOWED = new CardData("H10301", 12, 2002);
    /** The test controller never answers for facility 99. */
    static final CardData UNANSWERED = new CardData("H10301", 99, 1);
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dataDir;

    static EmbeddedBroker broker;
    static TestMqttClient controller;
    static TestMqttClient device;
    static EdgeAgent agent;
    static final List<AccessRequest> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start();
        controller = TestMqttClient.connect(broker.uri(), "test-controller");
        controller.onMessage(EdgeAgentIT::decide).subscribe(Topics.ALL_AGENT_ACCESS_REQUESTS);
        device = TestMqttClient.connect(broker.uri(), "test-device")
                .subscribe("warden/v1/devices/+/command", Topics.agentEvents(AGENT), Topics.ALL_AGENT_STATUS);
        agent = EdgeAgent.start(config(AGENT, dataDir));
        await().atMost(WAIT).until(() -> status(AGENT).filter(s -> s.state() == AgentStatus.State.ONLINE).isPresent());
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (device != null) {
            device.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static AgentConfig config(String agentId, Path data) {
        return new AgentConfig(agentId, new MqttSettings(broker.uri(), null, null), Duration.ofMillis(500), data, List.of(Doors.lobby()));
    }

    /** The test controller: GRANT for the known card, DENY for others, silence for facility 99. */
    static void decide(Received message) {
        if (!(ContractJson.parse(message.payload(), AccessRequest.class) instanceof Parsed.Ok<AccessRequest>(AccessRequest request))) {
            return;
        }
        requests.add(request);
        if (request.card().facility() == UNANSWERED.facility()) {
            return;
        }
        DecisionMessage decision = request.card().equals(KNOWN)
                ? new DecisionMessage(request.requestId(), Verdict.GRANT, "GRANTED", 4000, null, Instant.now())
                : new DecisionMessage(request.requestId(), Verdict.DENY, "UNKNOWN_CREDENTIAL", 0, null, Instant.now());
        MqttProperties props = new MqttProperties();
        props.setCorrelationData(message.correlationData());
        try {
            controller.publishAsync(message.responseTopic(), ContractJson.write(decision), props);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    static void present(String readerId, CardData card) throws MqttException {
        device.publish(Topics.deviceRead(readerId), ContractJson.write(ReaderRead.ofCard(UUID.randomUUID().toString(), Instant.now(), card)), false);
    }

    static List<DeviceCommand> commandsTo(String deviceId, int since) {
        return device.received().stream().skip(since)
                .filter(r -> r.topic().equals(Topics.deviceCommand(deviceId)))
                .map(r -> ((Parsed.Ok<DeviceCommand>) ContractJson.parse(r.payload(), DeviceCommand.class)).value())
                .toList();
    }

    static List<AgentEvent> events() {
        return device.on(Topics.agentEvents(AGENT)).stream()
                .map(r -> ((Parsed.Ok<AgentEvent>) ContractJson.parse(r.payload(), AgentEvent.class)).value())
                .toList();
    }

    static java.util.Optional<AgentStatus> status(String agentId) {
        List<Received> all = device.on(Topics.agentStatus(agentId));
        if (all.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(((Parsed.Ok<AgentStatus>) ContractJson.parse(all.getLast().payload(), AgentStatus.class)).value());
    }

    @Test
    void aGrantedReadUnlocksTheLockAndShowsGreen() throws Exception {
        int mark = device.received().size();

        present(LOBBY_IN, KNOWN);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(commandsTo(LOBBY_LOCK, mark)).containsExactly(new DeviceCommand(DoorCommand.Action.UNLOCK, 4000, null));
            assertThat(commandsTo(LOBBY_IN, mark)).containsExactly(new DeviceCommand(DoorCommand.Action.LED, 4000, "GREEN"));
        });
        AccessRequest request = requests.stream().filter(r -> r.readerId().equals(LOBBY_IN) && r.card().equals(KNOWN)).findFirst().orElseThrow();
        assertThat(request.doorId()).isEqualTo(LOBBY);
    }

    @Test
    void aDeniedReadShowsRedAndBeepsAndDoesNotUnlock() throws Exception {
        int mark = device.received().size();

        present(LOBBY_OUT, NOT_ALLOWED);

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsTo(LOBBY_OUT, mark)).containsExactly(
                new DeviceCommand(DoorCommand.Action.LED, 2000, "RED"),
                new DeviceCommand(DoorCommand.Action.BUZZER, 300, null)));
        assertThat(commandsTo(LOBBY_LOCK, mark)).isEmpty();
    }

    @Test
    void anUnansweredRequestFailsSecureAfterTheTimeoutWithAnEvent() throws Exception {
        int mark = device.received().size();
        long before = System.nanoTime();

        present(LOBBY_IN, UNANSWERED);

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsTo(LOBBY_IN, mark))
                .contains(new DeviceCommand(DoorCommand.Action.LED, 2000, "RED")));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(commandsTo(LOBBY_LOCK, mark)).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(AgentEventType.READ_REJECTED);
            assertThat(e.attributes()).containsEntry("reason", "DECISION_TIMEOUT");
        }));
        assertThat(agent.counters()).containsEntry("decision.DECISION_TIMEOUT", 1L);
    }

    @Test
    void wiegandBitsWithAParityErrorAreRejectedAtTheEdge() throws Exception {
        int mark = device.received().size();
        int asked = requests.size();
        String badParity = "00000000100000100110100100"; // the PROTOCOLS.md H10301 vector with its first bit flipped

        device.publish(Topics.deviceRead(LOBBY_IN), ContractJson.write(new ReaderRead("w-1", Instant.now(), null, badParity, null)), false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsTo(LOBBY_IN, mark))
                .containsExactly(new DeviceCommand(DoorCommand.Action.LED, 2000, "RED")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(AgentEventType.READ_REJECTED);
            assertThat(e.attributes()).containsEntry("reason", "WIEGAND_PARITY_ERROR");
        }));
        assertThat(requests).hasSize(asked);
    }

    @Test
    void validWiegandBitsAreDecodedAndAsked() throws Exception {
        int mark = device.received().size();
        // H10301 facility 12, card 1001: even parity over bits 2-13, odd parity over 14-25
        String bits = "0" + "00001100" + "0000001111101001" + "1";
        bits = fixParity(bits);

        device.publish(Topics.deviceRead(LOBBY_IN), ContractJson.write(new ReaderRead("w-2", Instant.now(), null, bits, null)), false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsTo(LOBBY_LOCK, mark))
                .containsExactly(new DeviceCommand(DoorCommand.Action.UNLOCK, 4000, null)));
    }

    static String fixParity(String bits) {
        char[] b = bits.toCharArray();
        int even = 0;
        for (int i = 1; i <= 12; i++) {
            even += b[i] - '0';
        }
        b[0] = (even % 2 == 0) ? '0' : '1';
        int odd = 0;
        for (int i = 13; i <= 24; i++) {
            odd += b[i] - '0';
        }
        b[25] = (odd % 2 == 0) ? '1' : '0';
        return new String(b);
    }

    @Test
    void lockAndContactStatesBecomeNumberedDoorStateEvents() throws Exception {
        device.publish(Topics.deviceState(LOBBY_LOCK), ContractJson.write(new DeviceState(DeviceState.State.UNLOCKED, Instant.now())), true);
        device.publish(Topics.deviceState(LOBBY_CONTACT), ContractJson.write(new DeviceState(DeviceState.State.OPEN, Instant.now())), true);

        await().atMost(WAIT).untilAsserted(() -> assertThat(events())
                .filteredOn(e -> e.type() == AgentEventType.DOOR_STATE)
                .extracting(e -> e.attributes().get("state"))
                .contains("UNLOCKED", "OPEN"));
        List<Long> seqs = events().stream().map(AgentEvent::seq).toList();
        assertThat(seqs).as("one more per event, from 1").isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        assertThat(agent.lastEventSeq()).isGreaterThanOrEqualTo(seqs.size());
    }

    @Test
    void aControllerUnlockCommandDrivesTheLockAndIsReported() throws Exception {
        int mark = device.received().size();
        DoorCommand command = new DoorCommand("cmd-it-1", LOBBY, DoorCommand.Action.UNLOCK, 6000, null);

        controller.publish(Topics.agentCommands(AGENT), ContractJson.write(command), false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsTo(LOBBY_LOCK, mark))
                .containsExactly(new DeviceCommand(DoorCommand.Action.UNLOCK, 6000, null)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(AgentEventType.COMMAND_EXECUTED);
            assertThat(e.attributes()).containsEntry("commandId", "cmd-it-1").containsEntry("action", "UNLOCK");
        }));
    }

    @Test
    void malformedDevicePayloadsAreCountedAndIgnored() throws Exception {
        long before = agent.counters().getOrDefault("payload.rejected.read.MALFORMED_JSON", 0L);

        device.publish(Topics.deviceRead(LOBBY_IN), "{not json".getBytes(StandardCharsets.UTF_8), false);
        device.publish(Topics.deviceRead(LOBBY_IN), "{\"requestId\":\"x\"}".getBytes(StandardCharsets.UTF_8), false);
        device.publish(Topics.deviceState(LOBBY_CONTACT), "[1,2]".getBytes(StandardCharsets.UTF_8), false);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(agent.counters().getOrDefault("payload.rejected.read.MALFORMED_JSON", 0L)).isEqualTo(before + 1);
            assertThat(agent.counters()).containsKey("payload.rejected.read.INVALID_PAYLOAD");
            assertThat(agent.counters()).containsKey("payload.rejected.state.MALFORMED_JSON");
        });
        int mark = device.received().size();
        present(LOBBY_IN, KNOWN);
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsTo(LOBBY_LOCK, mark)).hasSize(1));
    }

    /** Verifies the Last Will: an unclean loss of the connection publishes OFFLINE, with the session's ONLINE time. */
    @Test
    void aLostConnectionPublishesTheLastWillAndTheAgentComesBackOnline(@TempDir Path otherData) throws Exception {
        String other = "agent-it-3";
        try (EdgeAgent third = EdgeAgent.start(config(other, otherData));
                TestMqttClient watcher = TestMqttClient.connect(broker.uri(), "will-watcher")) {
            watcher.subscribe(Topics.agentStatus(other));
            await().atMost(WAIT).until(() -> statuses(watcher).stream().anyMatch(s -> s.state() == AgentStatus.State.ONLINE));
            AgentStatus online = statuses(watcher).getLast();

            broker.dropConnectionOf(other);

            await().atMost(WAIT).until(() -> statuses(watcher).stream().anyMatch(s -> s.state() == AgentStatus.State.OFFLINE));
            AgentStatus will = statuses(watcher).stream().filter(s -> s.state() == AgentStatus.State.OFFLINE).findFirst().orElseThrow();
            assertThat(will.at()).as("the will is not older than the ONLINE it follows").isEqualTo(online.at());
            await().atMost(WAIT).until(() -> statuses(watcher).getLast().state() == AgentStatus.State.ONLINE
                    && statuses(watcher).getLast().at().isAfter(online.at()));
            assertThat(third.isConnected()).isTrue();
        }
    }

    static List<AgentStatus> statuses(TestMqttClient watcher) {
        return watcher.received().stream()
                .map(r -> ((Parsed.Ok<AgentStatus>) ContractJson.parse(r.payload(), AgentStatus.class)).value())
                .toList();
    }

    @Test
    void statusIsRetainedOnlineWhileRunningAndOfflineAfterACleanStop(@TempDir Path otherData) throws Exception {
        String other = "agent-it-2";
        EdgeAgent second = EdgeAgent.start(config(other, otherData));
        try (TestMqttClient watcher = TestMqttClient.connect(broker.uri(), "status-watcher")) {
            await().atMost(WAIT).until(() -> status(other).filter(s -> s.state() == AgentStatus.State.ONLINE).isPresent());
            watcher.subscribe(Topics.agentStatus(other));
            await().atMost(WAIT).until(() -> !watcher.received().isEmpty());
            assertThat(watcher.received().getFirst().retained()).isTrue();
            assertThat(watcher.received().getFirst().text()).contains("ONLINE");

            second.close();

            await().atMost(WAIT).until(() -> status(other).filter(s -> s.state() == AgentStatus.State.OFFLINE).isPresent());
        } finally {
            second.close();
        }
        try (TestMqttClient late = TestMqttClient.connect(broker.uri(), "late-watcher")) {
            late.subscribe(Topics.agentStatus(other));
            await().atMost(WAIT).until(() -> !late.received().isEmpty());
            assertThat(late.received().getFirst().retained()).isTrue();
            assertThat(late.received().getFirst().text()).contains("OFFLINE");
        }
    }
}
