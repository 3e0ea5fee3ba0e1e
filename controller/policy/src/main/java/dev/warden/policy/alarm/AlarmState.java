package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of an alarm. Open states are {@link Active}, {@link Acknowledged} and {@link ReturnedToNormal};
 * {@link Cleared} is final. Only {@link Alarm}'s transitions move between them:
 * <ul>
 *   <li>active → acknowledged (an operator); active → returned to normal (its condition ended unacknowledged);</li>
 *   <li>acknowledged → cleared (an operator, or automatically when its condition ends);</li>
 *   <li>returned to normal → cleared (an operator acknowledges or clears it); returned to normal → active (its
 *       condition came back);</li>
 *   <li>any open state → cleared by a supervisor.</li>
 * </ul>
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

    /**
     * Its condition ended before anyone acknowledged it: still open (in the queue), until an operator acknowledges
     * it. {@code at} is when the condition ended, {@code why} what ended it.
     */
    record ReturnedToNormal(Instant at, String why) implements AlarmState {
        public ReturnedToNormal {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String code() {
            return "RETURNED_TO_NORMAL";
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
