package dev.warden.sim.modbus;

/**
 * A simulated environment sensor with a Modbus RTU interface: input register 0 temperature in tenths of a degree
 * Celsius (two's complement), 1 relative humidity in tenths of a percent, discrete input 0 leak, 1 smoke, 2 power
 * (on = the supply it watches has failed).
 */
public final class SimEnvironmentSensor extends SimModbusDevice {

    public SimEnvironmentSensor(String id, int unitId) {
        super(id, unitId, 0, 3, 2, 0);
    }

    /** Sets the temperature in °C (kept to a tenth, within -3276.8..3276.7). */
    public void setTemperature(double celsius) {
        long tenths = Math.round(celsius * 10);
        setInputRegister(0, (int) Math.clamp(tenths, Short.MIN_VALUE, Short.MAX_VALUE));
    }

    /** The temperature as the register holds it, in °C. */
    public double temperature() {
        return (short) inputRegister(0) / 10.0;
    }

    /** Sets the relative humidity in % (kept to a tenth, within 0..100). */
    public void setHumidity(double percent) {
        setInputRegister(1, (int) Math.clamp(Math.round(percent * 10), 0, 1000));
    }

    /** The humidity as the register holds it, in %. */
    public double humidity() {
        return inputRegister(1) / 10.0;
    }

    public void setLeak(boolean leak) {
        setDiscreteInput(0, leak);
    }

    public boolean leak() {
        return discreteInput(0);
    }

    public void setSmoke(boolean smoke) {
        setDiscreteInput(1, smoke);
    }

    public boolean smoke() {
        return discreteInput(1);
    }

    /** The watched power supply fails ({@code true}) or is back ({@code false}). */
    public void setPowerFailure(boolean failed) {
        setDiscreteInput(2, failed);
    }

    public boolean powerFailure() {
        return discreteInput(2);
    }
}
