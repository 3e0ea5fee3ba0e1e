package dev.warden.codec.modbus;

/**
 * CRC-16/MODBUS: reflected polynomial 0xA001 (0x8005), initial value 0xFFFF, no final XOR, appended to a frame low
 * byte first. Table-driven.
 */
public final class ModbusCrc {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private ModbusCrc() {}

    /** The CRC of {@code length} bytes of {@code data} from {@code offset}, as an unsigned 16-bit value. */
    public static int compute(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }

    /** {@code true} when the last two of {@code length} bytes from {@code offset} are the CRC of the bytes before them. */
    public static boolean matches(byte[] data, int offset, int length) {
        if (length < 3) {
            return false;
        }
        int crc = compute(data, offset, length - 2);
        return (data[offset + length - 2] & 0xFF) == (crc & 0xFF) && (data[offset + length - 1] & 0xFF) == (crc >>> 8);
    }

    /** A copy of {@code body} with its CRC appended, low byte first: a complete RTU frame. */
    public static byte[] append(byte[] body) {
        byte[] frame = new byte[body.length + 2];
        System.arraycopy(body, 0, frame, 0, body.length);
        int crc = compute(body, 0, body.length);
        frame[body.length] = (byte) crc;
        frame[body.length + 1] = (byte) (crc >>> 8);
        return frame;
    }
}
