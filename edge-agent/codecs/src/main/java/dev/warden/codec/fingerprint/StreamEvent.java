package dev.warden.codec.fingerprint;

import java.util.Objects;

/** What {@link FingerprintStreamDecoder#feed} found in the bytes: a packet, or a rejected run of bytes. */
public sealed interface StreamEvent permits StreamEvent.Packet, StreamEvent.Rejected {

    /** A packet with a correct checksum. */
    record Packet(FingerprintPacket packet) implements StreamEvent {
        public Packet {
            Objects.requireNonNull(packet, "packet");
        }
    }

    /**
     * Bytes that were dropped.
     *
     * @param reason  why
     * @param detail  human-readable detail (counts and header fields only, never payload bytes)
     * @param dropped how many bytes were dropped at this point (0 when the rejection says where resync starts)
     */
    record Rejected(RejectReason reason, String detail, int dropped) implements StreamEvent {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
