package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an alarm's history.
 *
 * @param kind     what was done
 * @param at       when
 * @param operator who did it; null for what the controller did itself (raise, repeat, auto-clear)
 * @param comment  the operator's comment, or the detector's detail; may be null
 * @param priority the alarm's priority after the action
 */
public record AlarmAction(AlarmActionKind kind, Instant at, String operator, String comment, int priority) {
    public AlarmAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
