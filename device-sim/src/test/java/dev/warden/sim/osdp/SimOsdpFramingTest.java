package dev.warden.sim.osdp;

import static dev.warden.sim.osdp.OsdpTestCrypto.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.sim.osdp.OsdpFrameDecoder.Accepted;
import dev.warden.sim.osdp.OsdpFrameDecoder.Rejected;
import dev.warden.sim.osdp.OsdpFrameDecoder.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verifies the simulator's CRC-16, checksum, frame builder and incremental decoder against published bytes. */
class SimOsdpFramingTest {

    // SIA OSDP 2.2 Annex E, "CRC Example 1" and "CRC Example 2" and the two checksum examples, as reproduced in
    // goToMain/libosdp tests/unit-tests/test-sc-sia-vectors.c (test_crc_vectors, test_checksum_vectors).
    static final byte[] ANNEX_E_CRC_1 = hex("53 7F 0D 00 04 6E 00 80 25 00 00");   // COMSET broadcast -> 6E 38
    static final byte[] ANNEX_E_CRC_2 = hex("53 00 09 00 04 61 00");               // ID to address 0 -> C0 66
    static final byte[] ANNEX_E_SUM_1 = hex("53 7F 0C 00 00 6E 00 80 25 00 00");   // -> 0F
    static final byte[] ANNEX_E_SUM_2 = hex("53 00 08 00 00 61 00");               // -> 44

    // Captured plaintext frames, address 0x65, CRC mode: /work/shared/references/PROTOCOLS.md
    static final byte[] ID = hex("ff 53 65 09 00 04 61 00 d9 7a");
    static final byte[] PDID = hex("ff 53 e5 14 00 04 45 b2 a1 00 02 01 78 56 34 12 01 02 03 94 2b");
    static final byte[] POLL = hex("ff 53 65 08 00 06 60 02 f6");
    static final byte[] ACK = hex("ff 53 e5 08 00 06 40 b0 f0");
    static final byte[] LED = hex("ff 53 65 16 00 07 69 00 00 01 0a 0a 02 00 0a 00 00 00 00 00 00 11 24");
    static final byte[] BUZ = hex("ff 53 65 0d 00 05 6a 00 02 05 05 02 d8 ef");

    static List<Result> decodeAll(OsdpFrameDecoder decoder, byte[]... chunks) {
        List<Result> out = new ArrayList<>();
        for (byte[] chunk : chunks) {
            out.addAll(decoder.feed(chunk, 0, chunk.length, 0));
        }
        return out;
    }

    static OsdpFrameDecoder decoder() {
        return new OsdpFrameDecoder(50_000_000L);
    }

    @Test
    void crcMatchesAnnexE() {
        assertThat(OsdpChecks.crc16(ANNEX_E_CRC_1, 0, ANNEX_E_CRC_1.length)).isEqualTo(0x386E);
        assertThat(OsdpChecks.crc16(ANNEX_E_CRC_2, 0, ANNEX_E_CRC_2.length)).isEqualTo(0x66C0);
    }

    @Test
    void checksumMatchesAnnexE() {
        assertThat(OsdpChecks.checksum(ANNEX_E_SUM_1, 0, ANNEX_E_SUM_1.length)).isEqualTo(0x0F);
        assertThat(OsdpChecks.checksum(ANNEX_E_SUM_2, 0, ANNEX_E_SUM_2.length)).isEqualTo(0x44);
    }

    @Test
    void crcOfEveryCapturedFrameChecks() {
        for (byte[] frame : List.of(ID, PDID, POLL, ACK, LED, BUZ)) {
            int crc = (frame[frame.length - 2] & 0xFF) | (frame[frame.length - 1] & 0xFF) << 8;
            assertThat(OsdpChecks.crc16(frame, 1, frame.length - 3)).as(hex(frame)).isEqualTo(crc);
        }
    }

    @Test
    void buildsThePdidAndAckRepliesByteForByte() {
        byte[] pdidData = hex("b2 a1 00 02 01 78 56 34 12 01 02 03");
        assertThat(OsdpFrame.build(true, 0xE5, 0, true, null, 0x45, pdidData, null)).isEqualTo(PDID);
        assertThat(OsdpFrame.build(true, 0xE5, 2, true, null, 0x40, new byte[0], null)).isEqualTo(ACK);
    }

    @Test
    void buildsAnnexEFramesInBothCheckModes() {
        byte[] comset = hex("00 80 25 00 00");
        assertThat(OsdpFrame.build(false, 0x7F, 0, true, null, 0x6E, comset, null))
                .isEqualTo(join(ANNEX_E_CRC_1, hex("6E 38")));
        assertThat(OsdpFrame.build(false, 0x00, 0, false, null, 0x61, new byte[] {0}, null))
                .isEqualTo(join(ANNEX_E_SUM_2, hex("44")));
    }

    @Test
    void decodesTheCapturedLedCommandFieldByField() {
        List<Result> results = decodeAll(decoder(), LED);

        assertThat(results).hasSize(1);
        OsdpFrame frame = ((Accepted) results.getFirst()).frame();
        assertThat(frame.mark()).isTrue();
        assertThat(frame.address()).isEqualTo(0x65);
        assertThat(frame.isReply()).isFalse();
        assertThat(frame.sequence()).isEqualTo(3);
        assertThat(frame.crc()).isTrue();
        assertThat(frame.securityBlock()).isNull();
        assertThat(frame.code()).isEqualTo(0x69);
        assertThat(frame.data()).isEqualTo(hex("00 00 01 0a 0a 02 00 0a 00 00 00 00 00 00"));
        assertThat(frame.mac()).isNull();
    }

