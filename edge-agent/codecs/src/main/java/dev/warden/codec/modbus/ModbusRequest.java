package dev.warden.codec.modbus;

import java.util.List;

/**
 * A request from the master to a device, one record per function. {@code unitId} 1..247 addresses one device; 0
 * is broadcast (writes only, no device answers). Addresses are 0-based protocol addresses; {@code address +
 * quantity} never passes 65536.
 */
public sealed interface ModbusRequest {

    /** The largest quantity of bits one read may ask for. */
    int MAX_READ_BITS = 2000;
    /** The largest quantity of registers one read may ask for. */
    int MAX_READ_REGISTERS = 125;
    /** The largest quantity of coils one write-multiple may carry. */
    int MAX_WRITE_BITS = 1968;
    /** The largest quantity of registers one write-multiple may carry. */
    int MAX_WRITE_REGISTERS = 123;

    int unitId();

    ModbusFunction function();

    /** 01: read {@code quantity} coils (1..2000) from {@code address}. */
    record ReadCoils(int unitId, int address, int quantity) implements ModbusRequest {
        public ReadCoils {
            Checks.unicast(unitId);
            Checks.range(address, quantity, MAX_READ_BITS);
        }

        @Override
        public ModbusFunction function() {
            return ModbusFunction.READ_COILS;
        }
    }

    /** 02: read {@code quantity} discrete inputs (1..2000) from {@code address}. */
    record ReadDiscreteInputs(int unitId, int address, int quantity) implements ModbusRequest {
        public ReadDiscreteInputs {
            Checks.unicast(unitId);
            Checks.range(address, quantity, MAX_READ_BITS);
        }

        @Override
        public ModbusFunction function() {
            return ModbusFunction.READ_DISCRETE_INPUTS;
        }
    }

    /** 03: read {@code quantity} holding registers (1..125) from {@code address}. */
    record ReadHoldingRegisters(int unitId, int address, int quantity) implements ModbusRequest {
        public ReadHoldingRegisters {
            Checks.unicast(unitId);
            Checks.range(address, quantity, MAX_READ_REGISTERS);
        }

        @Override
        public ModbusFunction function() {
            return ModbusFunction.READ_HOLDING_REGISTERS;
        }
    }

    /** 04: read {@code quantity} input registers (1..125) from {@code address}. */
    record ReadInputRegisters(int unitId, int address, int quantity) implements ModbusRequest {
        public ReadInputRegisters {
            Checks.unicast(unitId);
            Checks.range(address, quantity, MAX_READ_REGISTERS);
        }

        @Override
        public ModbusFunction function() {
            return ModbusFunction.READ_INPUT_REGISTERS;
        }
    }

    /** 05: switch the coil at {@code address} on (0xFF00 on the wire) or off (0x0000). */
    record WriteSingleCoil(int unitId, int address, boolean on) implements ModbusRequest {
        public WriteSingleCoil {
            Checks.unit(unitId);
            Checks.range(address, 1, 1);
        }

        @Override
        public ModbusFunction function() {
            return ModbusFunction.WRITE_SINGLE_COIL;
        }
    }

    /** 06: set the holding register at {@code address} to {@code value} (0..65535). */
    record WriteSingleRegister(int unitId, int address, int value) implements ModbusRequest {
        public WriteSingleRegister {
            Checks.unit(unitId);
            Checks.range(address, 1, 1);
            Checks.register(value);
        }

        @Override
        public ModbusFunction function() {
            return ModbusFunction.WRITE_SINGLE_REGISTER;
        }
    }

    /** 0F: set {@code values.size()} coils (1..1968) from {@code address}. */
    record WriteMultipleCoils(int unitId, int address, List<Boolean> values) implements ModbusRequest {
        public WriteMultipleCoils {
            Checks.unit(unitId);
            values = List.copyOf(values);
            Checks.range(address, values.size(), MAX_WRITE_BITS);
        }

        @Override
        public ModbusFunction function() {
            return ModbusFunction.WRITE_MULTIPLE_COILS;
        }
    }

    /** 10: set {@code values.size()} holding registers (1..123) from {@code address}, each 0..65535. */
    record WriteMultipleRegisters(int unitId, int address, List<Integer> values) implements ModbusRequest {
        public WriteMultipleRegisters {
            Checks.unit(unitId);
            values = List.copyOf(values);
            Checks.range(address, values.size(), MAX_WRITE_REGISTERS);
            values.forEach(Checks::register);
        }

        @Override
        public ModbusFunction function() {
            return ModbusFunction.WRITE_MULTIPLE_REGISTERS;
        }
    }
}
