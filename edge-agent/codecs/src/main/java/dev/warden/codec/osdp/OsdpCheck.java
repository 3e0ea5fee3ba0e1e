package dev.warden.codec.osdp;

/**
 * The two OSDP message check algorithms: CRC-16 (polynomial 0x1021, initial value 0x1D0F, not reflected, no final
 * XOR; sent low byte first) and the 8-bit checksum (two's complement of the byte sum). Both cover the frame from SOM
 * to the byte before the check, never the leading 0xFF mark.
 */
public final class OsdpCheck {

    private static final int POLYNOMIAL = 0x1021;
    private static final int INITIAL = 0x1D0F;

    private OsdpCheck() {}

    /** CRC-16 of {@code length} bytes of {@code bytes} from {@code offset}, as an unsigned 16-bit value. */
    public static int crc16(byte[] bytes, int offset, int length) {
        int crc = INITIAL;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (bytes[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    /** The 8-bit checksum: the value that makes the byte sum of the covered bytes and itself zero modulo 256. */
    public static int checksum(byte[] bytes, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += bytes[i] & 0xFF;
        }
        return -sum & 0xFF;
    }
}
