package dev.warden.sim.osdp;

/**
 * The two OSDP message check modes: CRC-16 (polynomial 0x1021, initial value 0x1D0F, no reflection, sent low byte
 * first) and the 8-bit checksum (two's complement of the byte sum). Both run over the frame from SOM to the last byte
 * before the check; the optional 0xFF mark byte is never included.
 */
final class OsdpChecks {

    private OsdpChecks() {
    }

    static int crc16(byte[] data, int offset, int length) {
        int crc = 0x1D0F;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    static int checksum(byte[] data, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += data[i] & 0xFF;
        }
        return (-sum) & 0xFF;
    }
}
