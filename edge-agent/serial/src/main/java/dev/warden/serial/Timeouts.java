package dev.warden.serial;

import java.time.Duration;

/** Turns caller-supplied timeouts into nanoseconds that are safe to add to {@link System#nanoTime()}. */
final class Timeouts {

    /** About 73 years: "forever" for a read, and far from overflowing a nanoTime deadline. */
    private static final long MAX_NANOS = Long.MAX_VALUE / 4;

    private Timeouts() {}

    /** {@code timeout} in nanoseconds; negative counts as zero, anything huge as {@link #MAX_NANOS}. */
    static long nanos(Duration timeout) {
        if (timeout.isNegative()) {
            return 0;
        }
        return timeout.compareTo(Duration.ofNanos(MAX_NANOS)) > 0 ? MAX_NANOS : timeout.toNanos();
    }
}
