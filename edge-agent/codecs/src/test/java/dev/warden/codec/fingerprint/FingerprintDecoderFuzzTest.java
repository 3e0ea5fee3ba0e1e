package dev.warden.codec.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.fingerprint.FingerprintCommand.DeletChar;
import dev.warden.codec.fingerprint.FingerprintCommand.Empty;
import dev.warden.codec.fingerprint.FingerprintCommand.GenImg;
import dev.warden.codec.fingerprint.FingerprintCommand.HandShake;
import dev.warden.codec.fingerprint.FingerprintCommand.Img2Tz;
import dev.warden.codec.fingerprint.FingerprintCommand.Match;
import dev.warden.codec.fingerprint.FingerprintCommand.ReadSysPara;
import dev.warden.codec.fingerprint.FingerprintCommand.RegModel;
import dev.warden.codec.fingerprint.FingerprintCommand.Search;
import dev.warden.codec.fingerprint.FingerprintCommand.Store;
import dev.warden.codec.fingerprint.FingerprintCommand.TemplateNum;
import dev.warden.codec.fingerprint.FingerprintCommand.VfyPwd;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzz and mutation tests of the stream decoder and the command/reply codecs: random and mutated input
 * never throws, never grows the buffer past one packet, and never yields a packet that is not in the input or a
 * corrupted packet as if it were intact.
 */
class FingerprintDecoderFuzzTest {

    private static final int CASES = 20_000;

