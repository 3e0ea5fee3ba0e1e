package dev.warden.policy.alarm;

import java.util.Objects;

/** The result of an action on an {@link Alarm}: the alarm after it, or a refusal saying why it is not allowed. */
public sealed interface AlarmChange {

    /** The action was applied; {@code action} is the new last entry of the alarm's history. */
    record Changed(Alarm alarm, AlarmAction action) implements AlarmChange {
        public Changed {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(action, "action");
        }
    }

    /** The action is not legal in the alarm's state; nothing changed. */
    record Refused(String reason) implements AlarmChange {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