    @Test
    void decodesChecksumFramesWithoutMark() {
        byte[] frame = join(ANNEX_E_SUM_1, hex("0F"));
        OsdpFrame decoded = ((Accepted) decodeAll(decoder(), frame).getFirst()).frame();
        assertThat(decoded.mark()).isFalse();
        assertThat(decoded.crc()).isFalse();
        assertThat(decoded.address()).isEqualTo(0x7F);
        assertThat(decoded.data()).isEqualTo(hex("00 80 25 00 00"));
    }

    @Test
    void decodesAFrameDeliveredOneByteAtATime() {
        OsdpFrameDecoder decoder = decoder();
        List<Result> results = new ArrayList<>();
        for (byte b : BUZ) {
            results.addAll(decoder.feed(new byte[] {b}, 0, 1, 0));
        }
        assertThat(results).singleElement().isInstanceOf(Accepted.class);
        assertThat(((Accepted) results.getFirst()).frame().data()).isEqualTo(hex("00 02 05 05 02"));
    }

    @Test
    void skipsGarbageIncludingFalseStartsBeforeAFrame() {
        // 0x53 followed by an implausible length, then noise, then the real frame
        byte[] garbage = hex("00 13 53 53 ff ff 07 53 65 01 00 04 99");
        OsdpFrameDecoder decoder = decoder();

        List<Result> results = decodeAll(decoder, join(garbage, POLL));

        assertThat(results).singleElement().isInstanceOf(Accepted.class);
        assertThat(((Accepted) results.getFirst()).frame().code()).isEqualTo(0x60);
        assertThat(decoder.discardedBytes()).isPositive();
    }

    @Test
    void reportsACorruptedFrameOnceAndRecoversOnTheNext() {
        byte[] corrupted = POLL.clone();
        corrupted[6] ^= 0x01;
        OsdpFrameDecoder decoder = decoder();

        List<Result> results = decodeAll(decoder, corrupted, ID);

        assertThat(results).hasSize(2);
        Rejected rejected = (Rejected) results.get(0);
        assertThat(rejected.nakCode()).isEqualTo(1);
        assertThat(rejected.addressByte()).isEqualTo(0x65);
        assertThat(rejected.sequence()).isEqualTo(2);
        assertThat(((Accepted) results.get(1)).frame().code()).isEqualTo(0x61);
        assertThat(decoder.rejectedFrames()).isEqualTo(1);
    }

    @Test
    void dropsATruncatedFrameAfterTheGapSoTheNextFrameDecodes() {
        OsdpFrameDecoder decoder = new OsdpFrameDecoder(50_000_000L);
        byte[] truncated = Arrays.copyOf(LED, 10);

        assertThat(decoder.feed(truncated, 0, truncated.length, 0)).isEmpty();
        List<Result> results = decoder.feed(POLL, 0, POLL.length, 60_000_000L);

        assertThat(results).singleElement().isInstanceOf(Accepted.class);
        assertThat(((Accepted) results.getFirst()).frame().code()).isEqualTo(0x60);
    }

    @Test
    void aTruncatedFrameFollowedAtOnceByAFrameCostsOneRejectionNotTheFrame() {
        byte[] truncated = Arrays.copyOf(LED, 12);

        List<Result> results = decodeAll(decoder(), truncated, POLL, ID);

        assertThat(results).filteredOn(r -> r instanceof Accepted)
                .extracting(r -> ((Accepted) r).frame().code())
                .contains(0x61);
    }

    @Test
    void rejectsAFrameWithASecurityBlockLongerThanTheFrame() {
        byte[] frame = OsdpFrame.build(false, 0x01, 1, true, new byte[] {9, 0x15}, 0x60, new byte[0], null);

        List<Result> results = decodeAll(decoder(), frame);

        assertThat(results).singleElement().isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.nakCode()).isEqualTo(2));
    }

    @Test
    void splitsSecurityBlockCodeDataAndMac() {
        byte[] scb = {2, 0x17};
        byte[] data = hex("00112233445566778899aabbccddeeff");
        byte[] frame = OsdpFrame.build(true, 0x02, 1, true, scb, 0x69, data, body -> hex("a1 b2 c3 d4 e5"));

        OsdpFrame decoded = ((Accepted) decodeAll(decoder(), frame).getFirst()).frame();

        assertThat(decoded.securityType()).isEqualTo(0x17);
        assertThat(decoded.securityBlock()).isEqualTo(scb);
        assertThat(decoded.code()).isEqualTo(0x69);
        assertThat(decoded.data()).isEqualTo(data);
        assertThat(decoded.mac()).isEqualTo(hex("a1 b2 c3 d4"));
        assertThat(decoded.macInput()).isEqualTo(Arrays.copyOfRange(frame, 1, frame.length - 6));
    }

    @Test
    void neverBuffersMoreThanTwoFramesOfRandomInput() {
        Random random = new Random(7);
        OsdpFrameDecoder decoder = decoder();
        byte[] chunk = new byte[700];
        for (int i = 0; i < 300; i++) {
            random.nextBytes(chunk);
            decoder.feed(chunk, 0, chunk.length, 0);
            assertThat(decoder.buffered()).isLessThanOrEqualTo(2 * OsdpFrameDecoder.MAX_FRAME);
        }
        // a frame after all that noise is still found once the noise is flushed by the gap
        List<Result> results = decoder.feed(POLL, 0, POLL.length, 1_000_000_000L);
        assertThat(results).anySatisfy(r -> assertThat(r).isInstanceOf(Accepted.class));
    }

    static byte[] join(byte[] a, byte[] b) {
        return OsdpTestCrypto.join(a, b);
    }
}
