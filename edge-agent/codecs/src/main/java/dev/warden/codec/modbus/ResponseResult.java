package dev.warden.codec.modbus;

import java.util.Objects;

/** What {@link ModbusResponseDecoder} makes of the bytes received so far after a request. */
public sealed interface ResponseResult {

    /** A complete, CRC-valid frame from the right unit that answers the request (possibly with an exception). */
    record Accepted(ModbusResponse response) implements ResponseResult {
        public Accepted {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * Consistent so far but not complete: the frame needs {@code frameLength} bytes in all (a lower bound while the
     * function byte has not arrived).
     */
    record Incomplete(int frameLength) implements ResponseResult {}

    /**
     * Not an answer to the request; nothing of it may be used.
     *
     * @param detail short human-readable detail (never echoes more than a few bytes)
     */
    record Rejected(Reason reason, String detail) implements ResponseResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a response is rejected. */
    enum Reason {
        /** The CRC does not match: corrupted on the line. */
        BAD_CRC,
        /** A valid frame from another unit (or an answer to a broadcast, which no device may send). */
        WRONG_UNIT,
        /** The function byte is neither the request's function nor its exception variant. */
        WRONG_FUNCTION,
        /** More bytes than the answer has, or a byte count field that does not fit the request. */
        WRONG_LENGTH,
        /** A write's echo (address, value or quantity) differs from what was written. */
        ECHO_MISMATCH,
        /** A field holds a value no valid answer has (coil value other than 0xFF00/0x0000, exception code 0). */
        BAD_VALUE
    }
}
