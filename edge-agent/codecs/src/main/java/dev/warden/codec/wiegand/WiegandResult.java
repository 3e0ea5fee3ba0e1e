package dev.warden.codec.wiegand;

import java.util.Objects;

/** The outcome of decoding a Wiegand frame: a card, or a typed reason it is not one. */
public sealed interface WiegandResult permits WiegandResult.Decoded, WiegandResult.Invalid {

    /** {@code true} for {@link Decoded}. */
    default boolean isDecoded() {
        return this instanceof Decoded;
    }

    /**
     * A well-formed frame of a known format with correct parity.
     *
     * @param format   the format name, e.g. {@code "H10301"}
     * @param facility facility code (0 for formats without one)
     * @param number   card number
     */
    record Decoded(String format, long facility, long number) implements WiegandResult {

        public Decoded {
            Objects.requireNonNull(format, "format");
        }
    }

    /**
     * A frame that is not a card.
     *
     * @param reason why
     * @param detail human-readable detail (never echoes more than a few input characters)
     */
    record Invalid(Reason reason, String detail) implements WiegandResult {

        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** Why a frame is invalid. */
        public enum Reason {
            /** Null or empty input. */
            EMPTY,
            /** A character other than '0' or '1'. */
            NOT_BINARY,
            /** No format of that length (or more than 128 bits). */
            UNKNOWN_LENGTH,
            /** At least one parity check fails. */
            PARITY_ERROR
        }
    }
}
