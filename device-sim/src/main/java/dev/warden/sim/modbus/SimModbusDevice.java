package dev.warden.sim.modbus;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated Modbus device: one unit id and four tables of fixed size, answered the way the Modbus application
 * protocol specifies (exception 01 for an unknown function, 02 for addresses outside a table, 03 for a quantity,
 * byte count or coil value that is not allowed). Subclasses give the tables a meaning. Thread-safe: the line thread
 * answers requests while tests and the simulator read and change the state.
 */
public abstract class SimModbusDevice {

    /** What goes wrong with this device's replies. */
    public enum Fault {
        /** Correct replies. */
        NONE,
        /** A few random bytes on the line before each reply. */
        GARBAGE,
        /** Replies cut short. */
        TRUNCATED,
        /** Replies with a wrong CRC. */
        BAD_CRC,
        /** The device does not hear requests and never replies (powered off, wrong address, broken line). */
        SILENT,
        /** Replies only after {@link #slowDelay()}, later than a master waits. */
        SLOW
    }

    static final int ILLEGAL_FUNCTION = 0x01;
    static final int ILLEGAL_DATA_ADDRESS = 0x02;
    static final int ILLEGAL_DATA_VALUE = 0x03;

    private final String id;
    private final int unitId;
    private final boolean[] coils;
    private final boolean[] discreteInputs;
    private final int[] inputRegisters;
    private final int[] holdingRegisters;
    private volatile Fault fault = Fault.NONE;
    private volatile Duration slowDelay = Duration.ofSeconds(1);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong exceptions = new AtomicLong();

