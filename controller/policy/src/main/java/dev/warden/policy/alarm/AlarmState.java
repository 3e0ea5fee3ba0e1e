package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of an alarm. Open states are {@link Active} and {@link Acknowledged}; {@link Cleared} is final. Only
 * {@link Alarm}'s transitions move between them: active → acknowledged; active or acknowledged → cleared.
 */
public sealed interface AlarmState {

    /** The stored name: {@code ACTIVE}, {@code ACKNOWLEDGED} or {@code CLEARED}. */
    String code();

    /** True while the alarm is active or acknowledged. */
    default boolean open() {
        return !(this instanceof Cleared);
    }

    /** Raised and not yet acknowledged. */
    record Active(Instant since) implements AlarmState {
        public Active {
            Objects.requireNonNull(since, "since");
        }

        @Override
        public String code() {
            return "ACTIVE";
        }
    }

    /** An operator has seen it and said so. */
    record Acknowledged(String by, Instant at, String comment) implements AlarmState {
        public Acknowledged {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(comment, "comment");
        }

        @Override
        public String code() {
            return "ACKNOWLEDGED";
        }
    }

    /** Closed: by an operator ({@code by} their name), or automatically when its condition ended ({@code by} null). */
    record Cleared(String by, Instant at, String comment) implements AlarmState {
        public Cleared {
            Objects.requireNonNull(at, "at");
        }

        public boolean automatic() {
            return by == null;
        }

        @Override
        public String code() {
            return "CLEARED";
        }
    }
}
