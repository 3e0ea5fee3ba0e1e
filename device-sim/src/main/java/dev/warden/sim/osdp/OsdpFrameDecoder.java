package dev.warden.sim.osdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental OSDP frame decoder for a byte stream that may hold garbage, truncated or corrupted frames. It never
 * throws on bad input and never grows: the buffer is fixed at twice the largest frame it accepts.
 *
 * <ul>
 *   <li>Bytes before a SOM are garbage (counted, dropped); a 0xFF just before SOM is the mark.</li>
 *   <li>A SOM whose header is implausible (LEN out of range, reserved CTRL bits set) is not a frame start: drop it and
 *       rescan from the next byte.</li>
 *   <li>A frame whose check fails is reported once ({@link Rejected} with NAK code 1), then the decoder resynchronises
 *       from the byte after its SOM; candidates inside the rejected span that fail too are dropped silently, so one
 *       corrupted frame yields one rejection.</li>
 *   <li>A partial frame that sees no new byte for the inter-frame gap is dropped (the sender gave up on it).</li>
 * </ul>
 */
final class OsdpFrameDecoder {

    /** Largest frame accepted (also reported as the receive buffer size in PDCAP). */
    static final int MAX_FRAME = 512;

    /** NAK codes from the OSDP specification (and libosdp's osdp_pd_nak_code_e). */
    static final int NAK_CHECK = 0x01;
    static final int NAK_LENGTH = 0x02;

    sealed interface Result permits Accepted, Rejected {
    }

    record Accepted(OsdpFrame frame) implements Result {
    }

    /** A frame-shaped run of bytes that is not a usable frame; the header fields are as received (untrusted). */
    record Rejected(boolean mark, int addressByte, int sequence, boolean crc, int nakCode, String reason)
            implements Result {
    }

    private final long gapNanos;
    private final byte[] buffer = new byte[MAX_FRAME * 2];
    private int length;
    private int quietUntil;
    private long lastByteNanos;
    private long discardedBytes;
    private long rejectedFrames;

    OsdpFrameDecoder(long gapNanos) {
        this.gapNanos = gapNanos;
    }

    /** Feeds received bytes; returns the frames and rejections they complete, in order. */
    List<Result> feed(byte[] data, int offset, int count, long nowNanos) {
        List<Result> out = new ArrayList<>();
        expire(nowNanos);
        int pos = offset;
        int end = offset + count;
        while (pos < end) {
            int n = Math.min(buffer.length - length, end - pos);
            System.arraycopy(data, pos, buffer, length, n);
            length += n;
            pos += n;
            parse(out);
        }
        lastByteNanos = nowNanos;
        return out;
    }

    /** Drops a partial frame that has seen no byte for longer than the inter-frame gap. */
    void expire(long nowNanos) {
        if (length > 0 && nowNanos - lastByteNanos > gapNanos) {
            drop(length);
        }
    }

    int buffered() {
        return length;
    }

    long discardedBytes() {
        return discardedBytes;
    }

    long rejectedFrames() {
        return rejectedFrames;
    }

    private void parse(List<Result> out) {
        while (length > 0) {
            int som = indexOfSom();
            if (som < 0) {
                // keep a trailing 0xFF: it may be the mark of a frame whose SOM has not arrived yet
                boolean keepMark = (buffer[length - 1] & 0xFF) == OsdpFrame.MARK;
                drop(keepMark ? length - 1 : length);
                return;
            }
            boolean mark = som > 0 && (buffer[som - 1] & 0xFF) == OsdpFrame.MARK;
            int base = mark ? 1 : 0;
            drop(som - base);
            if (length < base + OsdpFrame.HEADER) {
                return;
            }
            int addressByte = buffer[base + 1] & 0xFF;
            int frameLength = (buffer[base + 2] & 0xFF) | (buffer[base + 3] & 0xFF) << 8;
            int ctrl = buffer[base + 4] & 0xFF;
            boolean crc = (ctrl & 0x04) != 0;
            int minimum = OsdpFrame.HEADER + 1 + (crc ? 2 : 1);
            if (frameLength < minimum || frameLength > MAX_FRAME || (ctrl & 0xF0) != 0) {
                drop(base + 1);
                continue;
            }
            if (length < base + frameLength) {
                return;
            }
            if (!checkOk(base, frameLength, crc)) {
                if (quietUntil <= base) {
                    rejectedFrames++;
                    out.add(new Rejected(mark, addressByte, ctrl & 0x03, crc, NAK_CHECK, "bad check"));
                    quietUntil = base + frameLength;
                }
                drop(base + 1);
                continue;
            }
            out.add(structure(base, mark, addressByte, ctrl, frameLength));
            consume(base + frameLength);
            quietUntil = 0;
        }
    }

    private boolean checkOk(int base, int frameLength, boolean crc) {
        if (crc) {
            int expected = (buffer[base + frameLength - 2] & 0xFF) | (buffer[base + frameLength - 1] & 0xFF) << 8;
            return OsdpChecks.crc16(buffer, base, frameLength - 2) == expected;
        }
        return OsdpChecks.checksum(buffer, base, frameLength - 1) == (buffer[base + frameLength - 1] & 0xFF);
    }

    private Result structure(int base, boolean mark, int addressByte, int ctrl, int frameLength) {
        boolean crc = (ctrl & 0x04) != 0;
        int sequence = ctrl & 0x03;
        int end = base + frameLength - (crc ? 2 : 1);
        int pos = base + OsdpFrame.HEADER;
        byte[] securityBlock = null;
        if ((ctrl & 0x08) != 0) {
            int scbLength = pos < end ? buffer[pos] & 0xFF : 0;
            if (scbLength < 2 || pos + scbLength >= end) {
                rejectedFrames++;
                return new Rejected(mark, addressByte, sequence, crc, NAK_LENGTH, "bad security block length");
            }
            securityBlock = Arrays.copyOfRange(buffer, pos, pos + scbLength);
            pos += scbLength;
        }
        int macLength = securityBlock != null && OsdpFrame.hasMac(securityBlock[1] & 0xFF) ? 4 : 0;
        if (pos + 1 > end - macLength) {
            rejectedFrames++;
            return new Rejected(mark, addressByte, sequence, crc, NAK_LENGTH, "no room for code and MAC");
        }
        int code = buffer[pos++] & 0xFF;
        byte[] data = Arrays.copyOfRange(buffer, pos, end - macLength);
        byte[] mac = macLength == 0 ? null : Arrays.copyOfRange(buffer, end - 4, end);
        byte[] macInput = Arrays.copyOfRange(buffer, base, end - macLength);
        return new Accepted(new OsdpFrame(mark, addressByte, sequence, crc, securityBlock, code, data, mac, macInput));
    }

    private int indexOfSom() {
        for (int i = 0; i < length; i++) {
            if ((buffer[i] & 0xFF) == OsdpFrame.SOM) {
                return i;
            }
        }
        return -1;
    }

    /** Drops bytes that were not part of a good frame. */
    private void drop(int count) {
        if (count > 0) {
            discardedBytes += count;
            consume(count);
        }
    }

    private void consume(int count) {
        if (count <= 0) {
            return;
        }
        System.arraycopy(buffer, count, buffer, 0, length - count);
        length -= count;
        quietUntil = Math.max(0, quietUntil - count);
    }
}
