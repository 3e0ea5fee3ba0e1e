package dev.warden.agent.modbus;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One Modbus device on a bus: its id (the agent's device id, used in every event), its unit id (1..247), how often
 * it is polled and its points (unique names).
 */
public record ModbusDeviceSettings(String deviceId, int unitId, Duration pollInterval, List<ModbusPoint> points) {

    public ModbusDeviceSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("a Modbus device needs an id");
        }
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("device " + deviceId + ": unit id must be 1..247, was " + unitId);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("device " + deviceId + ": poll interval must be positive");
        }
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("device " + deviceId + ": needs at least one point");
        }
        Set<String> names = new HashSet<>();
        for (ModbusPoint p : points) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("device " + deviceId + ": two points named " + p.name());
            }
        }
    }

    /**
     * The demo turnstile: coil 0 {@code permit}; discrete inputs 0 {@code contact} (door open), 1 {@code tamper};
     * input register 0 {@code passages} (a counter).
     */
    public static ModbusDeviceSettings turnstile(String id, int unit, Duration poll) {
        return new ModbusDeviceSettings(id, unit, poll, List.of(
                ModbusPoint.coil(ModbusPoint.PERMIT, 0),
                ModbusPoint.discreteInput("contact", 0),
                ModbusPoint.discreteInput("tamper", 1),
                ModbusPoint.counter(ModbusPoint.PASSAGES, 0)));
    }

    /**
     * The demo environment sensor: input registers 0 {@code temperature} (×0.1 °C, signed), 1 {@code humidity}
     * (×0.1 %); discrete inputs 0 {@code leak}, 1 {@code smoke}, 2 {@code power} (on = the supply it watches failed).
     */
    public static ModbusDeviceSettings environment(String id, int unit, Duration poll) {
        return new ModbusDeviceSettings(id, unit, poll, List.of(
                ModbusPoint.inputRegister("temperature", 0, 0.1, "C", true),
                ModbusPoint.inputRegister("humidity", 1, 0.1, "%", false),
                ModbusPoint.discreteInput("leak", 0),
                ModbusPoint.discreteInput("smoke", 1),
                ModbusPoint.discreteInput("power", 2)));
    }

    /** The permit coil, if this device is a gate. */
    public java.util.Optional<ModbusPoint> permit() {
        return points.stream().filter(ModbusPoint::isPermit).findFirst();
    }
}
