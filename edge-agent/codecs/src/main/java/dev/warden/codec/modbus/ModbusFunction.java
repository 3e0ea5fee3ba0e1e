package dev.warden.codec.modbus;

import java.util.Optional;

/** The public function codes this codec speaks. */
public enum ModbusFunction {
    READ_COILS(0x01),
    READ_DISCRETE_INPUTS(0x02),
    READ_HOLDING_REGISTERS(0x03),
    READ_INPUT_REGISTERS(0x04),
    WRITE_SINGLE_COIL(0x05),
    WRITE_SINGLE_REGISTER(0x06),
    WRITE_MULTIPLE_COILS(0x0F),
    WRITE_MULTIPLE_REGISTERS(0x10);

    private final int code;

    ModbusFunction(int code) {
        this.code = code;
    }

    /** The function code on the wire. */
    public int code() {
        return code;
    }

    /** The function with that code, if this codec knows it. */
    public static Optional<ModbusFunction> of(int code) {
        for (ModbusFunction f : values()) {
            if (f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
