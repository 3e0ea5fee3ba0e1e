package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Alarms from the access engine's signals, by the signal's name: TERMINATED_CREDENTIAL, DURESS, PASSBACK,
 * UNESCORTED_VISITOR and VISIT_OVERSTAY belong to the person (a repeat by the same person counts on the open alarm), LONE_OCCUPANT to
 * the area. A signal without the id its place needs falls back to the door; a signal of unknown name, or without any
 * place at all, yields nothing. Stateless.
 */
public final class SignalAlarms {
    private SignalAlarms() {}

    public static Optional<AlarmTrigger> of(String signal, Instant at, String doorId, String areaId, String personId,
                                            String detail) {
        Objects.requireNonNull(at, "at");
        AlarmType type;
        try {
            type = signal == null ? null : AlarmType.valueOf(signal);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (type == null) {
            return Optional.empty();
        }
        AlarmPlace place = switch (type) {
            case TERMINATED_CREDENTIAL, DURESS, PASSBACK, UNESCORTED_VISITOR, VISIT_OVERSTAY ->
                    present(personId) ? AlarmPlace.person(personId, doorId, areaId) : doorPlace(doorId, areaId);
            case LONE_OCCUPANT -> present(areaId) ? AlarmPlace.area(areaId, doorId) : doorPlace(doorId, null);
            default -> null;
        };
        if (place == null) {
            return Optional.empty();
        }
        return Optional.of(new AlarmTrigger.Raise(type, place, at, detail));
    }

    private static AlarmPlace doorPlace(String doorId, String areaId) {
        return present(doorId) ? AlarmPlace.door(doorId).withArea(areaId) : null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
