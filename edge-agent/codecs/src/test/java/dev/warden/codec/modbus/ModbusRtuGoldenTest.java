package dev.warden.codec.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.modbus.ModbusRequest.ReadCoils;
import dev.warden.codec.modbus.ModbusRequest.ReadDiscreteInputs;
import dev.warden.codec.modbus.ModbusRequest.ReadHoldingRegisters;
import dev.warden.codec.modbus.ModbusRequest.ReadInputRegisters;
import dev.warden.codec.modbus.ModbusRequest.WriteMultipleCoils;
import dev.warden.codec.modbus.ModbusRequest.WriteMultipleRegisters;
import dev.warden.codec.modbus.ModbusRequest.WriteSingleCoil;
import dev.warden.codec.modbus.ModbusRequest.WriteSingleRegister;
import dev.warden.codec.modbus.ModbusResponse.ExceptionResponse;
import dev.warden.codec.modbus.ModbusResponse.ReadCoilsResponse;
import dev.warden.codec.modbus.ModbusResponse.ReadDiscreteInputsResponse;
import dev.warden.codec.modbus.ModbusResponse.ReadHoldingRegistersResponse;
import dev.warden.codec.modbus.ModbusResponse.ReadInputRegistersResponse;
import dev.warden.codec.modbus.ModbusResponse.WriteMultipleCoilsResponse;
import dev.warden.codec.modbus.ModbusResponse.WriteMultipleRegistersResponse;
import dev.warden.codec.modbus.ModbusResponse.WriteSingleCoilResponse;
import dev.warden.codec.modbus.ModbusResponse.WriteSingleRegisterResponse;
import dev.warden.codec.modbus.RequestEvent.Received;
import dev.warden.codec.modbus.ResponseResult.Accepted;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden bytes for every request and response of functions 01..06, 0F, 10 and an exception response. The two
 * frames of PROTOCOLS.md, the examples of the Modbus application protocol specification (unit 0x11), and every
 * vector here were cross-checked with an independent implementation (Debian python3-pymodbus 3.0.0,
 * {@code ModbusRtuFramer.buildPacket}). Each is encoded, and decoded back (requests by the device-side reader,
 * responses by the master-side decoder).
 */
class ModbusRtuGoldenTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    // 37 coils of the specification's example, starting at coil 20 (address 0x13): CD 6B B2 0E 1B
    private static final List<Boolean> COILS_20_TO_56 = bits("1011 0011 1101 0110 0100 1101 0111 0000 11011");

    static Stream<Arguments> requests() {
        return Stream.of(
                // unit 01, fn 03 read holding, address 0000, quantity 0005, CRC c985 (PROTOCOLS.md)
                Arguments.of(new ReadHoldingRegisters(1, 0, 5), "01 03 00 00 00 05 85 c9"),
                // unit 01, fn 04 read input, address 0000, quantity 0002, CRC cb71 (PROTOCOLS.md)
                Arguments.of(new ReadInputRegisters(1, 0, 2), "01 04 00 00 00 02 71 cb"),
                // unit 11, fn 01 read coils, address 0013, quantity 0025
                Arguments.of(new ReadCoils(0x11, 0x13, 0x25), "11 01 00 13 00 25 0e 84"),
                // unit 11, fn 02 read discrete inputs, address 00c4, quantity 0016
                Arguments.of(new ReadDiscreteInputs(0x11, 0xC4, 0x16), "11 02 00 c4 00 16 ba a9"),
                // unit 11, fn 03, address 006b, quantity 0003
                Arguments.of(new ReadHoldingRegisters(0x11, 0x6B, 3), "11 03 00 6b 00 03 76 87"),
                // unit 11, fn 04, address 0008, quantity 0001
                Arguments.of(new ReadInputRegisters(0x11, 8, 1), "11 04 00 08 00 01 b2 98"),
                // unit 11, fn 05, address 00ac, value ff00 (on)
                Arguments.of(new WriteSingleCoil(0x11, 0xAC, true), "11 05 00 ac ff 00 4e 8b"),
                // the demo turnstile's permit coil (unit 01, coil 0) on and off
                Arguments.of(new WriteSingleCoil(1, 0, true), "01 05 00 00 ff 00 8c 3a"),
                Arguments.of(new WriteSingleCoil(1, 0, false), "01 05 00 00 00 00 cd ca"),
                // the demo turnstile's discrete inputs (contact, tamper)
                Arguments.of(new ReadDiscreteInputs(1, 0, 2), "01 02 00 00 00 02 f9 cb"),
                // unit 11, fn 06, address 0001, value 0003
                Arguments.of(new WriteSingleRegister(0x11, 1, 3), "11 06 00 01 00 03 9a 9b"),
                // unit 11, fn 0f, address 0013, quantity 000a, byte count 02, coils cd 01
                Arguments.of(new WriteMultipleCoils(0x11, 0x13, bits("1011 0011 10")),
                        "11 0f 00 13 00 0a 02 cd 01 bf 0b"),
                // unit 11, fn 10, address 0001, quantity 0002, byte count 04, values 000a 0102
                Arguments.of(new WriteMultipleRegisters(0x11, 1, List.of(0x000A, 0x0102)),
                        "11 10 00 01 00 02 04 00 0a 01 02 c6 f0"));
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                // unit 11, fn 01, byte count 05, coils cd 6b b2 0e 1b (37 bits, 3 padding zeros)
                Arguments.of(new ReadCoils(0x11, 0x13, 37), new ReadCoilsResponse(0x11, COILS_20_TO_56),
                        "11 01 05 cd 6b b2 0e 1b 45 e6"),
                // unit 01, fn 01, byte count 01, coil 0 on
                Arguments.of(new ReadCoils(1, 0, 1), new ReadCoilsResponse(1, List.of(true)), "01 01 01 01 90 48"),
                // unit 11, fn 03, byte count 06, registers 022b 0000 0064
                Arguments.of(new ReadHoldingRegisters(0x11, 0x6B, 3),
                        new ReadHoldingRegistersResponse(0x11, List.of(0x022B, 0, 0x64)),
                        "11 03 06 02 2b 00 00 00 64 c8 ba"),
                // unit 11, fn 04, byte count 02, register 000a
                Arguments.of(new ReadInputRegisters(0x11, 8, 1), new ReadInputRegistersResponse(0x11, List.of(10)),
                        "11 04 02 00 0a f8 f4"),
                // the demo environment sensor (unit 02): -20.0 °C (ff38 = -200), 45.0 % (01c2 = 450)
                Arguments.of(new ReadInputRegisters(2, 0, 2), new ReadInputRegistersResponse(2, List.of(0xFF38, 0x01C2)),
                        "02 04 04 ff 38 01 c2 f9 5c"),
                // fn 05 echo
                Arguments.of(new WriteSingleCoil(0x11, 0xAC, true), new WriteSingleCoilResponse(0x11, 0xAC, true),
                        "11 05 00 ac ff 00 4e 8b"),
                // fn 06 echo
                Arguments.of(new WriteSingleRegister(0x11, 1, 3), new WriteSingleRegisterResponse(0x11, 1, 3),
                        "11 06 00 01 00 03 9a 9b"),
                // fn 0f: address 0013, quantity 000a
                Arguments.of(new WriteMultipleCoils(0x11, 0x13, bits("1011 0011 10")),
                        new WriteMultipleCoilsResponse(0x11, 0x13, 10), "11 0f 00 13 00 0a 26 99"),
                // fn 10: address 0001, quantity 0002
                Arguments.of(new WriteMultipleRegisters(0x11, 1, List.of(10, 0x102)),
                        new WriteMultipleRegistersResponse(0x11, 1, 2), "11 10 00 01 00 02 12 98"),
                // unit 0a, fn 84 (04 | 80), code 02 illegal data address
                Arguments.of(new ReadInputRegisters(0x0A, 0, 1),
                        new ExceptionResponse(0x0A, 0x04, ExceptionCode.ILLEGAL_DATA_ADDRESS), "0a 84 02 b3 03"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("requests")
    void requestEncodesToGoldenBytesAndReadsBack(ModbusRequest request, String hex) {
        byte[] golden = HEX.parseHex(hex);
        assertThat(ModbusRtu.encode(request)).isEqualTo(golden);
        assertThat(new ModbusRequestReader().feed(golden)).containsExactly(new Received(request));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("responses")
    void responseEncodesToGoldenBytesAndDecodesBack(ModbusRequest request, ModbusResponse response, String hex) {
        byte[] golden = HEX.parseHex(hex);
        assertThat(ModbusRtu.encode(response)).isEqualTo(golden);
        assertThat(ModbusResponseDecoder.decode(request, golden)).isEqualTo(new Accepted(response));
    }

    @Test
    void exceptionResponseNamesItsCode() {
        ExceptionResponse e = new ExceptionResponse(0x0A, 0x04, 0x02);
        assertThat(e.functionCode()).isEqualTo(0x84);
        assertThat(e.meaning()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertThat(e.meaning().meaning()).contains("address");
        assertThat(new ExceptionResponse(1, 3, 0x42).meaning()).isEqualTo(ExceptionCode.UNDEFINED);
    }

    @Test
    void responseLengthFollowsTheFunction() {
        assertThat(ModbusRtu.responseLength(new ReadCoils(1, 0, 37))).isEqualTo(3 + 5 + 2);
        assertThat(ModbusRtu.responseLength(new ReadDiscreteInputs(1, 0, 8))).isEqualTo(3 + 1 + 2);
        assertThat(ModbusRtu.responseLength(new ReadHoldingRegisters(1, 0, 125))).isEqualTo(3 + 250 + 2);
        assertThat(ModbusRtu.responseLength(new WriteMultipleRegisters(1, 0, List.of(1, 2, 3)))).isEqualTo(8);
    }

    /** "1011 0011" → true,false,true,true,false,false,true,true (first coil first). */
    static List<Boolean> bits(String spec) {
        return spec.replace(" ", "").chars().mapToObj(c -> c == '1').toList();
    }
}
