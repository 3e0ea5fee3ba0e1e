package dev.warden.codec.osdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.osdp.OsdpReadResult.Frame;
import dev.warden.codec.osdp.OsdpReadResult.Rejected;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzz of the frame reader and the message decoders (plain JUnit loops over java.util.Random).
 *
 * <p>Verifies that 100,000 random byte chunks never make the reader or the decoders throw, never grow the reader's
 * buffer past its cap, and that whatever is accepted re-encodes to a frame that reads back equal; and that 100,000
 * corrupted RAW card frames never yield a card while the frame after each one is still found.
 *
 * <p>The corruptions are those the check bytes are guaranteed to catch (1 to 3 flipped bits or a 16-bit burst under
 * CRC-16/0x1021, one changed byte under the checksum), plus corruptions of LEN and truncation, which a RAW reply's own
 * length rule (data = ceil(bit count / 8) bytes) rejects even when the check bytes match by chance. A truncated frame
 * is followed by a {@code flush()} as the driver does on a reply timeout: a frame cut short and then completed with
 * the bytes of the next frame is, under any 16-bit check, only caught with probability 1 - 2^-16.
 */
class OsdpFrameReaderFuzzTest {

    private static final int CASES = 100_000;
    private static final int CAP = 256;
    private static final byte[] ACK = OsdpFrameEncoder.encode(OsdpFrame.reply(0x12, 3, new OsdpReply.Ack()));

