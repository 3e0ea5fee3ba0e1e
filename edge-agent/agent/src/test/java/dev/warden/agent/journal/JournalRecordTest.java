package dev.warden.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.journal.JournalRecord.Decoded;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Verifies the journal's record format and the recovery scan on bytes in memory: torn writes, corruption, fuzz. */
class JournalRecordTest {

    static byte[] payload(long seq, int extra) {
        return ("{\"agentId\":\"agent-1\",\"seq\":" + seq + ",\"x\":\"" + "a".repeat(extra) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** A segment of records 1..n, and where each begins. */
    record Segment(byte[] bytes, int[] starts, List<byte[]> payloads) {
        int end(int i) {
            return i + 1 < starts.length ? starts[i + 1] : bytes.length;
        }
    }

    static Segment segment(int n, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] starts = new int[n];
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starts[i] = out.size();
            byte[] p = payload(i + 1, random.nextInt(200));
            payloads.add(p);
            out.writeBytes(JournalRecord.encode(i + 1, p));
        }
        return new Segment(out.toByteArray(), starts, payloads);
    }

    @Test
    void encodesLengthCrcSequenceAndPayloadBigEndian() {
        byte[] payload = "{}".getBytes(StandardCharsets.US_ASCII);

        byte[] record = JournalRecord.encode(0x0102030405060708L, payload);

        CRC32C crc = new CRC32C();
        crc.update(new byte[] {0, 0, 0, 2});                       // the length field
        crc.update(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});           // the sequence field
        crc.update(payload);                                       // the payload
        int c = (int) crc.getValue();
        assertThat(record).containsExactly(
                0, 0, 0, 2,                                        // payload length 2
                (byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c, // CRC32C(length, seq, payload)
                1, 2, 3, 4, 5, 6, 7, 8,                            // seq 0x0102030405060708
                '{', '}');                                         // payload
    }

    @Test
    void decodesWhatItEncoded() {
        byte[] payload = payload(42, 10);
        byte[] record = JournalRecord.encode(42, payload);

        Decoded d = JournalRecord.decode(record, 0, record.length);

        assertThat(d).isInstanceOfSatisfying(Decoded.Record.class, r -> {
            assertThat(r.seq()).isEqualTo(42);
            assertThat(r.payload()).isEqualTo(payload);
            assertThat(r.size()).isEqualTo(record.length);
        });
    }

    @Test
    void refusesImpossibleLengthsAndSequences() {
        byte[] zeros = new byte[64];
        assertThat(JournalRecord.decode(zeros, 0, zeros.length)).isInstanceOf(Decoded.Invalid.class);

        byte[] huge = JournalRecord.encode(1, "{}".getBytes(StandardCharsets.US_ASCII));
        huge[0] = 0x7F;
        assertThat(JournalRecord.decode(huge, 0, huge.length)).isInstanceOfSatisfying(Decoded.Invalid.class,
                i -> assertThat(i.reason()).contains("length"));

        byte[] seqZero = JournalRecord.encode(1, "{}".getBytes(StandardCharsets.US_ASCII));
        seqZero[15] = 0;
        assertThat(JournalRecord.decode(seqZero, 0, seqZero.length)).isInstanceOf(Decoded.Invalid.class);
    }

    @Test
    void aWriteTornAtEveryByteOfTheLastRecordLeavesTheOthersAndIsTheTail() {
        Segment s = segment(4, new Random(1));
        int last = s.starts()[3];

        for (int cut = last; cut < s.bytes().length; cut++) {
            JournalRecord.Scan scan = JournalRecord.scan(s.bytes(), cut, 0);

            assertThat(scan.records()).as("cut at %d", cut).extracting(Decoded.Record::seq).containsExactly(1L, 2L, 3L);
            assertThat(scan.validEnd()).isEqualTo(last);
            assertThat(scan.skipped()).isEmpty();
            if (cut == last) {
                assertThat(scan.tail()).isNull();
            } else {
                assertThat(scan.tail()).as("cut at %d", cut).isInstanceOf(Decoded.Incomplete.class);
            }
        }
        assertThat(JournalRecord.scan(s.bytes(), s.bytes().length, 0).records()).hasSize(4);
    }

