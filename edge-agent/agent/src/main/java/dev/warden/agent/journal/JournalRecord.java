package dev.warden.agent.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The journal's record format, a pure codec (no I/O). A record is, big-endian:
 *
 * <pre>
 * offset 0  u32  payload length L (1..{@value #MAX_PAYLOAD})
 * offset 4  u32  CRC32C over bytes 0..3 (the length), 8..15 (the sequence) and the payload
 * offset 8  i64  event sequence number (&ge; 1)
 * offset 16 L bytes payload (the event as contract JSON)
 * </pre>
 *
 * <p>{@link #decode} returns a {@link Decoded} value, never throws on bad bytes: a {@link Decoded.Record}, an
 * {@link Decoded.Incomplete} record (fewer bytes than its header or its length says: a torn write at the tail), or
 * an {@link Decoded.Invalid} one (impossible length, CRC mismatch, sequence &lt; 1). {@link #scan} reads a whole
 * segment the way recovery does: valid records in increasing sequence order, a corrupt region with valid records
 * behind it skipped (never the valid records), and the first offset from which nothing valid follows (the tail to
 * truncate).
 */
public final class JournalRecord {

    public static final int HEADER = 16;
    /** Largest payload a record may hold: four times the contract's 16 KiB payload limit. */
    public static final int MAX_PAYLOAD = 64 * 1024;

    private JournalRecord() {}

    /** What {@link #decode} found at an offset. */
    public sealed interface Decoded {
        /** A valid record; {@code size} = header + payload. */
        record Record(long seq, byte[] payload, int size) implements Decoded {}

        /** Fewer bytes than the record needs: {@code available} of {@code needed}. */
        record Incomplete(int available, int needed) implements Decoded {}

        /** Bytes that cannot be a record. */
        record Invalid(String reason) implements Decoded {}
    }

    /** A record's bytes. */
    public static byte[] encode(long seq, byte[] payload) {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1");
        }
        if (payload.length < 1 || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload must be 1.." + MAX_PAYLOAD + " bytes, not " + payload.length);
        }
        byte[] out = new byte[HEADER + payload.length];
        putInt(out, 0, payload.length);
        putLong(out, 8, seq);
        System.arraycopy(payload, 0, out, HEADER, payload.length);
        putInt(out, 4, crc(out, 0, payload.length));
        return out;
    }

    /** Decodes the record at {@code offset} of {@code data}, using bytes up to {@code limit} (exclusive). */
    public static Decoded decode(byte[] data, int offset, int limit) {
        int available = limit - offset;
        if (available < HEADER) {
            return new Decoded.Incomplete(Math.max(available, 0), HEADER);
        }
        long length = getInt(data, offset) & 0xFFFF_FFFFL;
        if (length < 1 || length > MAX_PAYLOAD) {
            return new Decoded.Invalid("impossible payload length " + length);
        }
        int size = HEADER + (int) length;
        if (available < size) {
            return new Decoded.Incomplete(available, size);
        }
        long seq = getLong(data, offset + 8);
        if (seq < 1) {
            return new Decoded.Invalid("sequence " + seq + " < 1");
        }
        int stored = getInt(data, offset + 4);
        int computed = crc(data, offset, (int) length);
        if (stored != computed) {
            return new Decoded.Invalid("CRC32C mismatch");
        }
        byte[] payload = new byte[(int) length];
        System.arraycopy(data, offset + HEADER, payload, 0, (int) length);
        return new Decoded.Record(seq, payload, size);
    }

    /**
     * The outcome of scanning a segment.
     *
     * @param records the valid records, in order (sequence strictly increasing, each greater than the scan's
     *     {@code afterSeq})
     * @param offsets where each of {@code records} starts
     * @param validEnd the end of the last valid record: everything from here on is a torn or corrupt tail
     * @param skipped corrupt regions {@code [from, to)} with valid records behind them (not truncated)
     * @param tail what was wrong at {@code validEnd} when bytes follow it, else {@code null}
     */
    public record Scan(List<Decoded.Record> records, List<Integer> offsets, int validEnd, List<int[]> skipped, Decoded tail) {
        public long lastSeq(long otherwise) {
            return records.isEmpty() ? otherwise : records.getLast().seq();
        }
    }

    /**
     * Reads {@code data[0, limit)} as a segment. A record that is not valid, or whose sequence does not exceed the
     * previous one, starts a bad region; if a valid record with a higher sequence follows somewhere behind it, the
     * region is skipped and scanning goes on there; otherwise the region is the tail.
     */
    public static Scan scan(byte[] data, int limit, long afterSeq) {
        List<Decoded.Record> records = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        List<int[]> skipped = new ArrayList<>();
        long last = afterSeq;
        int offset = 0;
        int validEnd = 0;
        Decoded tail = null;
        while (offset < limit) {
            Decoded d = decode(data, offset, limit);
            if (d instanceof Decoded.Record r && r.seq() > last) {
                records.add(r);
                offsets.add(offset);
                last = r.seq();
                offset += r.size();
                validEnd = offset;
                continue;
            }
            int next = resync(data, offset + 1, limit, last);
            if (next < 0) {
                tail = d instanceof Decoded.Record r ? new Decoded.Invalid("sequence " + r.seq() + " does not follow " + last) : d;
                break;
            }
            skipped.add(new int[] {offset, next});
            offset = next;
        }
        return new Scan(List.copyOf(records), List.copyOf(offsets), validEnd, List.copyOf(skipped), tail);
    }

    /** The first offset in {@code [from, limit)} holding a valid record with a sequence above {@code afterSeq}, or -1. */
    static int resync(byte[] data, int from, int limit, long afterSeq) {
        for (int o = from; o + HEADER <= limit; o++) {
            if (decode(data, o, limit) instanceof Decoded.Record r && r.seq() > afterSeq) {
                return o;
            }
        }
        return -1;
    }

    private static int crc(byte[] record, int offset, int payloadLength) {
        CRC32C crc = new CRC32C();
        crc.update(record, offset, 4);
        crc.update(record, offset + 8, 8 + payloadLength);
        return (int) crc.getValue();
    }

    static int getInt(byte[] b, int o) {
        return ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
    }

    static long getLong(byte[] b, int o) {
        return ((long) getInt(b, o) << 32) | (getInt(b, o + 4) & 0xFFFF_FFFFL);
    }

    private static void putInt(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24);
        b[o + 1] = (byte) (v >>> 16);
        b[o + 2] = (byte) (v >>> 8);
        b[o + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int o, long v) {
        putInt(b, o, (int) (v >>> 32));
        putInt(b, o + 4, (int) v);
    }
}