    @Test
    void randomStreamsNeverThrowAndEveryPacketIsASliceOfTheInput() {
        Random random = new Random(3_141_592L);
        Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
        int packets = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] stream = randomStream(random);
            FingerprintStreamDecoder decoder = new FingerprintStreamDecoder();
            List<StreamEvent> events = feedInRandomChunks(decoder, stream, random);
            for (StreamEvent event : events) {
                switch (event) {
                    case StreamEvent.Packet p -> {
                        packets++;
                        assertThat(indexOf(stream, FingerprintPacketEncoder.encode(p.packet())))
                                .as("decoded packet appears in the input").isNotNegative();
                    }
                    case StreamEvent.Rejected r -> {
                        assertThat(r.detail()).isNotBlank();
                        reasons.merge(r.reason(), 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(packets).isPositive();
        assertThat(reasons).containsKeys(RejectReason.GARBAGE, RejectReason.BAD_CHECKSUM, RejectReason.BAD_LENGTH,
                RejectReason.UNKNOWN_PACKET_TYPE);
    }

    @Test
    void aSingleCorruptedByteNeverYieldsAnAlteredPacketAndTheNextPacketSurvives() {
        Random random = new Random(2_718_281L);
        int detected = 0;
        for (int i = 0; i < CASES; i++) {
            FingerprintPacket original = randomPacket(random);
            byte[] wire = FingerprintPacketEncoder.encode(original);
            int index = random.nextInt(wire.length);
            byte[] corrupted = wire.clone();
            corrupted[index] = (byte) (corrupted[index] ^ (1 + random.nextInt(255)));
            FingerprintPacket next = randomPacket(random);

            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            stream.writeBytes(corrupted);
            // silence long enough to end any packet a corrupted length announced, then the next packet
            stream.writeBytes(new byte[FingerprintPacket.MAX_PACKET + 1]);
            stream.writeBytes(FingerprintPacketEncoder.encode(next));

            FingerprintStreamDecoder decoder = new FingerprintStreamDecoder();
            List<FingerprintPacket> decoded = new ArrayList<>();
            for (StreamEvent event : feedInRandomChunks(decoder, stream.toByteArray(), random)) {
                if (event instanceof StreamEvent.Packet p) {
                    decoded.add(p.packet());
                }
            }
            assertThat(decoded).as("case %d, byte %d", i, index).endsWith(next);
            List<FingerprintPacket> fromCorrupted = decoded.subList(0, decoded.size() - 1);
            boolean addressByte = index >= 2 && index <= 5;
            boolean lengthByte = index == 7 || index == 8;
            if (addressByte) {
                // the address is not covered by the checksum: the packet survives, addressed elsewhere
                assertThat(fromCorrupted).singleElement().satisfies(p -> {
                    assertThat(p.address()).isNotEqualTo(original.address());
                    assertThat(p.type()).isEqualTo(original.type());
                    assertThat(p.payload()).isEqualTo(original.payload());
                });
            } else if (!lengthByte) {
                assertThat(fromCorrupted).as("case %d, byte %d", i, index).isEmpty();
                detected++;
            }
            assertThat(decoder.buffered()).isZero();
        }
        assertThat(detected).isPositive();
    }

    @Test
    void commandsSurviveARoundTripThroughTheWire() {
        Random random = new Random(1_618_033L);
        for (int i = 0; i < CASES; i++) {
            FingerprintCommand command = randomCommand(random);
            long address = random.nextLong(0x1_0000_0000L);
            FingerprintStreamDecoder decoder = new FingerprintStreamDecoder();
            List<StreamEvent> events = feedInRandomChunks(decoder,
                    FingerprintCommandCodec.encode(address, command), random);
            assertThat(events).singleElement().isInstanceOfSatisfying(StreamEvent.Packet.class, p -> {
                assertThat(p.packet().address()).isEqualTo(address);
                assertThat(FingerprintCommandCodec.decode(p.packet()))
                        .isEqualTo(new FingerprintDecoding.Ok<>(command));
            });
        }
    }

    @Test
    void repliesSurviveARoundTripForTheCommandTheyAnswer() {
        Random random = new Random(1_414_213L);
        for (int i = 0; i < CASES; i++) {
            FingerprintCommand command = randomCommand(random);
            int code = random.nextInt(4) == 0 ? random.nextInt(256) : 0;
            FingerprintReply reply = switch (command) {
                case Search s -> new FingerprintReply.SearchResult(code, random.nextInt(65536), random.nextInt(65536));
                case Match m -> new FingerprintReply.MatchScore(code, random.nextInt(65536));
                case TemplateNum t -> new FingerprintReply.TemplateCount(code, random.nextInt(65536));
                case ReadSysPara r -> new FingerprintReply.SystemParameters(code, random.nextInt(65536),
                        random.nextInt(65536), random.nextInt(65536), random.nextInt(65536),
                        random.nextLong(0x1_0000_0000L), random.nextInt(4), random.nextInt(13));
                default -> new FingerprintReply.Status(code);
            };
            FingerprintPacket packet = FingerprintReplyCodec.toPacket(7, reply);
            assertThat(FingerprintReplyCodec.decode(command, packet)).isEqualTo(new FingerprintDecoding.Ok<>(reply));
        }
    }

    @Test
    void randomPacketsNeverMakeTheCommandOrReplyCodecThrow() {
        Random random = new Random(577_215L);
        Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            FingerprintPacket packet = randomPacket(random);
            for (FingerprintDecoding<?> decoding : List.of(FingerprintCommandCodec.decode(packet),
                    FingerprintReplyCodec.decode(randomCommand(random), packet))) {
                assertThat(decoding).isNotNull();
                switch (decoding) {
                    case FingerprintDecoding.Ok<?> ok -> accepted++;
                    case FingerprintDecoding.Rejected<?> rejected -> {
                        assertThat(rejected.detail()).isNotBlank();
                        reasons.merge(rejected.reason(), 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(accepted).isPositive();
        assertThat(reasons).containsKeys(RejectReason.UNEXPECTED_PACKET_TYPE, RejectReason.BAD_PAYLOAD,
                RejectReason.UNKNOWN_INSTRUCTION);
        assertThat(FingerprintCommandCodec.decode(null)).isInstanceOf(FingerprintDecoding.Rejected.class);
        assertThat(FingerprintReplyCodec.decode(null, null)).isInstanceOf(FingerprintDecoding.Rejected.class);
    }

    // ---- generators ----

    static FingerprintCommand randomCommand(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new VfyPwd(random.nextLong(0x1_0000_0000L));
            case 1 -> new GenImg();
            case 2 -> new Img2Tz(1 + random.nextInt(2));
            case 3 -> new Match();
            case 4 -> new Search(1 + random.nextInt(2), random.nextInt(65536), random.nextInt(65536));
            case 5 -> new RegModel();
            case 6 -> new Store(1 + random.nextInt(2), random.nextInt(65536));
            case 7 -> new DeletChar(random.nextInt(65536), random.nextInt(65536));
            case 8 -> new Empty();
            case 9 -> new TemplateNum();
            case 10 -> new ReadSysPara();
            default -> new HandShake();
        };
    }

    static FingerprintPacket randomPacket(Random random) {
        PacketType type = PacketType.values()[random.nextInt(PacketType.values().length)];
        int length = random.nextInt(4) == 0 ? random.nextInt(FingerprintPacket.MAX_PAYLOAD + 1) : random.nextInt(20);
        byte[] payload = new byte[length];
        random.nextBytes(payload);
        if (length > 0 && random.nextBoolean()) {
            payload[0] = (byte) new int[] {0x01, 0x02, 0x04, 0x06, 0x0C, 0x13, 0x17, 0x1D, 0x0F}[random.nextInt(9)];
        }
        long address = random.nextBoolean() ? FingerprintPacket.DEFAULT_ADDRESS : random.nextLong(0x1_0000_0000L);
        return new FingerprintPacket(address, type, payload);
    }

    private static byte[] randomStream(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = 1 + random.nextInt(6);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(6)) {
                case 0 -> { // noise
                    byte[] noise = new byte[random.nextInt(40)];
                    random.nextBytes(noise);
                    out.writeBytes(noise);
                }
                case 1 -> { // a header followed by noise: bad type, length or checksum
                    out.write(0xEF);
                    out.write(0x01);
                    byte[] noise = new byte[random.nextInt(30)];
                    random.nextBytes(noise);
                    out.writeBytes(noise);
                }
                case 2 -> { // a truncated packet
                    byte[] wire = FingerprintPacketEncoder.encode(randomPacket(random));
                    out.write(wire, 0, random.nextInt(wire.length));
                }
                case 3 -> { // a packet with one byte flipped
                    byte[] wire = FingerprintPacketEncoder.encode(randomPacket(random));
                    wire[random.nextInt(wire.length)] ^= (byte) (1 + random.nextInt(255));
                    out.writeBytes(wire);
                }
                default -> out.writeBytes(FingerprintPacketEncoder.encode(randomPacket(random)));
            }
        }
        return out.toByteArray();
    }

    private static List<StreamEvent> feedInRandomChunks(FingerprintStreamDecoder decoder, byte[] stream,
            Random random) {
        List<StreamEvent> events = new ArrayList<>();
        int position = 0;
        while (position < stream.length) {
            int chunk = Math.min(stream.length - position, 1 + random.nextInt(64));
            events.addAll(decoder.feed(stream, position, chunk));
            assertThat(decoder.buffered()).isLessThanOrEqualTo(FingerprintPacket.MAX_PACKET);
            position += chunk;
        }
        return events;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
