package dev.warden.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * Delays between attempts to re-open a line: {@code initial}, then doubling up to {@code max}, and back to
 * {@code initial} after {@link #reset()} (call it once a link works again). Deterministic, no jitter: one bus thread
 * per line re-opens one local device, so there is no herd to spread out. Not thread-safe; one per bus thread.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, not " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay to wait before the next attempt; each call doubles the following one, up to the maximum. */
    public Duration next() {
        Duration current = next;
        next = current.compareTo(max.dividedBy(2)) > 0 ? max : current.multipliedBy(2);
        return current;
    }

    /** Back to the initial delay (the line works again). */
    public void reset() {
        next = initial;
    }

    public Duration initial() {
        return initial;
    }

    public Duration max() {
        return max;
    }

    @Override
    public String toString() {
        return "Backoff[" + initial + ".." + max + ", next " + next + "]";
    }
}