    @Test
    void randomBytesNeverThrowStayBoundedAndAcceptedFramesReencode() {
        Random random = new Random(0x05D9_2026L);
        OsdpFrameReader reader = new OsdpFrameReader(CAP);
        Map<OsdpReadResult.Reason, Integer> rejected = new EnumMap<>(OsdpReadResult.Reason.class);
        int frames = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] chunk = randomChunk(random);
            List<OsdpReadResult> results = random.nextInt(50) == 0 ? flushAfter(reader, chunk) : reader.feed(chunk);
            assertThat(reader.buffered()).isLessThanOrEqualTo(CAP);
            for (OsdpReadResult result : results) {
                switch (result) {
                    case Frame(OsdpFrame frame) -> {
                        frames++;
                        // the typed decoders must not throw on whatever the frame carries
                        assertThat(OsdpMessageDecoder.command(frame)).isNotNull();
                        assertThat(OsdpMessageDecoder.reply(frame)).isNotNull();
                        List<OsdpReadResult> again = new OsdpFrameReader(CAP).feed(OsdpFrameEncoder.encode(frame));
                        assertThat(again).containsExactly(new Frame(frame));
                    }
                    case Rejected(OsdpReadResult.Reason reason, String detail) -> {
                        assertThat(detail).isNotBlank().hasSizeLessThan(120);
                        rejected.merge(reason, 1, Integer::sum);
                    }
                }
            }
        }
        // the generator reaches every kind of rejection, and some random headers even pass a check by chance
        assertThat(rejected).containsOnlyKeys(OsdpReadResult.Reason.values());
        assertThat(frames).isPositive();
    }

    private static List<OsdpReadResult> flushAfter(OsdpFrameReader reader, byte[] chunk) {
        List<OsdpReadResult> out = new java.util.ArrayList<>(reader.feed(chunk));
        out.addAll(reader.flush());
        return out;
    }

    /** Random bytes biased towards SOM, the mark, plausible headers and plausible secured frames. */
    private static byte[] randomChunk(Random random) {
        int kind = random.nextInt(4);
        byte[] out = new byte[random.nextInt(64)];
        random.nextBytes(out);
        if (kind == 0 || out.length < 8) {
            return out;
        }
        int at = random.nextInt(out.length - 7);
        out[at] = 0x53;
        int length = kind == 3 ? random.nextInt(2000) : 7 + random.nextInt(out.length - at - 6);
        out[at + 2] = (byte) length;
        out[at + 3] = (byte) (length >>> 8);
        out[at + 4] = (byte) (kind == 2 ? 0x0C | random.nextInt(4) : random.nextInt(16));
        if (kind == 2) {
            out[at + 5] = (byte) (2 + random.nextInt(3));
            out[at + 6] = (byte) (0x11 + random.nextInt(8));
        }
        if (random.nextBoolean()) {
            // make the check bytes right for the claimed length, when it fits in the chunk
            int end = at + length;
            boolean crc = (out[at + 4] & 0x04) != 0;
            if (length >= 8 && end <= out.length) {
                int covered = length - (crc ? 2 : 1);
                if (crc) {
                    int c = OsdpCheck.crc16(out, at, covered);
                    out[at + covered] = (byte) c;
                    out[at + covered + 1] = (byte) (c >>> 8);
                } else {
                    out[at + covered] = (byte) OsdpCheck.checksum(out, at, covered);
                }
            }
        }
        return out;
    }

    @Test
    void corruptedCardFramesNeverYieldACardAndTheNextFrameIsFound() {
        Random random = new Random(0x0C0D_E5EEL);
        Map<Mutation, Integer> applied = new EnumMap<>(Mutation.class);
        int recovered = 0;
        for (int i = 0; i < CASES; i++) {
            boolean crc = random.nextInt(4) != 0;
            OsdpReply.RawCard card = randomCard(random);
            OsdpFrame frame = new OsdpFrame(random.nextInt(0x7F), true, random.nextInt(4), crc, java.util.Optional.empty(),
                    card.code(), card.encode(), new byte[0]);
            byte[] wire = OsdpFrameEncoder.encode(frame);
            Mutation mutation = crc ? Mutation.values()[random.nextInt(Mutation.values().length)]
                    : random.nextBoolean() ? Mutation.FLIP_ONE_BIT : Mutation.REPLACE_ONE_BYTE;
            byte[] corrupted = mutation.apply(wire, random);
            assertThat(corrupted).isNotEqualTo(wire);
            applied.merge(mutation, 1, Integer::sum);

            OsdpFrameReader reader = new OsdpFrameReader();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            byte[] garbage = new byte[random.nextInt(6)];
            random.nextBytes(garbage);
            stream.writeBytes(garbage);
            stream.writeBytes(corrupted);
            List<OsdpReadResult> results = new java.util.ArrayList<>();
            if (mutation == Mutation.TRUNCATE) {
                results.addAll(reader.feed(stream.toByteArray()));
                results.addAll(reader.flush());
                results.addAll(reader.feed(ACK));
            } else {
                stream.writeBytes(ACK);
                results.addAll(reader.feed(stream.toByteArray()));
            }
            results.addAll(reader.flush());
            assertThat(reader.buffered()).isZero();

            boolean ackSeen = false;
            for (OsdpReadResult result : results) {
                if (result instanceof Frame(OsdpFrame f)) {
                    OsdpDecoded<OsdpReply> decoded = OsdpMessageDecoder.reply(f);
                    boolean gaveCard = decoded instanceof OsdpDecoded.Ok<OsdpReply>(OsdpReply.RawCard ignored);
                    assertThat(gaveCard).as("case %d, %s: a corrupted frame must never give a card", i, mutation).isFalse();
                    ackSeen |= f.code() == OsdpReply.ACK && f.address() == 0x12;
                }
            }
            if (ackSeen) {
                recovered++;
            }
        }
        assertThat(applied).containsOnlyKeys(Mutation.values());
        // resync: the frame after a corrupted one is found (it could only be lost if a false candidate inside the
        // corrupted bytes swallowed it and passed its check by chance, p ≈ 2^-16 per candidate)
        assertThat(recovered).isGreaterThanOrEqualTo(CASES - CASES / 1000);
    }

    private static OsdpReply.RawCard randomCard(Random random) {
        int bits = new int[] {26, 34, 35, 37, 40, 56, 64, 128}[random.nextInt(8)];
        StringBuilder s = new StringBuilder(bits);
        for (int i = 0; i < bits; i++) {
            s.append(random.nextBoolean() ? '1' : '0');
        }
        return OsdpReply.RawCard.wiegand(random.nextInt(2), s.toString());
    }

    /** Corruptions of a frame on the wire (index 0 is the mark, which no check covers, so it is left alone). */
    private enum Mutation {
        FLIP_ONE_BIT {
            @Override
            byte[] apply(byte[] wire, Random r) {
                return flip(wire, r, 1);
            }
        },
        FLIP_TWO_BITS {
            @Override
            byte[] apply(byte[] wire, Random r) {
                return flip(wire, r, 2);
            }
        },
        FLIP_THREE_BITS {
            @Override
            byte[] apply(byte[] wire, Random r) {
                return flip(wire, r, 3);
            }
        },
        REPLACE_ONE_BYTE {
            @Override
            byte[] apply(byte[] wire, Random r) {
                byte[] out = wire.clone();
                int at = 1 + r.nextInt(wire.length - 1);
                out[at] = (byte) (out[at] ^ (1 + r.nextInt(255)));
                return out;
            }
        },
        BURST_16_BITS {
            @Override
            byte[] apply(byte[] wire, Random r) {
                byte[] out = wire.clone();
                int at = 1 + r.nextInt(wire.length - 2);
                int pattern = 1 + r.nextInt(0xFFFF);
                out[at] ^= (byte) (pattern >>> 8);
                out[at + 1] ^= (byte) pattern;
                return out;
            }
        },
        CORRUPT_LENGTH {
            @Override
            byte[] apply(byte[] wire, Random r) {
                byte[] out = wire.clone();
                int length = (out[3] & 0xFF) | (out[4] & 0xFF) << 8;
                int other;
                do {
                    other = Math.max(0, length + r.nextInt(41) - 20);
                } while (other == length);
                out[3] = (byte) other;
                out[4] = (byte) (other >>> 8);
                return out;
            }
        },
        TRUNCATE {
            @Override
            byte[] apply(byte[] wire, Random r) {
                return Arrays.copyOf(wire, 1 + r.nextInt(wire.length - 1));
            }
        };

        abstract byte[] apply(byte[] wire, Random r);

        private static byte[] flip(byte[] wire, Random r, int count) {
            byte[] out = wire.clone();
            int bits = (wire.length - 1) * 8;
            java.util.Set<Integer> chosen = new java.util.HashSet<>();
            while (chosen.size() < count) {
                chosen.add(r.nextInt(bits));
            }
            for (int bit : chosen) {
                out[1 + bit / 8] ^= (byte) (1 << (bit % 8));
            }
            return out;
        }
    }
}
