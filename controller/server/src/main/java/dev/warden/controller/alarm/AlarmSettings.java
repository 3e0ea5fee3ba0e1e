package dev.warden.controller.alarm;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code warden.alarms.*}: the defaults of the alarm detectors. Every key is optional; the values here are the
 * defaults. Thresholds apply to every sensor without its own row in {@code sensor_threshold}.
 */
@ConfigurationProperties("warden.alarms")
public class AlarmSettings {
    private Duration heldOpen = Duration.ofSeconds(30);
    private int denialCount = 5;
    private Duration denialWindow = Duration.ofSeconds(60);
    private double temperatureHigh = 35;
    private double temperatureLow = 10;
    private double humidityHigh = 70;
    private double humidityLow = 20;
    private double hysteresis = 2;
    private Duration grace = Duration.ofSeconds(2);
    private Duration heartbeat = Duration.ofSeconds(15);
    private int queueCapacity = 100_000;
    private int maxOpenDeviceAlarmsPerAgent = 200;

    /** How long a door may stay open after a grant before DOOR_HELD (default 30 s). */
    public Duration getHeldOpen() {
        return heldOpen;
    }

    public void setHeldOpen(Duration heldOpen) {
        this.heldOpen = heldOpen;
    }

    /** Denials within {@link #getDenialWindow()} that raise REPEATED_DENIALS (default 5). */
    public int getDenialCount() {
        return denialCount;
    }

    public void setDenialCount(int denialCount) {
        this.denialCount = denialCount;
    }

    /** Default 60 s. */
    public Duration getDenialWindow() {
        return denialWindow;
    }

    public void setDenialWindow(Duration denialWindow) {
        this.denialWindow = denialWindow;
    }

    /** Degrees Celsius; default 35. */
    public double getTemperatureHigh() {
        return temperatureHigh;
    }

    public void setTemperatureHigh(double temperatureHigh) {
        this.temperatureHigh = temperatureHigh;
    }

    /** Degrees Celsius; default 10. */
    public double getTemperatureLow() {
        return temperatureLow;
    }

    public void setTemperatureLow(double temperatureLow) {
        this.temperatureLow = temperatureLow;
    }

    /** Percent relative humidity; default 70. */
    public double getHumidityHigh() {
        return humidityHigh;
    }

    public void setHumidityHigh(double humidityHigh) {
        this.humidityHigh = humidityHigh;
    }

    /** Percent relative humidity; default 20. */
    public double getHumidityLow() {
        return humidityLow;
    }

    public void setHumidityLow(double humidityLow) {
        this.humidityLow = humidityLow;
    }

    /** How far back inside the band a value must come before its alarm clears (default 2, in the sensor's unit). */
    public double getHysteresis() {
        return hysteresis;
    }

    public void setHysteresis(double hysteresis) {
        this.hysteresis = hysteresis;
    }

    /** Slack around grant windows for clock differences between agent and controller (default 2 s). */
    public Duration getGrace() {
        return grace;
    }

    public void setGrace(Duration grace) {
        this.grace = grace;
    }

    /** Comment heartbeat of the live alarm stream (default 15 s). */
    public Duration getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    /** Inputs waiting for evaluation before new ones are refused (logged and counted); default 100000. */
    public int getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    /**
     * Open alarms of one agent's devices and sensors at once (tamper, smoke, leak, power, device offline,
     * temperature, humidity); a raise that would open one more is refused, logged and counted. Default 200.
     */
    public int getMaxOpenDeviceAlarmsPerAgent() {
        return maxOpenDeviceAlarmsPerAgent;
    }

    public void setMaxOpenDeviceAlarmsPerAgent(int maxOpenDeviceAlarmsPerAgent) {
        this.maxOpenDeviceAlarmsPerAgent = maxOpenDeviceAlarmsPerAgent;
    }
}
