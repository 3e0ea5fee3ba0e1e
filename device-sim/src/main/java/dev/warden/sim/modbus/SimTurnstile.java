package dev.warden.sim.modbus;

/**
 * A simulated turnstile (or mantrap door) with a Modbus RTU interface: coil 0 {@code permit} (the master switches it
 * on to let one person through), discrete input 0 door contact (on = open), 1 tamper, input register 0 the passage
 * counter (counts every passage, modulo 65536).
 */
public final class SimTurnstile extends SimModbusDevice {

    /** How a passage went. */
    public enum Passage {
        /** The permit coil was on. */
        PERMITTED,
        /** Nobody permitted it: someone pushed through (still counted, as a real counter would). */
        FORCED
    }

    private long permitPulses;
    private long forcedPassages;
    private int tailgaters;

    public SimTurnstile(String id, int unitId) {
        super(id, unitId, 1, 2, 1, 0);
    }

    /** The permit coil is on. */
    public boolean permitted() {
        return coil(0);
    }

    /** How many times the permit coil went from off to on. */
    public synchronized long permitPulses() {
        return permitPulses;
    }

    /** Someone passes: the counter goes up by one; without a permit it is a forced passage. */
    public synchronized Passage pass() {
        setInputRegister(0, inputRegister(0) + 1);
        if (permitted()) {
            return Passage.PERMITTED;
        }
        forcedPassages++;
        return Passage.FORCED;
    }

    /** The passage counter register (0..65535). */
    public int passageCounter() {
        return inputRegister(0);
    }

    /** Sets the passage counter, e.g. near 65535 to show the wrap-around. */
    public void setPassageCounter(int value) {
        setInputRegister(0, value);
    }

    /** Passages without a permit. */
    public synchronized long forcedPassages() {
        return forcedPassages;
    }

    /** The next person walked through this gate takes {@code extra} more people with them (tailgating). */
    public synchronized void addTailgaters(int extra) {
        if (extra < 0) {
            throw new IllegalArgumentException("tailgaters must not be negative, was " + extra);
        }
        tailgaters += extra;
    }

    /** The tailgaters waiting for the next person walked through; they are taken (the count goes back to 0). */
    public synchronized int takeTailgaters() {
        int n = tailgaters;
        tailgaters = 0;
        return n;
    }

    public void setDoorOpen(boolean open) {
        setDiscreteInput(0, open);
    }

    public boolean doorOpen() {
        return discreteInput(0);
    }

    public void setTamper(boolean tampered) {
        setDiscreteInput(1, tampered);
    }

    public boolean tampered() {
        return discreteInput(1);
    }

    @Override
    protected void coilWritten(int address, boolean before, boolean after) {
        if (address == 0 && !before && after) {
            permitPulses++;
        }
    }
}
