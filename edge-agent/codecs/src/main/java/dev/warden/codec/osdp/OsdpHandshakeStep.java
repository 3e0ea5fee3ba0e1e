package dev.warden.codec.osdp;

import java.util.Objects;

/**
 * One step of the Secure Channel handshake: go on with {@code value}, or stop with a reason.
 *
 * @param <T> what the next step needs (a frame to send, or the established session)
 */
public sealed interface OsdpHandshakeStep<T> permits OsdpHandshakeStep.Proceed, OsdpHandshakeStep.Refused {

    /** The peer's message checked out. */
    record Proceed<T>(T value) implements OsdpHandshakeStep<T> {
        public Proceed {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The handshake cannot go on. */
    record Refused<T>(Failure failure, String detail) implements OsdpHandshakeStep<T> {
        public Refused {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a handshake stopped. */
    enum Failure {
        /** The peer answered with another message (a NAK, or a reply out of order). */
        UNEXPECTED_MESSAGE,
        /** The security block is missing or of the wrong type. */
        BAD_SECURITY_BLOCK,
        /** The message has the right code but malformed data. */
        MALFORMED,
        /** The peer's cryptogram does not match: it holds another key. */
        CRYPTOGRAM_MISMATCH,
        /**
         * Asked for its own SCBK, the PD answered with a well-formed osdp_CCRYPT that says (security block data 0)
         * and shows (the cryptogram checks out under SCBK-D) that it uses the published install key SCBK-D. The only
         * answer after which a control panel may consider SCBK-D, and only for a reader it is installing.
         */
        PD_USES_DEFAULT_KEY,
        /** The PD's initial R-MAC does not match. */
        RMAC_MISMATCH,
        /** The PD says it did not accept the server cryptogram. */
        REFUSED_BY_PEER
    }
}
