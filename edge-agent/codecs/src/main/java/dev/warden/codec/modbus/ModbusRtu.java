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
import java.util.List;

/**
 * Encodes requests and responses as complete RTU frames (unit id, function, data, CRC low byte first), and tells
 * the length of the normal response to a request. Every record is encodable: the records reject values no frame
 * can carry.
 */
public final class ModbusRtu {

    /** The largest RTU frame (application data unit) the specification allows. */
    public static final int MAX_FRAME = 256;
    /** The length of an exception response frame. */
    public static final int EXCEPTION_FRAME = 5;
    /** Coil value 0xFF00 = on. */
    static final int COIL_ON = 0xFF00;

    private ModbusRtu() {}

    /** The request as a frame. */
    public static byte[] encode(ModbusRequest request) {
        return switch (request) {
            case ReadCoils r -> addressQuantity(r.unitId(), r.function(), r.address(), r.quantity());
            case ReadDiscreteInputs r -> addressQuantity(r.unitId(), r.function(), r.address(), r.quantity());
            case ReadHoldingRegisters r -> addressQuantity(r.unitId(), r.function(), r.address(), r.quantity());
            case ReadInputRegisters r -> addressQuantity(r.unitId(), r.function(), r.address(), r.quantity());
            case WriteSingleCoil r -> addressQuantity(r.unitId(), r.function(), r.address(), r.on() ? COIL_ON : 0);
            case WriteSingleRegister r -> addressQuantity(r.unitId(), r.function(), r.address(), r.value());
            case WriteMultipleCoils r -> {
                byte[] packed = packBits(r.values());
                byte[] body = new byte[7 + packed.length];
                header(body, r.unitId(), r.function().code(), r.address(), r.values().size());
                body[6] = (byte) packed.length;
                System.arraycopy(packed, 0, body, 7, packed.length);
                yield ModbusCrc.append(body);
            }
            case WriteMultipleRegisters r -> {
                byte[] body = new byte[7 + 2 * r.values().size()];
                header(body, r.unitId(), r.function().code(), r.address(), r.values().size());
                body[6] = (byte) (2 * r.values().size());
                putRegisters(body, 7, r.values());
                yield ModbusCrc.append(body);
            }
        };
    }

    /** The response as a frame. */
    public static byte[] encode(ModbusResponse response) {
        return switch (response) {
            case ReadCoilsResponse r -> bitsResponse(r.unitId(), r.functionCode(), r.coils());
            case ReadDiscreteInputsResponse r -> bitsResponse(r.unitId(), r.functionCode(), r.inputs());
            case ReadHoldingRegistersResponse r -> registersResponse(r.unitId(), r.functionCode(), r.registers());
            case ReadInputRegistersResponse r -> registersResponse(r.unitId(), r.functionCode(), r.registers());
            case WriteSingleCoilResponse r ->
                    addressQuantity(r.unitId(), ModbusFunction.WRITE_SINGLE_COIL, r.address(), r.on() ? COIL_ON : 0);
            case WriteSingleRegisterResponse r ->
                    addressQuantity(r.unitId(), ModbusFunction.WRITE_SINGLE_REGISTER, r.address(), r.value());
            case WriteMultipleCoilsResponse r ->
                    addressQuantity(r.unitId(), ModbusFunction.WRITE_MULTIPLE_COILS, r.address(), r.quantity());
            case WriteMultipleRegistersResponse r ->
                    addressQuantity(r.unitId(), ModbusFunction.WRITE_MULTIPLE_REGISTERS, r.address(), r.quantity());
            case ExceptionResponse r ->
                    ModbusCrc.append(new byte[] {(byte) r.unitId(), (byte) r.functionCode(), (byte) r.code()});
        };
    }

    /** The length in bytes of the normal (non-exception) response frame to {@code request}. */
    public static int responseLength(ModbusRequest request) {
        return switch (request) {
            case ReadCoils r -> 5 + (r.quantity() + 7) / 8;
            case ReadDiscreteInputs r -> 5 + (r.quantity() + 7) / 8;
            case ReadHoldingRegisters r -> 5 + 2 * r.quantity();
            case ReadInputRegisters r -> 5 + 2 * r.quantity();
            case WriteSingleCoil r -> 8;
            case WriteSingleRegister r -> 8;
            case WriteMultipleCoils r -> 8;
            case WriteMultipleRegisters r -> 8;
        };
    }

    private static byte[] addressQuantity(int unit, ModbusFunction function, int address, int value) {
        byte[] body = new byte[6];
        header(body, unit, function.code(), address, value);
        return ModbusCrc.append(body);
    }

    private static void header(byte[] body, int unit, int function, int address, int value) {
        body[0] = (byte) unit;
        body[1] = (byte) function;
        body[2] = (byte) (address >>> 8);
        body[3] = (byte) address;
        body[4] = (byte) (value >>> 8);
        body[5] = (byte) value;
    }

    private static byte[] bitsResponse(int unit, int function, List<Boolean> bits) {
        byte[] packed = packBits(bits);
        byte[] body = new byte[3 + packed.length];
        body[0] = (byte) unit;
        body[1] = (byte) function;
        body[2] = (byte) packed.length;
        System.arraycopy(packed, 0, body, 3, packed.length);
        return ModbusCrc.append(body);
    }

    private static byte[] registersResponse(int unit, int function, List<Integer> registers) {
        byte[] body = new byte[3 + 2 * registers.size()];
        body[0] = (byte) unit;
        body[1] = (byte) function;
        body[2] = (byte) (2 * registers.size());
        putRegisters(body, 3, registers);
        return ModbusCrc.append(body);
    }

    /** Bits packed LSB first: the first bit is bit 0 of the first byte; padding bits are 0. */
    static byte[] packBits(List<Boolean> bits) {
        byte[] packed = new byte[(bits.size() + 7) / 8];
        for (int i = 0; i < bits.size(); i++) {
            if (bits.get(i)) {
                packed[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return packed;
    }

    private static void putRegisters(byte[] body, int offset, List<Integer> registers) {
        for (int i = 0; i < registers.size(); i++) {
            int v = registers.get(i);
            body[offset + 2 * i] = (byte) (v >>> 8);
            body[offset + 2 * i + 1] = (byte) v;
        }
    }
}
