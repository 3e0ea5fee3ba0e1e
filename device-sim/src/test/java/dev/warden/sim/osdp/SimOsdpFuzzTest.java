package dev.warden.sim.osdp;

import static dev.warden.sim.osdp.OsdpTestCrypto.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.serial.MemoryCable;
import dev.warden.sim.osdp.OsdpFrameDecoder.Accepted;
import dev.warden.sim.osdp.OsdpFrameDecoder.Rejected;
import dev.warden.sim.osdp.OsdpFrameDecoder.Result;
import dev.warden.sim.osdp.OsdpTestPanel.Answer;
import dev.warden.sim.osdp.OsdpTestPanel.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing: random and mutated input (garbage, flipped, inserted, deleted and cut bytes; mutated frames given a
 * valid CRC again so they reach command parsing, security blocks included) never throws out of the decoder or the
 * reader, never grows the decoder's buffer past its bound, and never stops the reader from answering the next valid
 * frame.
 */
class SimOsdpFuzzTest {

    static final long GAP = 50_000_000L;

    /** Frames that passed the decoder and reached the reader's command handling (coverage of the deep paths). */
    long reachedReader;

    /** Valid commands to mutate, plaintext and secure-shaped. */
    static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(SimOsdpFramingTest.ID);
        seeds.add(SimOsdpFramingTest.POLL);
        seeds.add(SimOsdpFramingTest.LED);
        seeds.add(SimOsdpFramingTest.BUZ);
        seeds.add(OsdpTestCrypto.join(SimOsdpFramingTest.ANNEX_E_CRC_1, hex("6E 38")));
        seeds.add(OsdpTestCrypto.join(SimOsdpFramingTest.ANNEX_E_SUM_2, hex("44")));
        seeds.add(OsdpFrame.build(true, 0x65, 1, true, null, 0x68, hex("00 05 0a 00 01 02 00 00"), null));
        seeds.add(OsdpFrame.build(true, 0x65, 1, true, new byte[] {3, 0x11, 0}, 0x76, hex("0102030405060708"), null));
        seeds.add(OsdpFrame.build(true, 0x65, 2, true, new byte[] {3, 0x13, 0}, 0x77, new byte[16], null));
        seeds.add(OsdpFrame.build(true, 0x65, 3, true, new byte[] {2, 0x17}, 0x69, new byte[32], b -> new byte[4]));
        seeds.add(OsdpFrame.build(true, 0x65, 1, true, new byte[] {2, 0x15}, 0x75, hex("01 10"), b -> new byte[4]));
        seeds.add(OsdpFrame.build(true, 0x65, 2, true, null, 0x6E, hex("05 00 4b 00 00"), null));
        return seeds;
    }

    static byte[] mutate(byte[] frame, Random random) {
        byte[] out = frame.clone();
        switch (random.nextInt(5)) {
            case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 3 -> {
                int at = random.nextInt(out.length + 1);
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                byte[] grown = new byte[out.length + extra.length];
                System.arraycopy(out, 0, grown, 0, at);
                System.arraycopy(extra, 0, grown, at, extra.length);
                System.arraycopy(out, at, grown, at + extra.length, out.length - at);
                out = grown;
            }
            default -> {
                int at = random.nextInt(out.length);
                byte[] shrunk = new byte[out.length - 1];
                System.arraycopy(out, 0, shrunk, 0, at);
                System.arraycopy(out, at + 1, shrunk, at, out.length - at - 1);
                out = shrunk;
            }
        }
        return out;
    }

    /**
     * Makes a mutated frame well-formed again where it still starts with [mark] SOM: LEN set to its length and the
     * check recomputed for the mode its CTRL byte now says, so the damage reaches the reader's command parsing.
     */
    static byte[] repair(byte[] frame) {
        int start = frame.length > 0 && (frame[0] & 0xFF) == 0xFF ? 1 : 0;
        if (frame.length - start < 8 || (frame[start] & 0xFF) != 0x53) {
            return frame;
        }
        byte[] out = frame.clone();
        int length = out.length - start;
        out[start + 2] = (byte) length;
        out[start + 3] = (byte) (length >> 8);
        out[start + 4] &= 0x0F;
        if ((out[start + 4] & 0x04) != 0) {
            int value = OsdpTestCrypto.crc(out, start, out.length - 2);
            out[out.length - 2] = (byte) value;
            out[out.length - 1] = (byte) (value >> 8);
        } else {
            out[out.length - 1] = (byte) OsdpTestCrypto.sum(out, start, out.length - 1);
        }
        return out;
    }

    /** Feeds bytes through a decoder into the reader the way the line does; returns the replies. */
    List<byte[]> drive(OsdpFrameDecoder decoder, SimOsdpReader reader, byte[] bytes, long now) {
        List<byte[]> replies = new ArrayList<>();
        for (Result result : decoder.feed(bytes, 0, bytes.length, now)) {
            byte[] reply = switch (result) {
                case Accepted(OsdpFrame frame) -> {
                    if (frame.isReply() || frame.address() != reader.address() && frame.address() != 0x7F) {
                        yield null;
                    }
                    reachedReader++;
                    yield reader.handle(frame);
                }
                case Rejected rejected -> (rejected.addressByte() & 0x7F) == reader.address()
                        ? reader.handleRejected(rejected) : null;
            };
            if (reply != null) {
                replies.add(reply);
            }
            assertThat(decoder.buffered()).isLessThanOrEqualTo(2 * OsdpFrameDecoder.MAX_FRAME);
        }
        return replies;
    }

    @Test
    void randomAndMutatedInputNeverBreaksTheReader() {
        Random random = new Random(0x05D9);
        List<byte[]> seeds = seeds();
        long now = 0;
        for (int round = 0; round < 4000; round++) {
            SimOsdpReader reader = round % 2 == 0
                    ? SimOsdpReader.builder("rdr-fuzz", 0x65).seed(round).build()
                    : SimOsdpReader.builder("rdr-fuzz", 0x65).seed(round).scbk(new byte[16]).build();
            OsdpFrameDecoder decoder = new OsdpFrameDecoder(GAP);
            int pieces = 1 + random.nextInt(6);
            for (int p = 0; p < pieces; p++) {
                byte[] input;
                if (random.nextInt(4) == 0) {
                    input = new byte[random.nextInt(80)];
                    random.nextBytes(input);
                } else {
                    input = seeds.get(random.nextInt(seeds.size()));
                    int mutations = 1 + random.nextInt(3);
                    for (int m = 0; m < mutations && input.length > 1; m++) {
                        input = mutate(input, random);
                    }
                    if (random.nextBoolean()) {
                        input = repair(input);
                    }
                }
                for (byte[] reply : drive(decoder, reader, input, now)) {
                    assertThat(reply).hasSizeGreaterThanOrEqualTo(8);
                }
            }
            // after a quiet gap, a valid command (sequence 0, so whatever came before does not matter) is answered
            now += 2 * GAP;
            int address = reader.address();
            byte[] id = OsdpFrame.build(true, address, 0, true, null, 0x61, new byte[] {0}, null);
            List<byte[]> replies = drive(decoder, reader, id, now);
            assertThat(replies).as("round %d", round).hasSize(1);
            OsdpFrame pdid = SimOsdpReaderTest.decode(replies.getFirst());
            assertThat(pdid.code()).as("round %d", round).isEqualTo(0x45);
            assertThat(pdid.addressByte()).isEqualTo(address | 0x80);
            now += GAP;
        }
        assertThat(reachedReader).isGreaterThan(4000 + 2000); // the final IDs plus mutated frames that got through
    }

    @Test
    void garbageOnALiveLineNeverStopsItAnswering() {
        MemoryCable cable = MemoryCable.create("osdp-fuzz");
        SimOsdpReader reader = SimOsdpReader.builder("rdr-fuzz", 7).build();
        Random random = new Random(0xF022);
        try (SimOsdpLine line = SimOsdpLine.serve("osdp-fuzz", cable.device(), List.of(reader))) {
            OsdpTestPanel panel = new OsdpTestPanel(cable.host());
            List<byte[]> seeds = seeds();
            for (int round = 0; round < 25; round++) {
                byte[] noise;
                if (random.nextBoolean()) {
                    noise = new byte[random.nextInt(300)];
                    random.nextBytes(noise);
                } else {
                    noise = mutate(seeds.get(random.nextInt(seeds.size())), random);
                }
                panel.writeRaw(noise);          // whatever comes back (a NAK, nothing) is drained
                panel.drain(Duration.ofMillis(80));
                panel.setSequence(7, 0);
                Answer answer = panel.send(7, 0x61, (byte) 0);
                assertThat(answer).as("round %d", round).isInstanceOf(Reply.class);
                assertThat(((Reply) answer).code()).isEqualTo(0x45);
            }
            assertThat(line.running()).isTrue();
            assertThat(line.framesHandled()).isGreaterThanOrEqualTo(25);
        } finally {
            cable.close();
        }
    }
}
