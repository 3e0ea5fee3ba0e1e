package dev.warden.codec.osdp;

import java.util.Objects;

/** The outcome of {@link OsdpSecureSession#open}: the plaintext frame, or why the secured frame is refused. */
public sealed interface OsdpOpenResult permits OsdpOpenResult.Opened, OsdpOpenResult.Refused {

    /** MAC verified, data decrypted: {@code frame} has no security block, no MAC and plaintext data. */
    record Opened(OsdpFrame frame) implements OsdpOpenResult {
        public Opened {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /** Refused; the session must be dropped (its MAC chain can no longer be trusted). */
    record Refused(Reason reason) implements OsdpOpenResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a frame is refused inside a session. */
    enum Reason {
        /** Plaintext (no security block, or a handshake block) where the session expects a MAC. */
        NOT_SECURED,
        /** A session block of the other direction (e.g. a command type in a reply). */
        WRONG_DIRECTION,
        /** The MAC does not match. */
        MAC_MISMATCH,
        /** The encrypted data has a bad length or padding. */
        BAD_ENCRYPTION
    }
}
