package dev.warden.codec.fingerprint;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One packet of the fingerprint module protocol (without header, length and checksum, which follow from it).
 *
 * @param address the module address, 0..0xFFFFFFFF (default 0xFFFFFFFF)
 * @param type    what the packet carries
 * @param payload the payload, at most {@link #MAX_PAYLOAD} bytes (copied in and out)
 */
public record FingerprintPacket(long address, PacketType type, byte[] payload) {

    /** The header bytes that start every packet. */
    public static final int HEADER_1 = 0xEF;
    public static final int HEADER_2 = 0x01;
    /** The default module address. */
    public static final long DEFAULT_ADDRESS = 0xFFFF_FFFFL;
    /** The largest payload: a data packet of the largest packet size (256 bytes). */
    public static final int MAX_PAYLOAD = 256;
    /** Header (2) + address (4) + packet id (1) + length (2). */
    public static final int HEAD_LENGTH = 9;
    /** Bytes of the checksum. */
    public static final int CHECKSUM_LENGTH = 2;
    /** The largest packet on the wire. */
    public static final int MAX_PACKET = HEAD_LENGTH + MAX_PAYLOAD + CHECKSUM_LENGTH;

    public FingerprintPacket {
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("address must be 0..0xFFFFFFFF: " + address);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload byte at {@code index} as 0..255. */
    public int payloadByte(int index) {
        return payload[index] & 0xFF;
    }

    /** The payload length. */
    public int payloadLength() {
        return payload.length;
    }

    /** The checksum of this packet: low 16 bits of the sum of the packet id, the length bytes and the payload. */
    public int checksum() {
        int length = payload.length + CHECKSUM_LENGTH;
        int sum = type.id() + (length >>> 8) + (length & 0xFF);
        for (byte b : payload) {
            sum += b & 0xFF;
        }
        return sum & 0xFFFF;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FingerprintPacket that
                && address == that.address && type == that.type && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, type, Arrays.hashCode(payload));
    }

    /** Shows the address and type, and the payload length only: a VfyPwd payload holds a password. */
    @Override
    public String toString() {
        return "FingerprintPacket[address=" + HexFormat.of().toHexDigits((int) address) + ", type=" + type
                + ", payloadBytes=" + payload.length + "]";
    }
}
