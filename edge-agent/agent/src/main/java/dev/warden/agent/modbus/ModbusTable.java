package dev.warden.agent.modbus;

/** The four Modbus data tables. Coils are read/write bits, discrete inputs read-only bits, registers 16-bit words. */
public enum ModbusTable {
    COIL,
    DISCRETE_INPUT,
    INPUT_REGISTER,
    HOLDING_REGISTER;

    /** True for the two bit tables. */
    public boolean isBit() {
        return this == COIL || this == DISCRETE_INPUT;
    }
}
