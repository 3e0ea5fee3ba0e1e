package dev.warden.codec.osdp;

import dev.warden.codec.osdp.OsdpReadResult.Reason;
import dev.warden.codec.osdp.OsdpReadResult.Rejected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Incremental OSDP frame decoder for a byte stream that may hold line noise, truncated or corrupted frames. Feed it
 * bytes as they arrive; it returns the frames completed by those bytes and a rejection for everything else.
 *
 * <p>Resynchronisation: a candidate frame starts at SOM (0x53, an optional 0xFF mark before it is skipped). When a
 * candidate is rejected (bad LEN, bad CTRL, bad CRC or checksum) only its SOM is dropped and the bytes after it are
 * scanned again for the next SOM, so a truncated frame followed by a good one costs only the truncated one.
 *
 * <p>Bounded: LEN is capped (default {@link #MAX_FRAME_LENGTH}) and the reader never holds more than that many bytes;
 * feeding any amount of input uses constant memory besides the returned list. Never throws on any input. Not
 * thread-safe: one reader per stream.
 */
public final class OsdpFrameReader {

    /** The largest frame (SOM to check bytes) accepted by default. */
    public static final int MAX_FRAME_LENGTH = 1024;
    /** The smallest possible frame: header, code, 1-byte checksum. */
    static final int MIN_FRAME_LENGTH = OsdpFrameEncoder.HEADER_LENGTH + 1 + 1;

    private static final int SOM = OsdpFrameEncoder.SOM;
    private static final int MARK = OsdpFrameEncoder.MARK;

    private final int maxFrameLength;
    private final byte[] buffer;
    private int start;
    private int end;
    /** Bytes at {@code start} that belong to an already rejected candidate (not reported again as garbage). */
    private int quiet;
    /** Garbage bytes skipped since the last report. */
    private long skipped;

    /** A reader with the default cap of {@value #MAX_FRAME_LENGTH} bytes per frame. */
    public OsdpFrameReader() {
        this(MAX_FRAME_LENGTH);
    }

    /** A reader that rejects frames longer than {@code maxFrameLength} bytes (SOM to check bytes). */
    public OsdpFrameReader(int maxFrameLength) {
        if (maxFrameLength < 16 || maxFrameLength > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength must be 16.." + MAX_FRAME_LENGTH);
        }
        this.maxFrameLength = maxFrameLength;
        this.buffer = new byte[maxFrameLength];
    }

    /** Feeds all of {@code bytes}. */
    public List<OsdpReadResult> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /** Feeds {@code length} bytes of {@code bytes} from {@code offset}; returns what they completed, in order. */
    public List<OsdpReadResult> feed(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset/length outside the array");
        }
        List<OsdpReadResult> out = new ArrayList<>(2);
        int at = offset;
        int remaining = length;
        while (remaining > 0) {
            compact();
            int n = Math.min(remaining, buffer.length - end);
            System.arraycopy(bytes, at, buffer, end, n);
            end += n;
            at += n;
            remaining -= n;
            process(out);
        }
        return out;
    }

    /**
     * Ends the current input (a reply timeout, a closed line): a frame still incomplete is rejected as
     * {@link Reason#TRUNCATED}, the bytes after its SOM are scanned again (they may hold a whole frame), and pending
     * garbage is reported. Afterwards the reader is empty.
     */
    public List<OsdpReadResult> flush() {
        List<OsdpReadResult> out = new ArrayList<>(2);
        process(out);
        while (end > start) {
            out.add(new Rejected(Reason.TRUNCATED, (end - start) + " bytes of an incomplete frame"));
            dropCandidate(end - start);
            process(out);
        }
        reportGarbage(out);
        start = 0;
        end = 0;
        quiet = 0;
        return out;
    }

    /** Discards everything buffered without reporting it. */
    public void clear() {
        start = 0;
        end = 0;
        quiet = 0;
        skipped = 0;
    }

    /** Bytes held for an incomplete frame (never more than the cap). */
    public int buffered() {
        return end - start;
    }

    /** The largest frame this reader accepts. */
    public int maxFrameLength() {
        return maxFrameLength;
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    private void process(List<OsdpReadResult> out) {
        while (end > start) {
            if ((buffer[start] & 0xFF) != SOM) {
                hunt();
                continue;
            }
            int available = end - start;
            if (available < OsdpFrameEncoder.HEADER_LENGTH) {
                return;
            }
            reportGarbage(out);
            int length = (buffer[start + 2] & 0xFF) | (buffer[start + 3] & 0xFF) << 8;
            int control = buffer[start + 4] & 0xFF;
            if ((control & 0xF0) != 0) {
                out.add(new Rejected(Reason.BAD_CONTROL, "CTRL 0x" + Integer.toHexString(control) + " has reserved bits set"));
                dropCandidate(OsdpFrameEncoder.HEADER_LENGTH);
                continue;
            }
            boolean crc = (control & OsdpFrameEncoder.CTRL_CRC) != 0;
            boolean hasBlock = (control & OsdpFrameEncoder.CTRL_SECURITY_BLOCK) != 0;
            int minimum = MIN_FRAME_LENGTH + (crc ? 1 : 0) + (hasBlock ? 2 : 0);
            if (length < minimum || length > maxFrameLength) {
                out.add(new Rejected(Reason.BAD_LENGTH, "LEN " + length + " outside " + minimum + ".." + maxFrameLength));
                dropCandidate(OsdpFrameEncoder.HEADER_LENGTH);
                continue;
            }
            if (available < length) {
                return;
            }
            int covered = length - (crc ? 2 : 1);
            boolean checkOk = crc
                    ? OsdpCheck.crc16(buffer, start, covered)
                            == ((buffer[start + covered] & 0xFF) | (buffer[start + covered + 1] & 0xFF) << 8)
                    : OsdpCheck.checksum(buffer, start, covered) == (buffer[start + covered] & 0xFF);
            if (!checkOk) {
                out.add(new Rejected(crc ? Reason.BAD_CRC : Reason.BAD_CHECKSUM,
                        (crc ? "CRC" : "checksum") + " mismatch in a " + length + "-byte frame"));
                dropCandidate(length);
                continue;
            }
            out.add(parse(start, covered, control));
            consume(length);
        }
    }

    /** Skips bytes up to the next SOM, counting those that are neither the mark nor part of a rejected candidate. */
    private void hunt() {
        int i = start;
        while (i < end && (buffer[i] & 0xFF) != SOM) {
            if (quiet > 0) {
                quiet--;
            } else if ((buffer[i] & 0xFF) != MARK) {
                skipped++;
            }
            i++;
        }
        start = i;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    private void reportGarbage(List<OsdpReadResult> out) {
        if (skipped > 0) {
            out.add(new Rejected(Reason.GARBAGE, skipped + " byte(s) outside any frame skipped"));
            skipped = 0;
        }
    }

    /** Rejects the candidate at {@code start}: drops its SOM; its other {@code length - 1} bytes get scanned again. */
    private void dropCandidate(int length) {
        start++;
        quiet = Math.max(quiet - 1, length - 1);
    }

    private void consume(int length) {
        start += length;
        quiet = Math.max(0, quiet - length);
    }

    private OsdpReadResult parse(int from, int covered, int control) {
        int limit = from + covered;
        int at = from + OsdpFrameEncoder.HEADER_LENGTH;
        Optional<SecurityBlock> block = Optional.empty();
        if ((control & OsdpFrameEncoder.CTRL_SECURITY_BLOCK) != 0) {
            int blockLength = buffer[at] & 0xFF;
            if (blockLength < 2 || at + blockLength >= limit) {
                return new Rejected(Reason.BAD_SECURITY_BLOCK, "security block length " + blockLength);
            }
            int type = buffer[at + 1] & 0xFF;
            if (type < SecurityBlock.SCS_11 || type > SecurityBlock.SCS_18) {
                return new Rejected(Reason.BAD_SECURITY_BLOCK, "security block type 0x" + Integer.toHexString(type));
            }
            block = Optional.of(new SecurityBlock(type, Arrays.copyOfRange(buffer, at + 2, at + blockLength)));
            at += blockLength;
        }
        int macLength = block.map(SecurityBlock::hasMac).orElse(false) ? OsdpFrame.MAC_LENGTH : 0;
        if (at + 1 + macLength > limit) {
            return new Rejected(Reason.BAD_SECURITY_BLOCK, "no room for the code and the MAC");
        }
        int address = buffer[from + 1] & 0x7F;
        boolean reply = (buffer[from + 1] & 0x80) != 0;
        int code = buffer[at] & 0xFF;
        byte[] data = Arrays.copyOfRange(buffer, at + 1, limit - macLength);
        byte[] mac = Arrays.copyOfRange(buffer, limit - macLength, limit);
        return new OsdpReadResult.Frame(new OsdpFrame(address, reply, control & OsdpFrameEncoder.CTRL_SEQUENCE,
                (control & OsdpFrameEncoder.CTRL_CRC) != 0, block, code, data, mac));
    }
}
