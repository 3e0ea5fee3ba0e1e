package dev.warden.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.modbus.ModbusBus;
import dev.warden.agent.modbus.ModbusDeviceSettings;
import dev.warden.agent.modbus.ModbusTiming;
import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.serial.PtyPair;
import dev.warden.serial.SerialPorts;
import dev.warden.serial.SerialSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the agent's Modbus master against the simulated devices over a real pseudo-terminal, the agent opening
 * the host side through jSerialComm at 19200 8N1 by a stable link, as in the demo: scaled readings, a turnstile
 * pulse that permits a passage, passages counted (permitted and forced), door contact and tamper changes, faults
 * that take a device offline and back, and an unplug (LINK_DOWN) followed by a replug on the same link (online).
 */
class ModbusAgentSimIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final SimTurnstile gate = new SimTurnstile("gate-lobby", 1);
    private final SimEnvironmentSensor env = new SimEnvironmentSensor("env-hall", 2);
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private Path port;
    private PtyPair pty;
    private SimModbusLine line;
    private ModbusBus bus;

    @BeforeEach
    void start() throws Exception {
        env.setTemperature(21.5);
        env.setHumidity(40.0);
        port = dir.resolve("dev/modbus-1");
        plugIn();
        // 8N1: a pseudo-terminal has no parity bit, and Linux 6.x refuses PARENB on a pty (tcsetattr: EINVAL), which
        // jSerialComm reports as a hang-up; a real RS-485 line would run 8E1
        SerialSettings settings = new SerialSettings(port.toString(), 19_200, SerialSettings.Parity.NONE, 1, false);
        bus = ModbusBus.start("modbus-1", List.of(
                        ModbusDeviceSettings.turnstile("gate-lobby", 1, Duration.ofMillis(100)),
                        ModbusDeviceSettings.environment("env-hall", 2, Duration.ofMillis(200))),
                SerialPorts.opener(settings), events, Clock.systemUTC(),
                ModbusTiming.forBaud(19_200).withLinkBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
        await().atMost(WAIT).until(() -> events.has("online gate-lobby", "online env-hall"));
    }

    private void plugIn() throws Exception {
        pty = PtyPair.open(port);
        line = SimModbusLine.serve("modbus-1", pty.master(), List.of(gate, env));
    }

    private void unplug() {
        pty.close();
        line.close();
    }

    @AfterEach
    void stop() {
        if (bus != null) {
            bus.close();
        }
        if (line != null) {
            line.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void readingsPulsesPassagesAndInputs() {
        await().atMost(WAIT).until(() -> events.has(
                "reading env-hall temperature 21.5 C", "reading env-hall humidity 40.0 %",
                "input env-hall leak false", "input env-hall smoke false",
                "input gate-lobby contact false", "input gate-lobby tamper false"));

        bus.pulse("gate-lobby", Duration.ofSeconds(2));
        await().atMost(WAIT).until(gate::permitted);
        assertThat(gate.pass()).isEqualTo(SimTurnstile.Passage.PERMITTED);
        await().atMost(WAIT).until(() -> events.count("input gate-lobby passage true") == 1);
        await().atMost(WAIT).until(() -> !gate.permitted());
        assertThat(gate.permitPulses()).isEqualTo(1);

        assertThat(gate.pass()).isEqualTo(SimTurnstile.Passage.FORCED);
        await().atMost(WAIT).until(() -> events.count("input gate-lobby passage true") == 2);

        gate.setDoorOpen(true);
        gate.setTamper(true);
        env.setTemperature(-5.3);
        env.setSmoke(true);
        await().atMost(WAIT).until(() -> events.has("input gate-lobby contact true", "input gate-lobby tamper true",
                "reading env-hall temperature -5.3 C", "input env-hall smoke true"));
        assertThat(events.lines()).noneMatch(l -> l.startsWith("offline"));
    }

    @Test
    void silentAndCorruptDevicesGoOfflineAndComeBack() {
        env.setFault(SimModbusDevice.Fault.SILENT);
        await().atMost(WAIT).until(() -> events.has("offline env-hall NO_REPLY"));
        env.setFault(SimModbusDevice.Fault.NONE);
        await().atMost(WAIT).until(() -> events.count("online env-hall") == 2);

        for (SimModbusDevice.Fault fault : List.of(SimModbusDevice.Fault.BAD_CRC, SimModbusDevice.Fault.GARBAGE,
                SimModbusDevice.Fault.TRUNCATED)) {
            long online = events.count("online gate-lobby");
            long offline = events.count("offline gate-lobby BAD_REPLY");
            gate.setFault(fault);
            await(fault.name()).atMost(WAIT).until(() -> events.count("offline gate-lobby BAD_REPLY") == offline + 1);
            gate.setFault(SimModbusDevice.Fault.NONE);
            await(fault.name()).atMost(WAIT).until(() -> events.count("online gate-lobby") == online + 1);
        }
        // the other device on the line was never disturbed
        assertThat(events.count("online env-hall")).isEqualTo(2);
        assertThat(bus.counters().badReplies()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void unplugReportsLinkDownAndReplugOnTheSameLinkComesBackOnline() throws Exception {
        gate.pass();
        unplug();
        await().atMost(WAIT).until(() -> events.has("offline gate-lobby LINK_DOWN", "offline env-hall LINK_DOWN"));

        gate.pass(); // while unplugged: counted by the device, reported once the line is back
        plugIn();
        await().atMost(WAIT).until(() -> events.count("online gate-lobby") == 2 && events.count("online env-hall") == 2);
        await().atMost(WAIT).until(() -> events.count("input gate-lobby passage true") == 2);
        assertThat(events.count("offline gate-lobby LINK_DOWN")).isEqualTo(1);
    }
}
