package dev.warden.policy;

import java.time.Duration;
import java.time.Instant;

/** Time-window arithmetic shared by the stateful rules (package-private), safe at the ends of the Instant range. */
final class Windows {

    private Windows() {
    }

    /** {@code |a - b| <= window}. */
    static boolean within(Instant a, Instant b, Duration window) {
        Duration apart = a.isBefore(b) ? Duration.between(a, b) : Duration.between(b, a);
        return apart.compareTo(window) <= 0;
    }

    /** {@code at + window}, saturating at {@link Instant#MAX}. */
    static Instant plus(Instant at, Duration window) {
        try {
            return at.plus(window);
        } catch (java.time.DateTimeException | ArithmeticException beyond) {
            return Instant.MAX;
        }
    }
}
