package dev.warden.agent.modbus;

import java.util.Objects;

/**
 * One point of a Modbus device.
 *
 * <p>Bits (coils, discrete inputs) are reported as {@link dev.warden.agent.device.DeviceEvents#input inputs} named
 * after the point ({@code contact}, {@code tamper}, {@code leak}, {@code smoke}, {@code power} ...), except the coil
 * {@value #PERMIT}, which is the gate's relay output and is written, not read. Registers are reported as
 * {@link dev.warden.agent.device.DeviceEvents#reading readings} of {@code raw × scale} in {@code unit}, the raw
 * word taken as two's complement when {@code signed}. A {@code counter} register counts events instead: each
 * increment (modulo 65536) is one input named {@value #PASSAGE} for a point named {@value #PASSAGES}, else named after
 * the point.
 *
 * @param register the 0-based protocol address in its table (0..65535)
 * @param scale    multiplies the raw register value (registers only; 1 for bits)
 * @param unit     the unit of the scaled value, e.g. {@code C} or {@code %} ("" for none)
 */
public record ModbusPoint(String name, ModbusTable table, int register, double scale, String unit, boolean signed,
        boolean counter) {

    /** The coil that permits one passage at a gate: what {@link ModbusBus#pulse} drives. */
    public static final String PERMIT = "permit";
    /** The counter of passages at a gate. */
    public static final String PASSAGES = "passages";
    /** The input reported once per increment of {@value #PASSAGES}. */
    public static final String PASSAGE = "passage";

    public ModbusPoint {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(unit, "unit");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a Modbus point needs a name");
        }
        if (register < 0 || register > 0xFFFF) {
            throw new IllegalArgumentException("point " + name + ": register must be 0..65535, was " + register);
        }
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("point " + name + ": scale must be a finite non-zero number, was " + scale);
        }
        if (table.isBit() && (counter || signed)) {
            throw new IllegalArgumentException("point " + name + ": a " + table + " cannot be signed or a counter");
        }
        if (counter && signed) {
            throw new IllegalArgumentException("point " + name + ": a counter is unsigned");
        }
    }

    /** A coil (an output such as {@value #PERMIT}, or a bit reported as an input). */
    public static ModbusPoint coil(String name, int register) {
        return new ModbusPoint(name, ModbusTable.COIL, register, 1, "", false, false);
    }

    /** A read-only bit reported as an input. */
    public static ModbusPoint discreteInput(String name, int register) {
        return new ModbusPoint(name, ModbusTable.DISCRETE_INPUT, register, 1, "", false, false);
    }

    /** An input register reported as a scaled reading. */
    public static ModbusPoint inputRegister(String name, int register, double scale, String unit, boolean signed) {
        return new ModbusPoint(name, ModbusTable.INPUT_REGISTER, register, scale, unit, signed, false);
    }

    /** An input register that counts events. */
    public static ModbusPoint counter(String name, int register) {
        return new ModbusPoint(name, ModbusTable.INPUT_REGISTER, register, 1, "", false, true);
    }

    /** True for the gate's permit coil (written by the bus, never polled). */
    public boolean isPermit() {
        return table == ModbusTable.COIL && PERMIT.equals(name);
    }

    /** The input name a counter reports per increment. */
    String counterInput() {
        return PASSAGES.equals(name) ? PASSAGE : name;
    }

    /** The raw 16-bit word as the value it stands for, scaled. */
    double scaled(int raw) {
        int value = signed ? (short) raw : raw;
        double inverse = 1 / scale;
        double rounded = Math.rint(inverse);
        // divide by 10 rather than multiply by 0.1: 3 / 10.0 is 0.3, 3 * 0.1 is 0.30000000000000004
        if (rounded != 0 && Math.abs(inverse - rounded) < 1e-9) {
            return value / rounded;
        }
        return value * scale;
    }
}
