package dev.warden.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.serial.PtyPair;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the simulated Modbus devices against an independent master, Debian's {@code mbpoll} (libmodbus), over a
 * real pseudo-terminal: the demo register maps with mbpoll's 1-based references, the permit coil written by mbpoll,
 * exception answers, and silence. Skipped without mbpoll, failed in CI without it.
 */
class ModbusSimMbpollIT {

    private final SimTurnstile gate = new SimTurnstile("gate-1", 1);
    private final SimEnvironmentSensor env = new SimEnvironmentSensor("env-1", 2);
    private Path mbpoll;
    private PtyPair pty;
    private SimModbusLine line;

    @BeforeEach
    void serve() throws Exception {
        mbpoll = Mbpoll.binaryOrSkip();
        pty = PtyPair.open();
        line = SimModbusLine.serve("mbpoll", pty.master(), List.of(gate, env));
    }

    @AfterEach
    void stop() {
        if (line != null) {
            line.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void environmentSensorInputRegistersAndDiscreteInputs() throws Exception {
        env.setTemperature(-20.0);
        env.setHumidity(45.0);
        env.setLeak(true);
        // input registers 1..2 (addresses 0..1) of unit 2: 65336 = -200 tenths of °C, 450 tenths of %
        Mbpoll.Run registers = Mbpoll.request(mbpoll, pty.slavePath(), 2, 3, 1, 2);
        assertThat(registers.exitCode()).as(registers.output()).isZero();
        assertThat(registers.values()).isEqualTo(Map.of(1, 65_336, 2, 450));
        assertThat(registers.output()).contains("(-200)");

        Mbpoll.Run inputs = Mbpoll.request(mbpoll, pty.slavePath(), 2, 1, 1, 2);
        assertThat(inputs.exitCode()).as(inputs.output()).isZero();
        assertThat(inputs.values()).isEqualTo(Map.of(1, 1, 2, 0));
    }

    @Test
    void turnstilePermitWrittenByMbpollAndPassagesReadBack() throws Exception {
        Mbpoll.Run write = Mbpoll.request(mbpoll, pty.slavePath(), 1, 0, 1, 1, "1");
        assertThat(write.exitCode()).as(write.output()).isZero();
        assertThat(write.output()).contains("Written 1 references");
        assertThat(gate.permitted()).isTrue();
        assertThat(gate.permitPulses()).isEqualTo(1);
        assertThat(gate.pass()).isEqualTo(SimTurnstile.Passage.PERMITTED);

        Mbpoll.Run off = Mbpoll.request(mbpoll, pty.slavePath(), 1, 0, 1, 1, "0");
        assertThat(off.exitCode()).as(off.output()).isZero();
        assertThat(gate.permitted()).isFalse();
        assertThat(gate.pass()).isEqualTo(SimTurnstile.Passage.FORCED);
        gate.setTamper(true);

        Mbpoll.Run counter = Mbpoll.request(mbpoll, pty.slavePath(), 1, 3, 1, 1);
        assertThat(counter.values()).isEqualTo(Map.of(1, 2));
        Mbpoll.Run inputs = Mbpoll.request(mbpoll, pty.slavePath(), 1, 1, 1, 2);
        assertThat(inputs.values()).isEqualTo(Map.of(1, 0, 2, 1));
        Mbpoll.Run coil = Mbpoll.request(mbpoll, pty.slavePath(), 1, 0, 1, 1);
        assertThat(coil.values()).isEqualTo(Map.of(1, 0));
    }

    @Test
    void exceptionAnswersAndSilenceAsMbpollSeesThem() throws Exception {
        // reference 3 = address 2: the sensor has two input registers
        Mbpoll.Run beyond = Mbpoll.request(mbpoll, pty.slavePath(), 2, 3, 3, 1);
        assertThat(beyond.exitCode()).isNotZero();
        assertThat(beyond.output()).containsIgnoringCase("Illegal data address");
        // the turnstile has no holding registers
        Mbpoll.Run holding = Mbpoll.request(mbpoll, pty.slavePath(), 1, 4, 1, 1);
        assertThat(holding.output()).containsIgnoringCase("Illegal data address");

        env.setFault(SimModbusDevice.Fault.SILENT);
        Mbpoll.Run silent = Mbpoll.request(mbpoll, pty.slavePath(), 2, 3, 1, 2);
        assertThat(silent.exitCode()).isNotZero();
        assertThat(silent.values()).isEmpty();

        env.setFault(SimModbusDevice.Fault.BAD_CRC);
        Mbpoll.Run corrupt = Mbpoll.request(mbpoll, pty.slavePath(), 2, 3, 1, 2);
        assertThat(corrupt.exitCode()).isNotZero();
        assertThat(corrupt.values()).isEmpty();

        env.setFault(SimModbusDevice.Fault.NONE);
        Mbpoll.Run again = Mbpoll.request(mbpoll, pty.slavePath(), 2, 3, 1, 2);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(gate.exceptions() + env.exceptions()).isEqualTo(2);
    }
}
