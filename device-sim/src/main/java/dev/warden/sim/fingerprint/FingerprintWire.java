package dev.warden.sim.fingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's own packet code for the fingerprint module protocol: {@code EF 01}, address (4), packet id (1),
 * length (2, = payload + 2), payload, checksum (2, low 16 bits of the sum of packet id, length bytes and payload);
 * big-endian. Independent of the agent's codec on purpose.
 */
final class FingerprintWire {

    static final int COMMAND = 0x01;
    static final int ACK = 0x07;
    private static final int MAX_LENGTH = 256 + 2;
    private static final int HEAD = 9;

    private FingerprintWire() {
    }

    /** A packet from the host: its address, packet id and payload, and whether its checksum held. */
    record Incoming(long address, int packetId, byte[] payload, boolean checksumOk) {}

    static byte[] encode(long address, int packetId, byte[] payload) {
        int length = payload.length + 2;
        byte[] out = new byte[HEAD + payload.length + 2];
        out[0] = (byte) 0xEF;
        out[1] = 0x01;
        for (int i = 0; i < 4; i++) {
            out[2 + i] = (byte) (address >>> (24 - 8 * i));
        }
        out[6] = (byte) packetId;
        out[7] = (byte) (length >> 8);
        out[8] = (byte) length;
        int sum = packetId + (length >> 8) + (length & 0xFF);
        for (int i = 0; i < payload.length; i++) {
            out[HEAD + i] = payload[i];
            sum += payload[i] & 0xFF;
        }
        out[out.length - 2] = (byte) (sum >> 8);
        out[out.length - 1] = (byte) sum;
        return out;
    }

    /**
     * Splits bytes from the host into packets. Keeps at most one packet's worth of bytes; skips noise up to the next
     * {@code EF 01}; a header with an impossible length is skipped. A packet with a wrong checksum is still returned
     * (flagged), because a module answers it with "packet receive error".
     */
    static final class Reader {
        private final byte[] buffer = new byte[HEAD + MAX_LENGTH];
        private int size;
        private long skipped;

        List<Incoming> feed(byte[] data, int length) {
            List<Incoming> packets = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (size == buffer.length) {
                    drop(1);
                }
                buffer[size++] = data[i];
                Incoming packet = tryPacket();
                if (packet != null) {
                    packets.add(packet);
                }
            }
            return packets;
        }

        /** Bytes dropped as noise so far. */
        long skipped() {
            return skipped;
        }

        void clear() {
            size = 0;
        }

        private Incoming tryPacket() {
            while (size > 0) {
                if ((buffer[0] & 0xFF) != 0xEF || (size > 1 && buffer[1] != 0x01)) {
                    drop(1);
                    continue;
                }
                if (size < HEAD) {
                    return null;
                }
                int length = ((buffer[7] & 0xFF) << 8) | (buffer[8] & 0xFF);
                if (length < 2 || length > MAX_LENGTH) {
                    drop(1);
                    continue;
                }
                if (size < HEAD + length) {
                    return null;
                }
                long address = 0;
                for (int i = 0; i < 4; i++) {
                    address = (address << 8) | (buffer[2 + i] & 0xFF);
                }
                int packetId = buffer[6] & 0xFF;
                int sum = packetId + (length >> 8) + (length & 0xFF);
                byte[] payload = new byte[length - 2];
                for (int i = 0; i < payload.length; i++) {
                    payload[i] = buffer[HEAD + i];
                    sum += payload[i] & 0xFF;
                }
                int end = HEAD + length;
                int received = ((buffer[end - 2] & 0xFF) << 8) | (buffer[end - 1] & 0xFF);
                boolean ok = (sum & 0xFFFF) == received;
                if (ok) {
                    shift(end);
                } else {
                    // maybe a truncated packet with the next one behind it: resume one byte later
                    drop(1);
                }
                return new Incoming(address, packetId, payload, ok);
            }
            return null;
        }

        private void drop(int count) {
            shift(count);
            skipped += count;
        }

        private void shift(int count) {
            System.arraycopy(buffer, count, buffer, 0, size - count);
            size -= count;
        }
    }
}
