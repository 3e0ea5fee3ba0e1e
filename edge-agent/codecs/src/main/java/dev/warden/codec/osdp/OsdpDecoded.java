package dev.warden.codec.osdp;

import java.util.Objects;

/**
 * The outcome of decoding a command or reply from its code and data: the typed message, or why it is not one.
 *
 * @param <T> {@link OsdpCommand} or {@link OsdpReply}
 */
public sealed interface OsdpDecoded<T> permits OsdpDecoded.Ok, OsdpDecoded.Invalid {

    /** A well-formed message. */
    record Ok<T>(T message) implements OsdpDecoded<T> {
        public Ok {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Not a message this codec accepts.
     *
     * @param reason why
     * @param detail human-readable detail (lengths and values only)
     */
    record Invalid<T>(Reason reason, String detail) implements OsdpDecoded<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a code and data are not a message. */
    enum Reason {
        /** A code this codec does not type (it may be valid OSDP, e.g. osdp_TEXT). */
        UNKNOWN_CODE,
        /** The data length does not fit the message. */
        BAD_LENGTH,
        /** A field holds a value the message does not allow (e.g. RAW data shorter than its bit count). */
        BAD_VALUE
    }
}
