package dev.warden.codec.osdp;

/** The error codes of osdp_NAK (the first data byte). */
public enum OsdpNakCode {
    /** 0x00: no error given. */
    NONE(0x00),
    /** 0x01: message check character(s) error (bad checksum or CRC). */
    MESSAGE_CHECK(0x01),
    /** 0x02: command length error. */
    COMMAND_LENGTH(0x02),
    /** 0x03: unknown command code (not implemented by the PD). */
    UNKNOWN_COMMAND(0x03),
    /** 0x04: unexpected sequence number. */
    SEQUENCE(0x04),
    /** 0x05: the PD does not support the security block received. */
    SECURITY_BLOCK_UNSUPPORTED(0x05),
    /** 0x06: encrypted communication required (Secure Channel conditions not met). */
    SECURE_CHANNEL_REQUIRED(0x06),
    /** 0x07: BIO_TYPE not supported. */
    BIO_TYPE_UNSUPPORTED(0x07),
    /** 0x08: BIO_FORMAT not supported. */
    BIO_FORMAT_UNSUPPORTED(0x08),
    /** 0x09: unable to process the command record. */
    UNABLE_TO_PROCESS(0x09),
    /** Any other value. */
    OTHER(-1);

    private final int code;

    OsdpNakCode(int code) {
        this.code = code;
    }

    /** The wire value (-1 for {@link #OTHER}). */
    public int code() {
        return code;
    }

    /** The constant for a wire value; {@link #OTHER} for unknown values. */
    public static OsdpNakCode of(int value) {
        for (OsdpNakCode c : values()) {
            if (c.code == value) {
                return c;
            }
        }
        return OTHER;
    }
}
