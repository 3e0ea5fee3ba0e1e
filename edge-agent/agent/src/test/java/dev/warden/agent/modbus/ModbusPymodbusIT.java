package dev.warden.agent.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.serial.LinkOpener;
import dev.warden.serial.PtyPair;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the agent's Modbus master against an independent implementation: a Debian {@code python3-pymodbus} RTU
 * server on the host side of a real pseudo-terminal, the master on its device side. Readings arrive scaled and
 * signed, inputs and passages are reported, the permit coil is written, pymodbus's exception answers are reported,
 * and a unit it does not serve goes offline NO_REPLY. Skipped without pymodbus, failed in CI without it.
 */
class ModbusPymodbusIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private PtyPair pty;
    private PymodbusServer server;
    private ModbusBus bus;
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();

    @BeforeEach
    void startServer() throws Exception {
        PymodbusServer.assumeAvailable();
        pty = PtyPair.open();
        server = PymodbusServer.start(pty.slavePath());
    }

    @AfterEach
    void stop() {
        if (bus != null) {
            bus.close();
        }
        if (server != null) {
            server.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private void startBus(ModbusDeviceSettings... devices) {
        LinkOpener opener = new LinkOpener() {
            @Override
            public SerialLink open() throws IOException {
                if (pty.isClosed()) {
                    throw new IOException("pty closed");
                }
                return pty.master();
            }

            @Override
            public String describe() {
                return pty.toString();
            }
        };
        bus = ModbusBus.start("pymodbus", List.of(devices), opener, events, Clock.systemUTC(), ModbusTiming.forBaud(19_200));
    }

    @Test
    void turnstileAndSensorOnAPymodbusServer() throws Exception {
        server.set(2, "ir", 0, 0xFF38); // -20.0 °C
        server.set(2, "ir", 1, 450);    // 45.0 %
        server.set(2, "di", 1, 1);      // smoke
        server.set(1, "di", 0, 1);      // door open
        server.set(1, "ir", 0, 7);      // passages so far
        startBus(ModbusDeviceSettings.turnstile("gate-1", 1, Duration.ofMillis(50)),
                ModbusDeviceSettings.environment("env-1", 2, Duration.ofMillis(100)));

        await().atMost(WAIT).until(() -> events.has(
                "online gate-1", "input gate-1 contact true", "input gate-1 tamper false",
                "online env-1", "reading env-1 temperature -20.0 C", "reading env-1 humidity 45.0 %",
                "input env-1 leak false", "input env-1 smoke true"));

        server.set(1, "ir", 0, 9);
        await().atMost(WAIT).until(() -> events.count("input gate-1 passage true") == 2);
        server.set(2, "ir", 0, 235);
        await().atMost(WAIT).until(() -> events.has("reading env-1 temperature 23.5 C"));
        server.set(1, "di", 1, 1);
        await().atMost(WAIT).until(() -> events.has("input gate-1 tamper true"));

        bus.pulse("gate-1", Duration.ofMillis(1500));
        await().atMost(WAIT).until(() -> server.get(1, "co", 0) == 1);
        await().atMost(WAIT).until(() -> server.get(1, "co", 0) == 0);

        assertThat(events.lines()).noneMatch(l -> l.startsWith("offline"));
        assertThat(bus.counters().badReplies()).isZero();
        assertThat(bus.counters().exceptions()).isZero();
    }

    @Test
    void pymodbusExceptionAnswersAndSilenceAreReported() throws Exception {
        ModbusDeviceSettings wrongMap = new ModbusDeviceSettings("meter-1", 1, Duration.ofMillis(50),
                List.of(ModbusPoint.inputRegister("power", 40, 1, "W", false)));
        ModbusDeviceSettings missingUnit = ModbusDeviceSettings.environment("env-9", 9, Duration.ofMillis(50));
        startBus(wrongMap, missingUnit);

        await().atMost(WAIT).until(() -> events.has("offline meter-1 EXCEPTION_ILLEGAL_DATA_ADDRESS"));
        // a unit pymodbus does not serve stays silent, as on a real multi-drop line
        await().atMost(WAIT).until(() -> events.has("offline env-9 NO_REPLY"));
        assertThat(bus.counters().exceptions()).isGreaterThanOrEqualTo(3);
        assertThat(bus.counters().timeouts()).isGreaterThanOrEqualTo(3);
        assertThat(bus.counters().badReplies()).isZero();
        assertThat(events.lines()).doesNotContain("online meter-1", "online env-9");
    }
}
