package dev.warden.codec.osdp;

import static dev.warden.codec.osdp.OsdpHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.osdp.OsdpReadResult.Frame;
import dev.warden.codec.osdp.OsdpReadResult.Reason;
import dev.warden.codec.osdp.OsdpReadResult.Rejected;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incremental reader: split input, mark bytes, garbage, bad checks, bad lengths, truncation and resync. */
class OsdpFrameReaderTest {

    private static final String POLL = "ff 53 65 08 00 06 60 02 f6";
    private static final String ACK = "ff 53 e5 08 00 06 40 b0 f0";
    private static final String PDID = "ff 53 e5 14 00 04 45 b2 a1 00 02 01 78 56 34 12 01 02 03 94 2b";

    private static byte[] concat(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) {
            out.writeBytes(hex(p));
        }
        return out.toByteArray();
    }

    private static List<Integer> codes(List<OsdpReadResult> results) {
        List<Integer> codes = new ArrayList<>();
        for (OsdpReadResult r : results) {
            if (r instanceof Frame(OsdpFrame f)) {
                codes.add(f.code());
            }
        }
        return codes;
    }

    private static List<Reason> reasons(List<OsdpReadResult> results) {
        List<Reason> out = new ArrayList<>();
        for (OsdpReadResult r : results) {
            if (r instanceof Rejected(Reason reason, String detail)) {
                assertThat(detail).isNotBlank();
                out.add(reason);
            }
        }
        return out;
    }

    @Test
    void framesSplitIntoSingleBytesComeOutWhole() {
        OsdpFrameReader reader = new OsdpFrameReader();
        List<OsdpReadResult> all = new ArrayList<>();
        for (byte b : concat(POLL, PDID, ACK)) {
            all.addAll(reader.feed(new byte[] {b}));
        }
        assertThat(codes(all)).containsExactly(0x60, 0x45, 0x40);
        assertThat(reasons(all)).isEmpty();
        assertThat(reader.buffered()).isZero();
    }

    @Test
    void framesWithoutMarkAndWithManyMarksAreRead() {
        OsdpFrameReader reader = new OsdpFrameReader();
        List<OsdpReadResult> all = reader.feed(concat("53 65 08 00 06 60 02 f6", "ff ff ff ff", ACK, "ff ff"));
        assertThat(codes(all)).containsExactly(0x60, 0x40);
        assertThat(reasons(all)).isEmpty();
    }

    @Test
    void garbageBeforeAFrameIsSkippedAndReportedOnce() {
        List<OsdpReadResult> all = new OsdpFrameReader().feed(concat("00 12 34 ff 99", POLL));
        assertThat(reasons(all)).containsExactly(Reason.GARBAGE);
        assertThat(((Rejected) all.getFirst()).detail()).startsWith("4 byte(s)");
        assertThat(codes(all)).containsExactly(0x60);
    }

    @Test
    void aBadCrcIsRejectedAndTheNextFrameStillRead() {
        byte[] bad = hex(POLL);
        bad[bad.length - 1] ^= 0x40;
        OsdpFrameReader reader = new OsdpFrameReader();
        List<OsdpReadResult> all = new ArrayList<>(reader.feed(bad));
        all.addAll(reader.feed(hex(ACK)));
        assertThat(reasons(all)).containsExactly(Reason.BAD_CRC);
        assertThat(codes(all)).containsExactly(0x40);
    }

    @Test
    void aBadChecksumIsRejected() {
        List<OsdpReadResult> all = new OsdpFrameReader().feed(hex("53 00 08 00 00 61 00 45"));
        assertThat(reasons(all)).containsExactly(Reason.BAD_CHECKSUM);
        assertThat(new OsdpFrameReader().feed(hex("53 00 08 00 00 61 00 44"))).singleElement().isInstanceOf(Frame.class);
    }

    @Test
    void aTruncatedFrameFollowedByAGoodOneCostsOnlyTheTruncatedOne() {
        // the PDID stops after 9 of its 21 bytes; its LEN swallows the POLL that follows, the CRC fails, and the
        // rescan from the byte after its SOM finds the POLL again
        String truncatedPdid = "ff 53 e5 14 00 04 45 b2 a1 00";
        OsdpFrameReader reader = new OsdpFrameReader();
        List<OsdpReadResult> all = new ArrayList<>(reader.feed(concat(truncatedPdid, POLL)));
        all.addAll(reader.feed(concat(ACK)));
        all.addAll(reader.flush());
        assertThat(codes(all)).containsExactly(0x60, 0x40);
        assertThat(reasons(all)).contains(Reason.BAD_CRC).doesNotContain(Reason.GARBAGE);
        assertThat(reader.buffered()).isZero();
    }

    @Test
    void flushRejectsAnIncompleteFrameAsTruncated() {
        OsdpFrameReader reader = new OsdpFrameReader();
        assertThat(reader.feed(hex("ff 53 e5 14 00 04 45 b2"))).isEmpty();
        assertThat(reader.buffered()).isEqualTo(7);
        assertThat(reasons(reader.flush())).containsExactly(Reason.TRUNCATED);
        assertThat(reader.buffered()).isZero();
        assertThat(codes(reader.feed(hex(ACK)))).containsExactly(0x40);
    }

    @Test
    void flushFindsAWholeFrameHiddenBehindAnIncompleteOne() {
        // a header claiming 60 bytes, then a complete ACK: the reader waits for 60 bytes; flush gives up on the
        // first candidate and rescans the rest
        OsdpFrameReader reader = new OsdpFrameReader();
        assertThat(codes(reader.feed(concat("53 e5 3c 00 04 40", ACK)))).isEmpty();
        List<OsdpReadResult> flushed = reader.flush();
        assertThat(reasons(flushed)).containsExactly(Reason.TRUNCATED);
        assertThat(codes(flushed)).containsExactly(0x40);
    }

    @Test
    void lengthsBelowTheMinimumOrAboveTheCapAreRejectedAtOnce() {
        OsdpFrameReader reader = new OsdpFrameReader(64);
        assertThat(reasons(reader.feed(hex("53 e5 ff ff 04")))).containsExactly(Reason.BAD_LENGTH);
        assertThat(reasons(reader.feed(hex("53 e5 41 00 04")))).containsExactly(Reason.BAD_LENGTH);
        assertThat(reasons(reader.feed(hex("53 e5 07 00 04")))).containsExactly(Reason.BAD_LENGTH); // CRC needs 8
        assertThat(reasons(reader.feed(hex("53 e5 09 00 0c")))).containsExactly(Reason.BAD_LENGTH); // + SCB needs 10
        assertThat(reader.buffered()).isZero();
        assertThat(codes(reader.feed(hex(ACK)))).containsExactly(0x40);
    }

    @Test
    void reservedControlBitsAreRejected() {
        assertThat(reasons(new OsdpFrameReader().feed(hex("53 e5 08 00 16 40 00 00")))).containsExactly(Reason.BAD_CONTROL);
    }

    @Test
    void malformedSecurityBlocksAreRejectedAfterTheCrc() {
        // SCB length 1 (must be ≥ 2)
        OsdpFrame probe = OsdpFrame.reply(0x65, 1, OsdpReply.ACK, new byte[0]);
        byte[] bad = frameBytes("53 e5 0a 00 0d 01 16 40");
        assertThat(reasons(new OsdpFrameReader().feed(bad))).containsExactly(Reason.BAD_SECURITY_BLOCK);
        // SCB type 0x20 is not 0x11..0x18
        assertThat(reasons(new OsdpFrameReader().feed(frameBytes("53 e5 0a 00 0d 02 20 40"))))
                .containsExactly(Reason.BAD_SECURITY_BLOCK);
        // SCS_16 needs a 4-byte MAC after the code
        assertThat(reasons(new OsdpFrameReader().feed(frameBytes("53 e5 0b 00 0d 02 16 40 00"))))
                .containsExactly(Reason.BAD_SECURITY_BLOCK);
        assertThat(probe.secured()).isFalse();
    }

    @Test
    void aSecuredFrameIsSplitIntoBlockCodeDataAndMac() {
        List<OsdpReadResult> results = new OsdpFrameReader().feed(frameBytes("53 e5 0e 00 0d 02 16 40 aa bb cc dd"));
        OsdpFrame frame = ((Frame) results.getFirst()).frame();
        assertThat(frame.securityBlock()).contains(SecurityBlock.session(SecurityBlock.SCS_16));
        assertThat(frame.code()).isEqualTo(0x40);
        assertThat(frame.data()).isEmpty();
        assertThat(frame.mac()).isEqualTo(hex("aa bb cc dd"));
        assertThat(frame.sequence()).isEqualTo(1);
        assertThat(frame.reply()).isTrue();
        assertThat(OsdpFrameEncoder.encodeWithoutMark(frame)).isEqualTo(frameBytes("53 e5 0e 00 0d 02 16 40 aa bb cc dd"));
    }

    @Test
    void theBufferNeverHoldsMoreThanTheCap() {
        OsdpFrameReader reader = new OsdpFrameReader(64);
        byte[] header = hex("53 e5 40 00 04");  // LEN 64, waits
        reader.feed(header);
        for (int i = 0; i < 200; i++) {
            reader.feed(new byte[] {0x11});
            assertThat(reader.buffered()).isLessThanOrEqualTo(64);
        }
    }

    @Test
    void clearDropsEverything() {
        OsdpFrameReader reader = new OsdpFrameReader();
        reader.feed(hex("00 11 53 e5 14"));
        reader.clear();
        assertThat(reader.buffered()).isZero();
        assertThat(reader.flush()).isEmpty();
    }

    /** Appends the CRC-16 to SOM..data bytes. */
    private static byte[] frameBytes(String withoutCrc) {
        byte[] body = hex(withoutCrc);
        byte[] out = java.util.Arrays.copyOf(body, body.length + 2);
        int crc = OsdpCheck.crc16(body, 0, body.length);
        out[body.length] = (byte) crc;
        out[body.length + 1] = (byte) (crc >>> 8);
        return out;
    }
}
