package dev.warden.codec.fingerprint;

import java.util.Objects;

/**
 * The outcome of decoding one thing: a value, or a typed rejection with its reason.
 *
 * @param <T> the decoded type
 */
public sealed interface FingerprintDecoding<T> permits FingerprintDecoding.Ok, FingerprintDecoding.Rejected {

    /** A decoded value. */
    record Ok<T>(T value) implements FingerprintDecoding<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A rejection.
     *
     * @param reason why
     * @param detail human-readable detail; never echoes payload bytes (they may hold a password)
     */
    record Rejected<T>(RejectReason reason, String detail) implements FingerprintDecoding<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
