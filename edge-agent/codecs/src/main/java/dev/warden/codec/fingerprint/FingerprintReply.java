package dev.warden.codec.fingerprint;

/**
 * A typed module → host acknowledgement. Every reply carries the raw confirmation byte; {@link #code()} names it.
 * A reply with a code other than {@link ConfirmationCode#OK} may carry zeros in its result fields (modules differ in
 * whether they send them).
 */
public sealed interface FingerprintReply {

    /** The confirmation byte as sent, 0..255. */
    int codeByte();

    /** The documented meaning of {@link #codeByte()}, or {@link ConfirmationCode#UNDOCUMENTED}. */
    default ConfirmationCode code() {
        return ConfirmationCode.of(codeByte());
    }

    /** {@code true} when the code is {@link ConfirmationCode#OK}. */
    default boolean ok() {
        return codeByte() == ConfirmationCode.OK.code();
    }

    /**
     * A reply that is only a confirmation code: VfyPwd, GenImg, Img2Tz, RegModel, Store, DeletChar, Empty,
     * HandShake.
     */
    record Status(int codeByte) implements FingerprintReply {
        public Status {
            requireByte(codeByte);
        }
    }

    /** Reply to Search: the page of the matching template and the match score. */
    record SearchResult(int codeByte, int pageId, int score) implements FingerprintReply {
        public SearchResult {
            requireByte(codeByte);
            requireU16(pageId, "pageId");
            requireU16(score, "score");
        }
    }

    /** Reply to Match: the score of buffers 1 against 2. */
    record MatchScore(int codeByte, int score) implements FingerprintReply {
        public MatchScore {
            requireByte(codeByte);
            requireU16(score, "score");
        }
    }

    /** Reply to TemplateNum: how many templates the library holds. */
    record TemplateCount(int codeByte, int count) implements FingerprintReply {
        public TemplateCount {
            requireByte(codeByte);
            requireU16(count, "count");
        }
    }

    /**
     * Reply to ReadSysPara.
     *
     * @param statusRegister  busy / pass / password verified / image buffer flags
     * @param systemId        system identifier code
     * @param librarySize     number of template pages
     * @param securityLevel   1..5
     * @param deviceAddress   the module address
     * @param packetSizeCode  0..3 = 32, 64, 128, 256 bytes per data packet
     * @param baudMultiplier  baud rate = 9600 × this
     */
    record SystemParameters(int codeByte, int statusRegister, int systemId, int librarySize, int securityLevel,
            long deviceAddress, int packetSizeCode, int baudMultiplier) implements FingerprintReply {
        public SystemParameters {
            requireByte(codeByte);
            requireU16(statusRegister, "statusRegister");
            requireU16(systemId, "systemId");
            requireU16(librarySize, "librarySize");
            requireU16(securityLevel, "securityLevel");
            if (deviceAddress < 0 || deviceAddress > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("deviceAddress must be 0..0xFFFFFFFF");
            }
            requireU16(packetSizeCode, "packetSizeCode");
            requireU16(baudMultiplier, "baudMultiplier");
        }

        /** Bytes per data packet (32 << code), for codes 0..3; 0 for another code. */
        public int packetSize() {
            return packetSizeCode <= 3 ? 32 << packetSizeCode : 0;
        }
    }

    private static void requireByte(int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("confirmation code must be 0..255: " + value);
        }
    }

    private static void requireU16(int value, String name) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be 0..65535: " + value);
        }
    }
}
