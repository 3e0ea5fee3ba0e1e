package dev.warden.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Argument checks shared by the records of this package (package-private). */
final class Checks {

    private Checks() {
    }

    static String nonBlank(String value, String what) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static <T> T nonNull(T value, String what) {
        return Objects.requireNonNull(value, what + " must not be null");
    }

    static void validityOrder(Instant validFrom, Instant validUntil, String what) {
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException(
                    what + ": validUntil " + validUntil + " is before validFrom " + validFrom);
        }
    }

    /** {@code validFrom <= at < validUntil}, a null bound being unbounded. */
    static boolean within(Instant validFrom, Instant validUntil, Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validUntil == null || at.isBefore(validUntil));
    }

    /** A non-null, strictly positive duration. */
    static Duration positive(Duration value, String what) {
        nonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
        return value;
    }

    /** Null, or a strictly positive duration. */
    static Duration positiveOrNull(Duration value, String what) {
        return value == null ? null : positive(value, what);
    }
}
