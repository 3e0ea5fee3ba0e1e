package dev.warden.sim.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.codec.modbus.ExceptionCode;
import dev.warden.codec.modbus.ModbusCrc;
import dev.warden.codec.modbus.ModbusRequest;
import dev.warden.codec.modbus.ModbusResponse;
import dev.warden.codec.modbus.ModbusResponseDecoder;
import dev.warden.codec.modbus.ModbusRtu;
import dev.warden.codec.modbus.ResponseResult;
import dev.warden.serial.MemoryCable;
import dev.warden.serial.SerialLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the simulated Modbus devices over an in-memory line, spoken to with the agent's codec (the test side may
 * use it; the simulator's main code has its own framing): the demo register maps, turnstile and sensor behaviour,
 * exception responses, every fault, broadcast, and state that survives serving a new line.
 */
class ModbusSimDevicesTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final Duration REPLY = Duration.ofMillis(500);
    private static final Duration QUIET = Duration.ofMillis(40);

    private final SimTurnstile gate = new SimTurnstile("gate-1", 1);
    private final SimEnvironmentSensor env = new SimEnvironmentSensor("env-1", 2);
    private final List<SimModbusLine> lines = new ArrayList<>();
    private final MemoryCable cable = MemoryCable.create("modbus-1");

    @AfterEach
    void close() {
        lines.forEach(SimModbusLine::close);
    }

    private void serve() {
        lines.add(SimModbusLine.serve("modbus-1", cable.device(), List.of(gate, env)));
    }

    /** Writes {@code request} from the host end and collects the answer until {@code quiet} passes without a byte. */
    private byte[] exchange(byte[] request, Duration firstByte, Duration quiet) throws IOException {
        SerialLink host = cable.host();
        host.discardInput();
        host.write(request);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] chunk = new byte[64];
        int n = host.read(chunk, firstByte);
        while (n > 0) {
            reply.write(chunk, 0, n);
            n = host.read(chunk, quiet);
        }
        return reply.toByteArray();
    }

    private ModbusResponse ask(ModbusRequest request) throws IOException {
        byte[] reply = exchange(ModbusRtu.encode(request), REPLY, QUIET);
        ResponseResult result = ModbusResponseDecoder.decode(request, reply);
        assertThat(result).as("reply %s", HEX.formatHex(reply)).isInstanceOf(ResponseResult.Accepted.class);
        return ((ResponseResult.Accepted) result).response();
    }

    @Test
    void environmentSensorRegistersFollowTheDemoMap() throws IOException {
        env.setTemperature(-20.0);
        env.setHumidity(45.04);
        env.setSmoke(true);
        serve();
        // unit 02, fn 04, registers ff38 (-200 = -20.0 °C) and 01c2 (450 = 45.0 %)
        byte[] reply = exchange(HEX.parseHex("02 04 00 00 00 02 71 f8"), REPLY, QUIET);
        assertThat(HEX.formatHex(reply)).isEqualTo("02 04 04 ff 38 01 c2 f9 5c");
        assertThat(ask(new ModbusRequest.ReadDiscreteInputs(2, 0, 2)))
                .isEqualTo(new ModbusResponse.ReadDiscreteInputsResponse(2, List.of(false, true)));
        assertThat(env.temperature()).isEqualTo(-20.0);
        assertThat(env.humidity()).isEqualTo(45.0);
        env.setLeak(true);
        env.setTemperature(23.46);
        assertThat(ask(new ModbusRequest.ReadInputRegisters(2, 0, 1)))
                .isEqualTo(new ModbusResponse.ReadInputRegistersResponse(2, List.of(235)));
        assertThat(ask(new ModbusRequest.ReadDiscreteInputs(2, 0, 1)))
                .isEqualTo(new ModbusResponse.ReadDiscreteInputsResponse(2, List.of(true)));
    }

    @Test
    void environmentSensorReportsAPowerFailureOnDiscreteInput2() throws IOException {
        serve();
        env.setPowerFailure(true);
        assertThat(ask(new ModbusRequest.ReadDiscreteInputs(2, 0, 3)))
                .isEqualTo(new ModbusResponse.ReadDiscreteInputsResponse(2, List.of(false, false, true)));
        env.setPowerFailure(false);
        assertThat(env.powerFailure()).isFalse();
        assertThat(ask(new ModbusRequest.ReadDiscreteInputs(2, 2, 1)))
                .isEqualTo(new ModbusResponse.ReadDiscreteInputsResponse(2, List.of(false)));
        // three inputs: a fourth is outside the table
        assertThat(exception(new ModbusRequest.ReadDiscreteInputs(2, 0, 4))).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
    }

    @Test
    void turnstilePermitCoilPassagesAndInputs() throws IOException {
        serve();
        assertThat(gate.pass()).isEqualTo(SimTurnstile.Passage.FORCED);
        // PROTOCOLS-style frame: unit 01, fn 05, coil 0000, ff00 → echoed
        byte[] on = HEX.parseHex("01 05 00 00 ff 00 8c 3a");
        assertThat(exchange(on, REPLY, QUIET)).isEqualTo(on);
        assertThat(gate.permitted()).isTrue();
        assertThat(gate.pass()).isEqualTo(SimTurnstile.Passage.PERMITTED);
        assertThat(ask(new ModbusRequest.WriteSingleCoil(1, 0, false)))
                .isEqualTo(new ModbusResponse.WriteSingleCoilResponse(1, 0, false));
        assertThat(gate.permitted()).isFalse();
        ask(new ModbusRequest.WriteSingleCoil(1, 0, true));
        ask(new ModbusRequest.WriteSingleCoil(1, 0, true)); // already on: not a new pulse
        assertThat(gate.permitPulses()).isEqualTo(2);
        assertThat(gate.passageCounter()).isEqualTo(2);
        assertThat(gate.forcedPassages()).isEqualTo(1);

        gate.setDoorOpen(true);
        gate.setTamper(true);
        assertThat(ask(new ModbusRequest.ReadDiscreteInputs(1, 0, 2)))
                .isEqualTo(new ModbusResponse.ReadDiscreteInputsResponse(1, List.of(true, true)));
        assertThat(ask(new ModbusRequest.ReadInputRegisters(1, 0, 1)))
                .isEqualTo(new ModbusResponse.ReadInputRegistersResponse(1, List.of(2)));
        assertThat(ask(new ModbusRequest.ReadCoils(1, 0, 1)))
                .isEqualTo(new ModbusResponse.ReadCoilsResponse(1, List.of(true)));
    }

    @Test
    void passageCounterWrapsAt65536() {
        gate.setPassageCounter(65_535);
        gate.pass();
        assertThat(gate.passageCounter()).isZero();
    }

    @Test
    void badAddressesFunctionsAndValuesGetExceptionResponses() throws IOException {
        serve();
        assertThat(exception(new ModbusRequest.ReadInputRegisters(2, 1, 2))).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertThat(exception(new ModbusRequest.ReadHoldingRegisters(1, 0, 1))).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertThat(exception(new ModbusRequest.WriteSingleCoil(2, 0, true))).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertThat(exception(new ModbusRequest.WriteMultipleCoils(1, 0, List.of(true, true)))).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertThat(exception(new ModbusRequest.WriteMultipleRegisters(1, 0, List.of(7)))).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
        // fn 03 with quantity 0: unit 02, fn 03, address 0000, quantity 0000
        byte[] zero = ModbusCrc.append(HEX.parseHex("02 03 00 00 00 00"));
        assertThat(HEX.formatHex(exchange(zero, REPLY, QUIET))).startsWith("02 83 03");
        // coil value 0x1234
        byte[] badCoil = ModbusCrc.append(HEX.parseHex("01 05 00 00 12 34"));
        assertThat(HEX.formatHex(exchange(badCoil, REPLY, QUIET))).startsWith("01 85 03");
        // fn 2b (read device identification) is not supported: exception 01 at the end of the frame
        byte[] mei = ModbusCrc.append(HEX.parseHex("01 2b 0e 01 00"));
        byte[] reply = exchange(mei, REPLY, QUIET);
        assertThat(HEX.formatHex(reply)).startsWith("01 ab 01");
        assertThat(ModbusCrc.matches(reply, 0, reply.length)).isTrue();
        assertThat(gate.exceptions() + env.exceptions()).isEqualTo(8);
    }

    @Test
    void writeMultipleCoilsSetsThePermit() throws IOException {
        serve();
        assertThat(ask(new ModbusRequest.WriteMultipleCoils(1, 0, List.of(true))))
                .isEqualTo(new ModbusResponse.WriteMultipleCoilsResponse(1, 0, 1));
        assertThat(gate.permitted()).isTrue();
        assertThat(gate.permitPulses()).isEqualTo(1);
    }

    @Test
    void otherUnitsAndCorruptRequestsGetNoReplyAndNoiseIsSkipped() throws IOException {
        serve();
        assertThat(exchange(ModbusRtu.encode(new ModbusRequest.ReadInputRegisters(9, 0, 1)), REPLY, QUIET)).isEmpty();
        byte[] corrupt = ModbusRtu.encode(new ModbusRequest.WriteSingleCoil(1, 0, true));
        corrupt[3] ^= 0x01;
        assertThat(exchange(corrupt, REPLY, QUIET)).isEmpty();
        assertThat(gate.permitted()).isFalse();
        // noise, then a request, in one write: the request is still found
        byte[] request = ModbusRtu.encode(new ModbusRequest.ReadInputRegisters(2, 0, 2));
        byte[] noisy = new byte[3 + request.length];
        noisy[0] = 0x55;
        noisy[1] = (byte) 0x99;
        noisy[2] = 0x42;
        System.arraycopy(request, 0, noisy, 3, request.length);
        byte[] reply = exchange(noisy, REPLY, QUIET);
        assertThat(ModbusResponseDecoder.decode(new ModbusRequest.ReadInputRegisters(2, 0, 2), reply))
                .isInstanceOf(ResponseResult.Accepted.class);
        assertThat(lines.getFirst().droppedBytes()).isPositive();
    }

    @Test
    void broadcastWriteActsWithoutReply() throws IOException {
        serve();
        assertThat(exchange(ModbusRtu.encode(new ModbusRequest.WriteSingleCoil(0, 0, true)), Duration.ofMillis(200), QUIET))
                .isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(gate::permitted);
    }

    @Test
    void faultsCorruptDelayOrSilenceTheReplies() throws IOException {
        serve();
        ModbusRequest read = new ModbusRequest.ReadInputRegisters(2, 0, 2);
        byte[] request = ModbusRtu.encode(read);
        byte[] good = exchange(request, REPLY, QUIET);
        assertThat(ModbusResponseDecoder.decode(read, good)).isInstanceOf(ResponseResult.Accepted.class);

        env.setFault(SimModbusDevice.Fault.SILENT);
        assertThat(exchange(request, REPLY, QUIET)).isEmpty();

        env.setFault(SimModbusDevice.Fault.BAD_CRC);
        byte[] badCrc = exchange(request, REPLY, QUIET);
        assertThat(badCrc).hasSameSizeAs(good);
        assertThat(ModbusResponseDecoder.decode(read, badCrc))
                .isEqualTo(new ResponseResult.Rejected(ResponseResult.Reason.BAD_CRC, "CRC does not match"));

        env.setFault(SimModbusDevice.Fault.TRUNCATED);
        byte[] truncated = exchange(request, REPLY, QUIET);
        assertThat(truncated.length).isBetween(1, good.length - 1);
        assertThat(ModbusResponseDecoder.decode(read, truncated)).isNotInstanceOf(ResponseResult.Accepted.class);

        env.setFault(SimModbusDevice.Fault.GARBAGE);
        byte[] garbage = exchange(request, REPLY, QUIET);
        assertThat(garbage.length).isGreaterThan(good.length);
        assertThat(ModbusResponseDecoder.decode(read, garbage)).isNotInstanceOf(ResponseResult.Accepted.class);

        env.setFault(SimModbusDevice.Fault.SLOW);
        env.setSlowDelay(Duration.ofMillis(400));
        long start = System.nanoTime();
        byte[] late = exchange(request, Duration.ofSeconds(2), QUIET);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(ModbusResponseDecoder.decode(read, late)).as("late but intact").isInstanceOf(ResponseResult.Accepted.class);

        env.setFault(SimModbusDevice.Fault.NONE);
        await().atMost(Duration.ofSeconds(2)).until(() -> ModbusResponseDecoder.decode(read,
                exchange(request, REPLY, QUIET)) instanceof ResponseResult.Accepted);
    }

    @Test
    void lineEndsWhenUnpluggedAndDeviceStateSurvivesServingANewLine() throws IOException {
        serve();
        ask(new ModbusRequest.WriteSingleCoil(1, 0, true));
        gate.pass();
        cable.hangUp();
        await().atMost(Duration.ofSeconds(2)).until(() -> !lines.getFirst().isRunning());

        cable.replug();
        serve();
        assertThat(ask(new ModbusRequest.ReadInputRegisters(1, 0, 1)))
                .isEqualTo(new ModbusResponse.ReadInputRegistersResponse(1, List.of(1)));
        assertThat(ask(new ModbusRequest.ReadCoils(1, 0, 1)))
                .isEqualTo(new ModbusResponse.ReadCoilsResponse(1, List.of(true)));
        assertThat(gate.permitPulses()).isEqualTo(1);
    }

    @Test
    void closeStopsTheLineButLeavesTheLinkOpen() throws IOException {
        serve();
        lines.getFirst().close();
        assertThat(lines.getFirst().isRunning()).isFalse();
        cable.host().write(new byte[] {1});
    }

    private ExceptionCode exception(ModbusRequest request) throws IOException {
        ModbusResponse response = ask(request);
        assertThat(response).isInstanceOf(ModbusResponse.ExceptionResponse.class);
        return ((ModbusResponse.ExceptionResponse) response).meaning();
    }
}