    protected SimModbusDevice(String id, int unitId, int coils, int discreteInputs, int inputRegisters,
            int holdingRegisters) {
        this.id = Objects.requireNonNull(id, "id");
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("unit id must be 1..247, was " + unitId);
        }
        this.unitId = unitId;
        this.coils = new boolean[coils];
        this.discreteInputs = new boolean[discreteInputs];
        this.inputRegisters = new int[inputRegisters];
        this.holdingRegisters = new int[holdingRegisters];
    }

    public String id() {
        return id;
    }

    public int unitId() {
        return unitId;
    }

    public Fault fault() {
        return fault;
    }

    /** Switches the fault; {@link Fault#NONE} makes the device behave again. */
    public void setFault(Fault fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    /** How late a {@link Fault#SLOW} device replies (default 1 s). */
    public void setSlowDelay(Duration delay) {
        this.slowDelay = Objects.requireNonNull(delay, "delay");
    }

    /** Requests addressed to this device that it heard. */
    public long requests() {
        return requests.get();
    }

    /** Exception responses it sent. */
    public long exceptions() {
        return exceptions.get();
    }

    public synchronized boolean coil(int address) {
        return coils[address];
    }

    public synchronized boolean discreteInput(int address) {
        return discreteInputs[address];
    }

    public synchronized int inputRegister(int address) {
        return inputRegisters[address];
    }

    public synchronized int holdingRegister(int address) {
        return holdingRegisters[address];
    }

    protected synchronized void setDiscreteInput(int address, boolean value) {
        discreteInputs[address] = value;
    }

    protected synchronized void setInputRegister(int address, int value) {
        inputRegisters[address] = value & 0xFFFF;
    }

    protected synchronized void setHoldingRegister(int address, int value) {
        holdingRegisters[address] = value & 0xFFFF;
    }

    /** Called (holding the device's lock) after a master wrote a coil; {@code before} is its previous state. */
    protected void coilWritten(int address, boolean before, boolean after) {}

    /**
     * Answers one request PDU (function code and data, without unit id and CRC) with a response PDU: the normal
     * answer, or function | 0x80 and an exception code.
     */
    final synchronized byte[] answer(byte[] pdu) {
        requests.incrementAndGet();
        byte[] reply = respond(pdu);
        if ((reply[0] & 0x80) != 0) {
            exceptions.incrementAndGet();
        }
        return reply;
    }

    private byte[] respond(byte[] pdu) {
        int function = pdu[0] & 0xFF;
        return switch (function) {
            case 0x01 -> readBits(pdu, coils);
            case 0x02 -> readBits(pdu, discreteInputs);
            case 0x03 -> readWords(pdu, holdingRegisters);
            case 0x04 -> readWords(pdu, inputRegisters);
            case 0x05 -> writeCoil(pdu);
            case 0x06 -> writeRegister(pdu);
            case 0x0F -> writeCoils(pdu);
            case 0x10 -> writeRegisters(pdu);
            default -> error(function, ILLEGAL_FUNCTION);
        };
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static byte[] error(int function, int code) {
        return new byte[] {(byte) (function | 0x80), (byte) code};
    }

    private static byte[] echo(byte[] pdu) {
        byte[] reply = new byte[5];
        System.arraycopy(pdu, 0, reply, 0, 5);
        return reply;
    }

    private static byte[] readBits(byte[] pdu, boolean[] table) {
        int function = pdu[0];
        if (pdu.length != 5) {
            return error(function, ILLEGAL_DATA_VALUE);
        }
        int start = u16(pdu, 1);
        int count = u16(pdu, 3);
        if (count < 1 || count > 2000) {
            return error(function, ILLEGAL_DATA_VALUE);
        }
        if (start + count > table.length) {
            return error(function, ILLEGAL_DATA_ADDRESS);
        }
        int bytes = (count + 7) / 8;
        byte[] reply = new byte[2 + bytes];
        reply[0] = (byte) function;
        reply[1] = (byte) bytes;
        for (int i = 0; i < count; i++) {
            if (table[start + i]) {
                reply[2 + (i >> 3)] |= (byte) (1 << (i & 7));
            }
        }
        return reply;
    }

    private static byte[] readWords(byte[] pdu, int[] table) {
        int function = pdu[0];
        if (pdu.length != 5) {
            return error(function, ILLEGAL_DATA_VALUE);
        }
        int start = u16(pdu, 1);
        int count = u16(pdu, 3);
        if (count < 1 || count > 125) {
            return error(function, ILLEGAL_DATA_VALUE);
        }
        if (start + count > table.length) {
            return error(function, ILLEGAL_DATA_ADDRESS);
        }
        byte[] reply = new byte[2 + 2 * count];
        reply[0] = (byte) function;
        reply[1] = (byte) (2 * count);
        for (int i = 0; i < count; i++) {
            reply[2 + 2 * i] = (byte) (table[start + i] >> 8);
            reply[3 + 2 * i] = (byte) table[start + i];
        }
        return reply;
    }

    private byte[] writeCoil(byte[] pdu) {
        if (pdu.length != 5) {
            return error(0x05, ILLEGAL_DATA_VALUE);
        }
        int address = u16(pdu, 1);
        int value = u16(pdu, 3);
        if (value != 0xFF00 && value != 0x0000) {
            return error(0x05, ILLEGAL_DATA_VALUE);
        }
        if (address >= coils.length) {
            return error(0x05, ILLEGAL_DATA_ADDRESS);
        }
        setCoil(address, value == 0xFF00);
        return echo(pdu);
    }

    private byte[] writeRegister(byte[] pdu) {
        if (pdu.length != 5) {
            return error(0x06, ILLEGAL_DATA_VALUE);
        }
        int address = u16(pdu, 1);
        if (address >= holdingRegisters.length) {
            return error(0x06, ILLEGAL_DATA_ADDRESS);
        }
        holdingRegisters[address] = u16(pdu, 3);
        return echo(pdu);
    }

    private byte[] writeCoils(byte[] pdu) {
        int start = pdu.length >= 6 ? u16(pdu, 1) : 0;
        int count = pdu.length >= 6 ? u16(pdu, 3) : 0;
        int bytes = pdu.length >= 6 ? pdu[5] & 0xFF : -1;
        if (count < 1 || count > 1968 || bytes != (count + 7) / 8 || pdu.length != 6 + bytes) {
            return error(0x0F, ILLEGAL_DATA_VALUE);
        }
        if (start + count > coils.length) {
            return error(0x0F, ILLEGAL_DATA_ADDRESS);
        }
        for (int i = 0; i < count; i++) {
            setCoil(start + i, (pdu[6 + (i >> 3)] & (1 << (i & 7))) != 0);
        }
        return echo(pdu);
    }

    private byte[] writeRegisters(byte[] pdu) {
        int start = pdu.length >= 6 ? u16(pdu, 1) : 0;
        int count = pdu.length >= 6 ? u16(pdu, 3) : 0;
        int bytes = pdu.length >= 6 ? pdu[5] & 0xFF : -1;
        if (count < 1 || count > 123 || bytes != 2 * count || pdu.length != 6 + bytes) {
            return error(0x10, ILLEGAL_DATA_VALUE);
        }
        if (start + count > holdingRegisters.length) {
            return error(0x10, ILLEGAL_DATA_ADDRESS);
        }
        for (int i = 0; i < count; i++) {
            holdingRegisters[start + i] = u16(pdu, 6 + 2 * i);
        }
        return echo(pdu);
    }

    private void setCoil(int address, boolean on) {
        boolean before = coils[address];
        coils[address] = on;
        coilWritten(address, before, on);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + ", unit " + unitId + ", fault " + fault + "]";
    }
}
