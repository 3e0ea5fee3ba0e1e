package dev.warden.codec.osdp;

/**
 * Writes {@link OsdpFrame}s to bytes: the 0xFF mark, then SOM .. check bytes with LEN and CTRL computed from the
 * fields. Pure; throws only when a frame cannot be expressed (longer than {@link OsdpFrameReader#MAX_FRAME_LENGTH}).
 */
public final class OsdpFrameEncoder {

    /** The mark byte sent before SOM. */
    public static final int MARK = 0xFF;
    /** Start of message. */
    public static final int SOM = 0x53;

    static final int CTRL_SEQUENCE = 0x03;
    static final int CTRL_CRC = 0x04;
    static final int CTRL_SECURITY_BLOCK = 0x08;
    static final int HEADER_LENGTH = 5;

    private OsdpFrameEncoder() {}

    /** The frame on the wire, with the leading 0xFF mark. */
    public static byte[] encode(OsdpFrame frame) {
        byte[] body = encodeWithoutMark(frame);
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) MARK;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /** The frame from SOM to the last check byte (what LEN counts and the check covers, plus the check). */
    public static byte[] encodeWithoutMark(OsdpFrame frame) {
        int checkLength = frame.crc() ? 2 : 1;
        byte[] head = macInput(frame, frame.mac().length);
        int total = head.length + frame.mac().length + checkLength;
        byte[] out = new byte[total];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(frame.mac(), 0, out, head.length, frame.mac().length);
        int covered = total - checkLength;
        if (frame.crc()) {
            int crc = OsdpCheck.crc16(out, 0, covered);
            out[covered] = (byte) crc;
            out[covered + 1] = (byte) (crc >>> 8);
        } else {
            out[covered] = (byte) OsdpCheck.checksum(out, 0, covered);
        }
        return out;
    }

    /**
     * The bytes a Secure Channel MAC covers: SOM through the last data byte, with LEN already counting the 4 MAC bytes
     * and the check bytes that follow.
     */
    public static byte[] macInput(OsdpFrame frame) {
        return macInput(frame, OsdpFrame.MAC_LENGTH);
    }

    private static byte[] macInput(OsdpFrame frame, int macLength) {
        int checkLength = frame.crc() ? 2 : 1;
        byte[] block = frame.securityBlock().map(SecurityBlock::data).orElse(null);
        int blockLength = block == null ? 0 : 2 + block.length;
        int headLength = HEADER_LENGTH + blockLength + 1 + frame.dataLength();
        int total = headLength + macLength + checkLength;
        if (total > OsdpFrameReader.MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("frame too long: " + total + " bytes");
        }
        byte[] out = new byte[headLength];
        out[0] = (byte) SOM;
        out[1] = (byte) (frame.address() | (frame.reply() ? 0x80 : 0));
        out[2] = (byte) total;
        out[3] = (byte) (total >>> 8);
        out[4] = (byte) (frame.sequence() | (frame.crc() ? CTRL_CRC : 0) | (block != null ? CTRL_SECURITY_BLOCK : 0));
        int at = HEADER_LENGTH;
        if (block != null) {
            out[at++] = (byte) blockLength;
            out[at++] = (byte) frame.securityBlock().orElseThrow().type();
            System.arraycopy(block, 0, out, at, block.length);
            at += block.length;
        }
        out[at++] = (byte) frame.code();
        System.arraycopy(frame.data(), 0, out, at, frame.dataLength());
        return out;
    }
}
