package dev.warden.codec.fingerprint;

/** Why bytes, a packet or a payload were rejected. */
public enum RejectReason {
    /** Bytes that are not part of any packet (noise before a header, a power-up byte). */
    GARBAGE,
    /** The packet id byte is none of 01, 02, 07, 08. */
    UNKNOWN_PACKET_TYPE,
    /** The length field is below 2 or above what any packet may carry. */
    BAD_LENGTH,
    /** The checksum does not match the packet (corrupted or truncated packet). */
    BAD_CHECKSUM,
    /** A well-formed packet of a type not expected here (e.g. a data packet where an acknowledgement belongs). */
    UNEXPECTED_PACKET_TYPE,
    /** A command packet with an instruction code this codec does not know. */
    UNKNOWN_INSTRUCTION,
    /** A payload of the wrong size or with out-of-range fields for its instruction. */
    BAD_PAYLOAD,
    /** No bytes or an invalid range was given. */
    INVALID_INPUT
}
