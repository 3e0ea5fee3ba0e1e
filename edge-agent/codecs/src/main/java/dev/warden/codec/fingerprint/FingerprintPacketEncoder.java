package dev.warden.codec.fingerprint;

/** Encodes a {@link FingerprintPacket} to its bytes on the wire. Stateless. */
public final class FingerprintPacketEncoder {

    private FingerprintPacketEncoder() {
    }

    /** {@code EF 01}, address, packet id, length (payload + 2), payload, checksum; big-endian. */
    public static byte[] encode(FingerprintPacket packet) {
        byte[] payload = packet.payload();
        int length = payload.length + FingerprintPacket.CHECKSUM_LENGTH;
        byte[] out = new byte[FingerprintPacket.HEAD_LENGTH + length];
        out[0] = (byte) FingerprintPacket.HEADER_1;
        out[1] = (byte) FingerprintPacket.HEADER_2;
        long address = packet.address();
        out[2] = (byte) (address >>> 24);
        out[3] = (byte) (address >>> 16);
        out[4] = (byte) (address >>> 8);
        out[5] = (byte) address;
        out[6] = (byte) packet.type().id();
        out[7] = (byte) (length >>> 8);
        out[8] = (byte) length;
        System.arraycopy(payload, 0, out, FingerprintPacket.HEAD_LENGTH, payload.length);
        int checksum = packet.checksum();
        out[out.length - 2] = (byte) (checksum >>> 8);
        out[out.length - 1] = (byte) checksum;
        return out;
    }
}
