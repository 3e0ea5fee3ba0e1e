package dev.warden.codec.modbus;

import java.util.List;

/**
 * A device's answer, one record per function, plus {@link ExceptionResponse}. Read responses hold exactly the
 * quantity the request asked for (the padding bits of the last coil byte are dropped).
 */
public sealed interface ModbusResponse {

    int unitId();

    /** The function code on the wire (with bit 7 set for an exception response). */
    int functionCode();

    /** 01: coil states, first address first. */
    record ReadCoilsResponse(int unitId, List<Boolean> coils) implements ModbusResponse {
        public ReadCoilsResponse {
            Checks.unicast(unitId);
            coils = List.copyOf(coils);
            Checks.count(coils.size(), ModbusRequest.MAX_READ_BITS);
        }

        @Override
        public int functionCode() {
            return ModbusFunction.READ_COILS.code();
        }
    }

    /** 02: discrete input states, first address first. */
    record ReadDiscreteInputsResponse(int unitId, List<Boolean> inputs) implements ModbusResponse {
        public ReadDiscreteInputsResponse {
            Checks.unicast(unitId);
            inputs = List.copyOf(inputs);
            Checks.count(inputs.size(), ModbusRequest.MAX_READ_BITS);
        }

        @Override
        public int functionCode() {
            return ModbusFunction.READ_DISCRETE_INPUTS.code();
        }
    }

    /** 03: holding register values (0..65535), first address first. */
    record ReadHoldingRegistersResponse(int unitId, List<Integer> registers) implements ModbusResponse {
        public ReadHoldingRegistersResponse {
            Checks.unicast(unitId);
            registers = List.copyOf(registers);
            Checks.count(registers.size(), ModbusRequest.MAX_READ_REGISTERS);
            registers.forEach(Checks::register);
        }

        @Override
        public int functionCode() {
            return ModbusFunction.READ_HOLDING_REGISTERS.code();
        }
    }

    /** 04: input register values (0..65535), first address first. */
    record ReadInputRegistersResponse(int unitId, List<Integer> registers) implements ModbusResponse {
        public ReadInputRegistersResponse {
            Checks.unicast(unitId);
            registers = List.copyOf(registers);
            Checks.count(registers.size(), ModbusRequest.MAX_READ_REGISTERS);
            registers.forEach(Checks::register);
        }

        @Override
        public int functionCode() {
            return ModbusFunction.READ_INPUT_REGISTERS.code();
        }
    }

    /** 05: the echo of a single coil write. */
    record WriteSingleCoilResponse(int unitId, int address, boolean on) implements ModbusResponse {
        public WriteSingleCoilResponse {
            Checks.unicast(unitId);
            Checks.range(address, 1, 1);
        }

        @Override
        public int functionCode() {
            return ModbusFunction.WRITE_SINGLE_COIL.code();
        }
    }

    /** 06: the echo of a single register write. */
    record WriteSingleRegisterResponse(int unitId, int address, int value) implements ModbusResponse {
        public WriteSingleRegisterResponse {
            Checks.unicast(unitId);
            Checks.range(address, 1, 1);
            Checks.register(value);
        }

        @Override
        public int functionCode() {
            return ModbusFunction.WRITE_SINGLE_REGISTER.code();
        }
    }

    /** 0F: address and quantity of the coils written. */
    record WriteMultipleCoilsResponse(int unitId, int address, int quantity) implements ModbusResponse {
        public WriteMultipleCoilsResponse {
            Checks.unicast(unitId);
            Checks.range(address, quantity, ModbusRequest.MAX_WRITE_BITS);
        }

        @Override
        public int functionCode() {
            return ModbusFunction.WRITE_MULTIPLE_COILS.code();
        }
    }

    /** 10: address and quantity of the registers written. */
    record WriteMultipleRegistersResponse(int unitId, int address, int quantity) implements ModbusResponse {
        public WriteMultipleRegistersResponse {
            Checks.unicast(unitId);
            Checks.range(address, quantity, ModbusRequest.MAX_WRITE_REGISTERS);
        }

        @Override
        public int functionCode() {
            return ModbusFunction.WRITE_MULTIPLE_REGISTERS.code();
        }
    }

    /**
     * The device refused the request: on the wire {@code requestFunctionCode | 0x80}, then {@code code}.
     *
     * @param requestFunctionCode the function code of the refused request (1..127), known to this codec or not
     * @param code                the exception code as sent (1..255); {@link #meaning()} names it
     */
    record ExceptionResponse(int unitId, int requestFunctionCode, int code) implements ModbusResponse {
        public ExceptionResponse {
            Checks.unicast(unitId);
            if (requestFunctionCode < 1 || requestFunctionCode > 0x7F) {
                throw new IllegalArgumentException("function code must be 1..127, was " + requestFunctionCode);
            }
            if (code < 1 || code > 0xFF) {
                throw new IllegalArgumentException("exception code must be 1..255, was " + code);
            }
        }

        /** Convenience for a defined code. */
        public ExceptionResponse(int unitId, int requestFunctionCode, ExceptionCode code) {
            this(unitId, requestFunctionCode, code.code());
        }

        @Override
        public int functionCode() {
            return requestFunctionCode | 0x80;
        }

        /** The code as an enum constant ({@link ExceptionCode#UNDEFINED} for codes the specification does not define). */
        public ExceptionCode meaning() {
            return ExceptionCode.of(code);
        }
    }
}
