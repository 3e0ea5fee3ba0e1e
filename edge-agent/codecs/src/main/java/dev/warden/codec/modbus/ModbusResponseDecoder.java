package dev.warden.codec.modbus;

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
import dev.warden.codec.modbus.ResponseResult.Accepted;
import dev.warden.codec.modbus.ResponseResult.Incomplete;
import dev.warden.codec.modbus.ResponseResult.Reason;
import dev.warden.codec.modbus.ResponseResult.Rejected;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the master's view of a reply: given the request it sent and the bytes received since, says whether they
 * are an answer ({@link Accepted}), need more bytes ({@link Incomplete}), or are not an answer ({@link Rejected}
 * with a reason). The request fixes the expected function and length, so a master needs no silence timing to find
 * the end of a good reply. Checks in order: function byte, byte count, length, CRC, unit id, contents. Never throws
 * on any input; never accepts a frame whose CRC does not match.
 */
public final class ModbusResponseDecoder {

    private ModbusResponseDecoder() {}

    /** Decodes all of {@code frame}. */
    public static ResponseResult decode(ModbusRequest request, byte[] frame) {
        return decode(request, frame, frame.length);
    }

    /** Decodes the first {@code length} bytes of {@code buffer} (the bytes received since the request was sent). */
    public static ResponseResult decode(ModbusRequest request, byte[] buffer, int length) {
        if (length < 2) {
            return new Incomplete(ModbusRtu.EXCEPTION_FRAME);
        }
        int function = buffer[1] & 0xFF;
        int expectedFunction = request.function().code();
        int needed;
        if (function == (expectedFunction | 0x80)) {
            needed = ModbusRtu.EXCEPTION_FRAME;
        } else if (function == expectedFunction) {
            needed = ModbusRtu.responseLength(request);
            if (isRead(request) && length >= 3 && (buffer[2] & 0xFF) != needed - 5) {
                return new Rejected(Reason.WRONG_LENGTH,
                        "byte count " + (buffer[2] & 0xFF) + ", expected " + (needed - 5));
            }
        } else {
            return new Rejected(Reason.WRONG_FUNCTION,
                    String.format("function 0x%02x, expected 0x%02x", function, expectedFunction));
        }
        if (length < needed) {
            return new Incomplete(needed);
        }
        if (length > needed) {
            return new Rejected(Reason.WRONG_LENGTH, length + " bytes, expected " + needed);
        }
        if (!ModbusCrc.matches(buffer, 0, length)) {
            return new Rejected(Reason.BAD_CRC, "CRC does not match");
        }
        int unit = buffer[0] & 0xFF;
        if (unit != request.unitId() || unit == 0) {
            return new Rejected(Reason.WRONG_UNIT, "unit " + unit + ", expected " + request.unitId());
        }
        if (needed == ModbusRtu.EXCEPTION_FRAME && function != expectedFunction) {
            int code = buffer[2] & 0xFF;
            if (code == 0) {
                return new Rejected(Reason.BAD_VALUE, "exception code 0");
            }
            return new Accepted(new ExceptionResponse(unit, expectedFunction, code));
        }
        return contents(request, unit, buffer);
    }

    private static boolean isRead(ModbusRequest request) {
        return request instanceof ReadCoils || request instanceof ReadDiscreteInputs
                || request instanceof ReadHoldingRegisters || request instanceof ReadInputRegisters;
    }

    private static ResponseResult contents(ModbusRequest request, int unit, byte[] b) {
        return switch (request) {
            case ReadCoils r -> new Accepted(new ReadCoilsResponse(unit, bits(b, r.quantity())));
            case ReadDiscreteInputs r -> new Accepted(new ReadDiscreteInputsResponse(unit, bits(b, r.quantity())));
            case ReadHoldingRegisters r -> new Accepted(new ReadHoldingRegistersResponse(unit, registers(b, r.quantity())));
            case ReadInputRegisters r -> new Accepted(new ReadInputRegistersResponse(unit, registers(b, r.quantity())));
            case WriteSingleCoil r -> {
                int value = word(b, 4);
                if (value != ModbusRtu.COIL_ON && value != 0) {
                    yield new Rejected(Reason.BAD_VALUE, String.format("coil value 0x%04x", value));
                }
                yield echo(word(b, 2) == r.address() && (value == ModbusRtu.COIL_ON) == r.on(),
                        new WriteSingleCoilResponse(unit, r.address(), r.on()));
            }
            case WriteSingleRegister r -> echo(word(b, 2) == r.address() && word(b, 4) == r.value(),
                    new WriteSingleRegisterResponse(unit, r.address(), r.value()));
            case WriteMultipleCoils r -> echo(word(b, 2) == r.address() && word(b, 4) == r.values().size(),
                    new WriteMultipleCoilsResponse(unit, r.address(), r.values().size()));
            case WriteMultipleRegisters r -> echo(word(b, 2) == r.address() && word(b, 4) == r.values().size(),
                    new WriteMultipleRegistersResponse(unit, r.address(), r.values().size()));
        };
    }

    private static ResponseResult echo(boolean matches, ModbusResponse response) {
        return matches ? new Accepted(response) : new Rejected(Reason.ECHO_MISMATCH, "echo differs from the request");
    }

    static int word(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
    }

    private static List<Boolean> bits(byte[] b, int quantity) {
        List<Boolean> bits = new ArrayList<>(quantity);
        for (int i = 0; i < quantity; i++) {
            bits.add((b[3 + i / 8] & (1 << (i % 8))) != 0);
        }
        return bits;
    }

    private static List<Integer> registers(byte[] b, int quantity) {
        List<Integer> values = new ArrayList<>(quantity);
        for (int i = 0; i < quantity; i++) {
            values.add(word(b, 3 + 2 * i));
        }
        return values;
    }
}