    @Test
    void aCorruptByteAnywhereInTheLastRecordMakesItTheTail() {
        Segment s = segment(3, new Random(2));
        int last = s.starts()[2];

        for (int at = last; at < s.bytes().length; at++) {
            byte[] bytes = s.bytes().clone();
            bytes[at] ^= 0x5A;

            JournalRecord.Scan scan = JournalRecord.scan(bytes, bytes.length, 0);

            assertThat(scan.records()).as("byte %d flipped", at).extracting(Decoded.Record::seq).containsExactly(1L, 2L);
            assertThat(scan.validEnd()).isEqualTo(last);
            assertThat(scan.tail()).isNotNull();
        }
    }

    @Test
    void aCorruptRecordInTheMiddleIsSkippedAndTheValidRecordsBehindItKept() {
        Segment s = segment(5, new Random(3));
        byte[] bytes = s.bytes().clone();
        bytes[s.starts()[2] + JournalRecord.HEADER + 3] ^= 0x01; // a payload byte of record 3

        JournalRecord.Scan scan = JournalRecord.scan(bytes, bytes.length, 0);

        assertThat(scan.records()).extracting(Decoded.Record::seq).containsExactly(1L, 2L, 4L, 5L);
        assertThat(scan.skipped()).hasSize(1);
        assertThat(scan.skipped().getFirst()).containsExactly(s.starts()[2], s.starts()[3]);
        assertThat(scan.tail()).isNull();
        assertThat(scan.validEnd()).isEqualTo(bytes.length);
    }

    @Test
    void aRecordThatDoesNotRaiseTheSequenceIsNotTakenAsValid() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(JournalRecord.encode(5, payload(5, 1)));
        out.writeBytes(JournalRecord.encode(4, payload(4, 1)));
        byte[] bytes = out.toByteArray();

        JournalRecord.Scan scan = JournalRecord.scan(bytes, bytes.length, 0);

        assertThat(scan.records()).extracting(Decoded.Record::seq).containsExactly(5L);
        assertThat(scan.tail()).isInstanceOf(Decoded.Invalid.class);
    }

    /**
     * Seeded fuzz: segments of random records, damaged at random (flipped bytes, a cut, garbage or zeros appended).
     * The scan never throws, returns only records that were written (same sequence and payload), in increasing order,
     * and never drops a record whose bytes are intact.
     */
    @Test
    void fuzzNeverLosesAnIntactRecordNorInventsOne() {
        Random random = new Random(20261123L);
        for (int round = 0; round < 2_000; round++) {
            Segment s = segment(1 + random.nextInt(12), random);
            byte[] bytes = s.bytes().clone();
            int limit = bytes.length;
            boolean[] damaged = new boolean[s.starts().length];
            switch (random.nextInt(4)) {
                case 0 -> {
                    for (int k = random.nextInt(4); k >= 0; k--) {
                        int at = random.nextInt(bytes.length);
                        bytes[at] ^= (byte) (1 + random.nextInt(255));
                        damaged[recordAt(s, at)] = true;
                    }
                }
                case 1 -> {
                    limit = random.nextInt(bytes.length + 1);
                    for (int i = 0; i < damaged.length; i++) {
                        damaged[i] = s.end(i) > limit;
                    }
                }
                case 2 -> {
                    byte[] garbage = new byte[1 + random.nextInt(40)];
                    random.nextBytes(garbage);
                    bytes = Arrays.copyOf(bytes, bytes.length + garbage.length);
                    System.arraycopy(garbage, 0, bytes, s.bytes().length, garbage.length);
                    limit = bytes.length;
                }
                default -> {
                    bytes = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(64)); // zero-filled tail
                    limit = bytes.length;
                }
            }

            JournalRecord.Scan scan = JournalRecord.scan(bytes, limit, 0);

            long previous = 0;
            for (Decoded.Record r : scan.records()) {
                assertThat(r.seq()).as("round %d", round).isGreaterThan(previous).isLessThanOrEqualTo(s.starts().length);
                assertThat(r.payload()).as("round %d", round).isEqualTo(s.payloads().get((int) r.seq() - 1));
                previous = r.seq();
            }
            List<Long> found = scan.records().stream().map(Decoded.Record::seq).toList();
            for (int i = 0; i < damaged.length; i++) {
                if (!damaged[i]) {
                    assertThat(found).as("round %d: intact record %d", round, i + 1).contains((long) i + 1);
                }
            }
            assertThat(scan.validEnd()).isLessThanOrEqualTo(limit);
        }
    }

    private static int recordAt(Segment s, int offset) {
        int i = 0;
        while (i + 1 < s.starts().length && s.starts()[i + 1] <= offset) {
            i++;
        }
        return i;
    }
}
