package dev.warden.sim.osdp;

import java.util.function.Function;

/**
 * One OSDP frame as it was on the wire (command from the control panel, or a reply this simulator builds).
 *
 * <pre>
 * [FF mark] 53 SOM | address (bit 7 set on replies) | LEN lo hi (SOM..check, mark excluded) | CTRL
 * | [security block: length, type, data...] | code | data | [MAC, 4 bytes, types 0x15..0x18] | CRC lo hi, or checksum
 * </pre>
 *
 * CTRL: bits 0-1 sequence number, bit 2 CRC-16 (else one checksum byte), bit 3 security block present.
 *
 * @param mark          whether a 0xFF mark byte preceded SOM
 * @param addressByte   the raw address byte (bit 7 set on replies)
 * @param sequence      0..3
 * @param crc           CRC-16 mode (else checksum mode)
 * @param securityBlock the whole security block (length byte, type byte, data), or null when absent
 * @param code          the command or reply code
 * @param data          the data after the code, as transmitted (still encrypted for types 0x17/0x18)
 * @param mac           the 4 MAC bytes, or null for frames without a MAC
 * @param macInput      the bytes the MAC covers: SOM up to (excluding) the MAC, or up to the check when no MAC
 */
record OsdpFrame(boolean mark, int addressByte, int sequence, boolean crc, byte[] securityBlock, int code,
                 byte[] data, byte[] mac, byte[] macInput) {

    static final int SOM = 0x53;
    static final int MARK = 0xFF;
    static final int BROADCAST = 0x7F;
    static final int HEADER = 5;

    int address() {
        return addressByte & 0x7F;
    }

    boolean isReply() {
        return (addressByte & 0x80) != 0;
    }

    /** The security block type (0x11..0x18), or -1 without a security block. */
    int securityType() {
        return securityBlock == null ? -1 : securityBlock[1] & 0xFF;
    }

    /** True for the security block types that carry a MAC (0x15..0x18). */
    static boolean hasMac(int securityType) {
        return securityType >= 0x15 && securityType <= 0x18;
    }

    /**
     * Builds a complete frame. When {@code macOf} is given, LEN already counts the 4 MAC bytes, the function receives
     * the bytes from SOM up to the MAC and returns at least 4 bytes, of which the first 4 are sent.
     */
    static byte[] build(boolean mark, int addressByte, int sequence, boolean crc, byte[] securityBlock, int code,
                        byte[] data, Function<byte[], byte[]> macOf) {
        int scbLength = securityBlock == null ? 0 : securityBlock.length;
        int macLength = macOf == null ? 0 : 4;
        int checkLength = crc ? 2 : 1;
        int length = HEADER + scbLength + 1 + data.length + macLength + checkLength;
        byte[] body = new byte[length - checkLength - macLength];
        body[0] = (byte) SOM;
        body[1] = (byte) addressByte;
        body[2] = (byte) length;
        body[3] = (byte) (length >>> 8);
        body[4] = (byte) ((sequence & 0x03) | (crc ? 0x04 : 0) | (securityBlock == null ? 0 : 0x08));
        int pos = HEADER;
        if (securityBlock != null) {
            System.arraycopy(securityBlock, 0, body, pos, scbLength);
            pos += scbLength;
        }
        body[pos++] = (byte) code;
        System.arraycopy(data, 0, body, pos, data.length);

        int start = mark ? 1 : 0;
        byte[] out = new byte[start + length];
        if (mark) {
            out[0] = (byte) MARK;
        }
        System.arraycopy(body, 0, out, start, body.length);
        int pos2 = start + body.length;
        if (macOf != null) {
            byte[] mac = macOf.apply(body);
            System.arraycopy(mac, 0, out, pos2, 4);
            pos2 += 4;
        }
        if (crc) {
            int value = OsdpChecks.crc16(out, start, pos2 - start);
            out[pos2] = (byte) value;
            out[pos2 + 1] = (byte) (value >>> 8);
        } else {
            out[pos2] = (byte) OsdpChecks.checksum(out, start, pos2 - start);
        }
        return out;
    }
}
