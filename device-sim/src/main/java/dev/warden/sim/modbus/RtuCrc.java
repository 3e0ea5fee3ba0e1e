package dev.warden.sim.modbus;

/**
 * The Modbus RTU check: CRC-16 with the reflected polynomial 0xA001, preset 0xFFFF, sent low byte first. Computed
 * bit by bit (the agent's codec uses a table), so a mistake in one does not hide in the other.
 */
final class RtuCrc {

    private RtuCrc() {}

    static int of(byte[] data, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                boolean lsb = (crc & 1) == 1;
                crc >>>= 1;
                if (lsb) {
                    crc ^= 0xA001;
                }
            }
        }
        return crc;
    }

    /** {@code true} if {@code data[from..to)} ends with the CRC of the bytes before it. */
    static boolean valid(byte[] data, int from, int to) {
        if (to - from < 4) {
            return false;
        }
        int crc = of(data, from, to - 2);
        return data[to - 2] == (byte) crc && data[to - 1] == (byte) (crc >> 8);
    }

    /** {@code unit + pdu + CRC}: a complete frame. */
    static byte[] frame(int unit, byte[] pdu) {
        byte[] frame = new byte[pdu.length + 3];
        frame[0] = (byte) unit;
        System.arraycopy(pdu, 0, frame, 1, pdu.length);
        int crc = of(frame, 0, frame.length - 2);
        frame[frame.length - 2] = (byte) crc;
        frame[frame.length - 1] = (byte) (crc >> 8);
        return frame;
    }
}
