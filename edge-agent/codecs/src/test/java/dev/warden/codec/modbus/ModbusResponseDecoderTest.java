package dev.warden.codec.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.modbus.ModbusRequest.ReadCoils;
import dev.warden.codec.modbus.ModbusRequest.ReadHoldingRegisters;
import dev.warden.codec.modbus.ModbusRequest.ReadInputRegisters;
import dev.warden.codec.modbus.ModbusRequest.WriteSingleCoil;
import dev.warden.codec.modbus.ModbusRequest.WriteSingleRegister;
import dev.warden.codec.modbus.ModbusResponse.ExceptionResponse;
import dev.warden.codec.modbus.ModbusResponse.ReadInputRegistersResponse;
import dev.warden.codec.modbus.ResponseResult.Accepted;
import dev.warden.codec.modbus.ResponseResult.Incomplete;
import dev.warden.codec.modbus.ResponseResult.Reason;
import dev.warden.codec.modbus.ResponseResult.Rejected;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies that the master accepts only a complete, CRC-valid answer of the right unit, function and length. */
class ModbusResponseDecoderTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final ReadInputRegisters READ_ENV = new ReadInputRegisters(2, 0, 2);

    @Test
    void growsByteByByteFromIncompleteToAccepted() {
        byte[] frame = HEX.parseHex("02 04 04 00 eb 01 c2");
        byte[] full = ModbusCrc.append(frame);
        for (int n = 0; n < full.length; n++) {
            ResponseResult partial = ModbusResponseDecoder.decode(READ_ENV, full, n);
            assertThat(partial).as("%d bytes", n).isInstanceOf(Incomplete.class);
        }
        assertThat(ModbusResponseDecoder.decode(READ_ENV, full, 2)).isEqualTo(new Incomplete(9));
        assertThat(ModbusResponseDecoder.decode(READ_ENV, full))
                .isEqualTo(new Accepted(new ReadInputRegistersResponse(2, List.of(235, 450))));
    }

    @Test
    void exceptionResponseIsAcceptedAfterFiveBytes() {
        byte[] frame = ModbusCrc.append(HEX.parseHex("02 84 02"));
        assertThat(ModbusResponseDecoder.decode(READ_ENV, frame, 2)).isEqualTo(new Incomplete(5));
        ResponseResult result = ModbusResponseDecoder.decode(READ_ENV, frame);
        assertThat(result).isEqualTo(new Accepted(new ExceptionResponse(2, 4, ExceptionCode.ILLEGAL_DATA_ADDRESS)));
    }

    @Test
    void exceptionCodeZeroIsNoAnswer() {
        byte[] frame = ModbusCrc.append(HEX.parseHex("02 84 00"));
        assertThat(reason(READ_ENV, frame)).isEqualTo(Reason.BAD_VALUE);
    }

    @Test
    void rejectsBadCrc() {
        byte[] frame = HEX.parseHex("01 04 04 00 eb 01 c2 00 00");
        assertThat(reason(new ReadInputRegisters(1, 0, 2), frame)).isEqualTo(Reason.BAD_CRC);
    }

    @Test
    void rejectsAnotherUnitsValidFrame() {
        byte[] frame = ModbusCrc.append(HEX.parseHex("03 04 04 00 eb 01 c2"));
        Rejected rejected = (Rejected) ModbusResponseDecoder.decode(READ_ENV, frame);
        assertThat(rejected.reason()).isEqualTo(Reason.WRONG_UNIT);
        assertThat(rejected.detail()).contains("unit 3", "expected 2");
    }

    @Test
    void rejectsAnotherFunctionAsSoonAsItsByteArrives() {
        byte[] frame = ModbusCrc.append(HEX.parseHex("02 03 04 00 eb 01 c2"));
        assertThat(reason(READ_ENV, Arrays.copyOf(frame, 2))).isEqualTo(Reason.WRONG_FUNCTION);
        // exception variant of another function
        assertThat(reason(READ_ENV, ModbusCrc.append(HEX.parseHex("02 83 02")))).isEqualTo(Reason.WRONG_FUNCTION);
    }

    @Test
    void rejectsAByteCountThatDoesNotFitTheRequest() {
        byte[] frame = ModbusCrc.append(HEX.parseHex("02 04 02 00 eb"));
        assertThat(reason(READ_ENV, Arrays.copyOf(frame, 3))).isEqualTo(Reason.WRONG_LENGTH);
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] frame = ModbusCrc.append(HEX.parseHex("02 04 04 00 eb 01 c2"));
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        assertThat(reason(READ_ENV, longer)).isEqualTo(Reason.WRONG_LENGTH);
    }

    @Test
    void rejectsAWriteEchoThatDiffers() {
        WriteSingleCoil on = new WriteSingleCoil(1, 0, true);
        assertThat(reason(on, ModbusCrc.append(HEX.parseHex("01 05 00 00 00 00")))).isEqualTo(Reason.ECHO_MISMATCH);
        assertThat(reason(on, ModbusCrc.append(HEX.parseHex("01 05 00 01 ff 00")))).isEqualTo(Reason.ECHO_MISMATCH);
        assertThat(reason(on, ModbusCrc.append(HEX.parseHex("01 05 00 00 12 34")))).isEqualTo(Reason.BAD_VALUE);
        WriteSingleRegister reg = new WriteSingleRegister(1, 7, 99);
        assertThat(reason(reg, ModbusCrc.append(HEX.parseHex("01 06 00 07 00 62")))).isEqualTo(Reason.ECHO_MISMATCH);
    }

    @Test
    void readCoilsDropsPaddingBits() {
        // 3 coils asked, the device sets padding bits anyway: only 3 values come out
        byte[] frame = ModbusCrc.append(HEX.parseHex("01 01 01 fd"));
        Accepted accepted = (Accepted) ModbusResponseDecoder.decode(new ReadCoils(1, 0, 3), frame);
        assertThat(accepted.response()).isEqualTo(new ModbusResponse.ReadCoilsResponse(1, List.of(true, false, true)));
    }

    @Test
    void maximalRegisterReadIsDecoded() {
        ReadHoldingRegisters request = new ReadHoldingRegisters(7, 100, 125);
        List<Integer> values = java.util.stream.IntStream.range(0, 125).map(i -> i * 500).boxed().toList();
        byte[] frame = ModbusRtu.encode(new ModbusResponse.ReadHoldingRegistersResponse(7, values));
        assertThat(frame).hasSize(255);
        assertThat(ModbusResponseDecoder.decode(request, frame))
                .isEqualTo(new Accepted(new ModbusResponse.ReadHoldingRegistersResponse(7, values)));
    }

    private static Reason reason(ModbusRequest request, byte[] frame) {
        ResponseResult result = ModbusResponseDecoder.decode(request, frame);
        assertThat(result).isInstanceOf(Rejected.class);
        assertThat(((Rejected) result).detail()).isNotBlank();
        return ((Rejected) result).reason();
    }
}
