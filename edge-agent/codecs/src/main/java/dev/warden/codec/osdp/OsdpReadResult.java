package dev.warden.codec.osdp;

import java.util.Objects;

/** What {@link OsdpFrameReader} found in the byte stream: a well-formed frame, or bytes it rejected and why. */
public sealed interface OsdpReadResult permits OsdpReadResult.Frame, OsdpReadResult.Rejected {

    /** A frame whose check bytes and structure are valid (its meaning is not interpreted here). */
    record Frame(OsdpFrame frame) implements OsdpReadResult {
        public Frame {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /**
     * Bytes that are not a frame.
     *
     * @param reason why
     * @param detail a short human-readable detail (lengths and values, never more than a few input bytes)
     */
    record Rejected(Reason reason, String detail) implements OsdpReadResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why bytes were rejected. */
    enum Reason {
        /** Bytes before a start of message that are neither SOM nor the 0xFF mark (line noise). */
        GARBAGE,
        /** LEN below the smallest possible frame or above the reader's cap. */
        BAD_LENGTH,
        /** CTRL has reserved bits (4..7) set. */
        BAD_CONTROL,
        /** The CRC-16 does not match. */
        BAD_CRC,
        /** The 8-bit checksum does not match. */
        BAD_CHECKSUM,
        /** The security block is malformed (length, type, or no room for the code or the MAC). */
        BAD_SECURITY_BLOCK,
        /** A frame started but its remaining bytes never came (reported by {@link OsdpFrameReader#flush()}). */
        TRUNCATED
    }
}
