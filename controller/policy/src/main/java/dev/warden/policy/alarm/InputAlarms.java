package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Alarm inputs of devices: a tamper switch (reader cover, gate cabinet, sensor housing) and the environmental inputs
 * smoke, leak (also called water) and power (mains failure). {@code ACTIVE} raises the alarm of the input's type at
 * the agent's device ({@link AlarmPlace#device}), {@code CLEARED} clears it; any other state, and an input of no known kind, yields nothing. Stateless.
 */
public final class InputAlarms {
    private InputAlarms() {}

    /** The alarm type of a sensor input name: smoke → SMOKE, leak / water → LEAK, power / mains → POWER. */
    public static Optional<AlarmType> typeOfInput(String input) {
        if (input == null) {
            return Optional.empty();
        }
        return switch (input.strip().toLowerCase(Locale.ROOT)) {
            case "smoke" -> Optional.of(AlarmType.SMOKE);
            case "leak", "water" -> Optional.of(AlarmType.LEAK);
            case "power", "mains" -> Optional.of(AlarmType.POWER);
            default -> Optional.empty();
        };
    }

    /** A device's tamper input, reported by its agent, changed to {@code state} (ACTIVE or CLEARED). */
    public static Optional<AlarmTrigger> tamper(String agentId, String deviceId, String doorId, String state,
                                                Instant at) {
        return change(AlarmType.TAMPER, AlarmPlace.device(agentId, deviceId, doorId), state, at, "tamper");
    }

    /** A sensor's alarm input ({@code smoke}, {@code leak}, {@code power}) changed to {@code state}. */
    public static Optional<AlarmTrigger> sensor(String agentId, String deviceId, String doorId, String input,
                                                String state, Instant at) {
        Optional<AlarmType> type = typeOfInput(input);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return change(type.get(), AlarmPlace.device(agentId, deviceId, doorId), state, at,
                input.strip().toLowerCase(Locale.ROOT));
    }

    private static Optional<AlarmTrigger> change(AlarmType type, AlarmPlace place, String state, Instant at,
                                                 String what) {
        Objects.requireNonNull(at, "at");
        if (state == null) {
            return Optional.empty();
        }
        return switch (state.strip().toUpperCase(Locale.ROOT)) {
            case "ACTIVE" -> Optional.of(new AlarmTrigger.Raise(type, place, at,
                    what + " active at " + place.deviceId()));
            case "CLEARED" -> Optional.of(new AlarmTrigger.Clear(type, place, at,
                    what + " cleared at " + place.deviceId()));
            default -> Optional.empty();
        };
    }
}
