package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.Objects;

/** What a detector concluded: raise an alarm of a type at a place, or clear the open one. */
public sealed interface AlarmTrigger {
    AlarmType type();

    AlarmPlace place();

    Instant at();

    /** A short, human-readable explanation (never a secret). */
    String detail();

    /**
     * Raise (or, if one is open for the type and place, repeat) an alarm.
     *
     * @param level for threshold alarms the side of the band that was left ({@code HIGH} or {@code LOW}), else null
     */
    record Raise(AlarmType type, AlarmPlace place, Instant at, String detail, String level) implements AlarmTrigger {
        public Raise {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(at, "at");
        }

        public Raise(AlarmType type, AlarmPlace place, Instant at, String detail) {
            this(type, place, at, detail, null);
        }
    }

    /** The condition ended: clear the open alarm of the type and place, if there is one. */
    record Clear(AlarmType type, AlarmPlace place, Instant at, String detail) implements AlarmTrigger {
        public Clear {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(at, "at");
        }
    }
}
