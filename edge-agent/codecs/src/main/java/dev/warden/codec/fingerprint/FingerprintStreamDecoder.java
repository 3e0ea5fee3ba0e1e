package dev.warden.codec.fingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Incremental decoder for a byte stream from (or to) a fingerprint module. Feed it whatever the line delivered;
 * it returns the packets that became complete and the bytes it had to drop, each with its reason.
 *
 * <p>Resynchronisation: a packet starts at {@code EF 01}. Bytes before a header are {@link RejectReason#GARBAGE}.
 * A header with an unknown packet id, an impossible length or a wrong checksum is rejected and the search for the
 * next header restarts one byte after it, so a genuine packet that follows a truncated one is still found.
 * The bytes skipped while resynchronising after such a rejection are not reported again as garbage.
 *
 * <p>Bounded: the decoder never holds more than {@link FingerprintPacket#MAX_PACKET} bytes. Never throws, never
 * returns null. Not thread-safe (one per line).
 */
public final class FingerprintStreamDecoder {

    private final byte[] buffer = new byte[FingerprintPacket.MAX_PACKET];
    private int size;
    /** After a rejected header: the following non-header bytes belong to that rejection. */
    private boolean resynchronising;

    /** Feeds all of {@code data}. */
    public List<StreamEvent> feed(byte[] data) {
        if (data == null) {
            return List.of(new StreamEvent.Rejected(RejectReason.INVALID_INPUT, "no data", 0));
        }
        return feed(data, 0, data.length);
    }

    /** Feeds {@code length} bytes of {@code data} from {@code offset}. */
    public List<StreamEvent> feed(byte[] data, int offset, int length) {
        if (data == null || offset < 0 || length < 0 || offset > data.length - length) {
            return List.of(new StreamEvent.Rejected(RejectReason.INVALID_INPUT, "invalid data range", 0));
        }
        List<StreamEvent> events = new ArrayList<>();
        int position = offset;
        int end = offset + length;
        while (position < end) {
            int chunk = Math.min(buffer.length - size, end - position);
            System.arraycopy(data, position, buffer, size, chunk);
            size += chunk;
            position += chunk;
            parse(events);
        }
        return events;
    }

    /** Drops everything buffered (after a reply timeout, before a retry). */
    public void reset() {
        size = 0;
        resynchronising = false;
    }

    /** Bytes held for a packet not yet complete. */
    public int buffered() {
        return size;
    }

    private void parse(List<StreamEvent> events) {
        while (size > 0) {
            int start = findHeader();
            if (start > 0) {
                if (!resynchronising) {
                    events.add(new StreamEvent.Rejected(RejectReason.GARBAGE,
                            start + " byte(s) outside any packet", start));
                }
                drop(start);
            }
            if (size < 2 || (buffer[0] & 0xFF) != FingerprintPacket.HEADER_1
                    || (buffer[1] & 0xFF) != FingerprintPacket.HEADER_2) {
                return; // empty, or a lone EF waiting for its second byte
            }
            resynchronising = false;
            if (size < FingerprintPacket.HEAD_LENGTH) {
                return;
            }
            int typeId = buffer[6] & 0xFF;
            int length = ((buffer[7] & 0xFF) << 8) | (buffer[8] & 0xFF);
            PacketType type = PacketType.of(typeId).orElse(null);
            if (type == null) {
                rejectHeader(events, RejectReason.UNKNOWN_PACKET_TYPE,
                        "packet id 0x" + hex(typeId) + " is not 01, 02, 07 or 08");
                continue;
            }
            if (length < FingerprintPacket.CHECKSUM_LENGTH
                    || length > FingerprintPacket.MAX_PAYLOAD + FingerprintPacket.CHECKSUM_LENGTH) {
                rejectHeader(events, RejectReason.BAD_LENGTH, "length " + length + " is outside 2.."
                        + (FingerprintPacket.MAX_PAYLOAD + FingerprintPacket.CHECKSUM_LENGTH));
                continue;
            }
            int total = FingerprintPacket.HEAD_LENGTH + length;
            if (size < total) {
                return;
            }
            int sum = 0;
            for (int i = 6; i < total - 2; i++) {
                sum += buffer[i] & 0xFF;
            }
            sum &= 0xFFFF;
            int received = ((buffer[total - 2] & 0xFF) << 8) | (buffer[total - 1] & 0xFF);
            if (sum != received) {
                rejectHeader(events, RejectReason.BAD_CHECKSUM, type + " packet of length " + length
                        + ": checksum 0x" + hex4(received) + ", computed 0x" + hex4(sum));
                continue;
            }
            long address = ((long) (buffer[2] & 0xFF) << 24) | ((buffer[3] & 0xFF) << 16)
                    | ((buffer[4] & 0xFF) << 8) | (buffer[5] & 0xFF);
            byte[] payload = new byte[length - FingerprintPacket.CHECKSUM_LENGTH];
            System.arraycopy(buffer, FingerprintPacket.HEAD_LENGTH, payload, 0, payload.length);
            events.add(new StreamEvent.Packet(new FingerprintPacket(address, type, payload)));
            drop(total);
        }
    }

    /** Rejects the header at the start of the buffer and resumes the search one byte later. */
    private void rejectHeader(List<StreamEvent> events, RejectReason reason, String detail) {
        events.add(new StreamEvent.Rejected(reason, detail, 1));
        drop(1);
        resynchronising = true;
    }

    /** Index of the first {@code EF 01} (or of a trailing lone {@code EF}); {@code size} if there is none. */
    private int findHeader() {
        for (int i = 0; i < size; i++) {
            if ((buffer[i] & 0xFF) == FingerprintPacket.HEADER_1
                    && (i + 1 == size || (buffer[i + 1] & 0xFF) == FingerprintPacket.HEADER_2)) {
                return i;
            }
        }
        return size;
    }

    private void drop(int count) {
        System.arraycopy(buffer, count, buffer, 0, size - count);
        size -= count;
    }

    private static String hex(int value) {
        return String.format("%02X", value);
    }

    private static String hex4(int value) {
        return String.format("%04X", value);
    }
}
