package dev.warden.codec.fingerprint;

import static dev.warden.codec.fingerprint.FingerprintTestBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies resynchronisation, bounded buffering and the reason of each rejection of the stream decoder. */
class FingerprintStreamDecoderTest {

    private static final String ACK_OK = "ef01ffffffff07000300000a";
    private static final String GEN_IMG = "ef01ffffffff01000301" + "0005";

    private final FingerprintStreamDecoder decoder = new FingerprintStreamDecoder();

    @Test
    void decodesAPacketDeliveredOneByteAtATime() {
        List<StreamEvent> events = new ArrayList<>();
        for (byte b : hex(ACK_OK)) {
            events.addAll(decoder.feed(new byte[] {b}));
        }
        assertThat(events).containsExactly(packet(ACK_OK));
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void dropsGarbageBeforeAHeaderWithOneRejection() {
        // 0x55 is the power-up byte some modules send; ef 02 is a false start
        List<StreamEvent> events = decoder.feed(hex("55 00 ef 02 ff" + ACK_OK));
        assertThat(events).containsExactly(
                new StreamEvent.Rejected(RejectReason.GARBAGE, "5 byte(s) outside any packet", 5), packet(ACK_OK));
    }

    @Test
    void keepsALoneTrailingHeaderByteForTheNextFeed() {
        assertThat(decoder.feed(hex("00 ef"))).extracting(e -> ((StreamEvent.Rejected) e).dropped()).containsExactly(1);
        assertThat(decoder.buffered()).isEqualTo(1);
        assertThat(decoder.feed(hex(ACK_OK.substring(2)))).containsExactly(packet(ACK_OK));
    }

    @Test
    void findsAValidPacketThatFollowsATruncatedOne() {
        // the first GenImg ack lost its last 3 bytes; the second packet arrives complete right after
        String truncated = "ef01ffffffff0700030";
        List<StreamEvent> events = decoder.feed(hex(truncated + "2" + GEN_IMG));
        assertThat(events).hasSize(2);
        assertThat(events.getFirst()).isInstanceOfSatisfying(StreamEvent.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.BAD_CHECKSUM));
        assertThat(events.get(1)).isEqualTo(packet(GEN_IMG));
    }

    @Test
    void rejectsABadChecksum() {
        List<StreamEvent> events = decoder.feed(hex("ef01ffffffff07000300000b"));
        assertThat(events).singleElement().isInstanceOfSatisfying(StreamEvent.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.BAD_CHECKSUM);
            assertThat(r.detail()).contains("000B", "000A");
        });
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void rejectsAnUnknownPacketIdAtOnce() {
        List<StreamEvent> events = decoder.feed(hex("ef01ffffffff05000300000a"));
        assertThat(events).singleElement().isInstanceOfSatisfying(StreamEvent.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_PACKET_TYPE));
    }

    @Test
    void rejectsImpossibleLengthsWithoutWaitingForTheirBytes() {
        for (String length : List.of("0000", "0001", "0103", "ffff")) {
            decoder.reset();
            List<StreamEvent> events = decoder.feed(hex("ef01ffffffff07" + length));
            assertThat(events).as(length).singleElement().isInstanceOfSatisfying(StreamEvent.Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo(RejectReason.BAD_LENGTH));
            assertThat(decoder.buffered()).isZero();
        }
    }

    @Test
    void acceptsTheLargestDataPacketAndNeverBuffersMore() {
        byte[] payload = new byte[FingerprintPacket.MAX_PAYLOAD];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        FingerprintPacket big = new FingerprintPacket(1, PacketType.END_OF_DATA, payload);
        byte[] wire = FingerprintPacketEncoder.encode(big);
        assertThat(wire).hasSize(FingerprintPacket.MAX_PACKET);
        byte[] twice = new byte[wire.length * 2];
        System.arraycopy(wire, 0, twice, 0, wire.length);
        System.arraycopy(wire, 0, twice, wire.length, wire.length);
        assertThat(decoder.feed(twice)).containsExactly(new StreamEvent.Packet(big), new StreamEvent.Packet(big));
    }

    @Test
    void resetDropsAPartialPacket() {
        decoder.feed(hex(ACK_OK.substring(0, 14)));
        assertThat(decoder.buffered()).isEqualTo(7);
        decoder.reset();
        assertThat(decoder.buffered()).isZero();
        assertThat(decoder.feed(hex(GEN_IMG))).containsExactly(packet(GEN_IMG));
    }

    @Test
    void rejectsInvalidInputInsteadOfThrowing() {
        assertThat(decoder.feed(null)).singleElement().isInstanceOfSatisfying(StreamEvent.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_INPUT));
        assertThat(decoder.feed(new byte[4], 3, 2)).singleElement().isInstanceOfSatisfying(StreamEvent.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_INPUT));
        assertThat(decoder.feed(new byte[0])).isEmpty();
    }

    @Test
    void packetToStringNeverShowsThePayload() {
        FingerprintPacket vfy = FingerprintCommandCodec.toPacket(FingerprintPacket.DEFAULT_ADDRESS,
                new FingerprintCommand.VfyPwd(0x1234_5678L));
        assertThat(vfy.toString()).doesNotContain("12345678", "0x12").contains("payloadBytes=5");
        assertThat(new FingerprintCommand.VfyPwd(0x1234_5678L).toString()).doesNotContain("305419896");
    }

    private static StreamEvent packet(String wire) {
        List<StreamEvent> events = new FingerprintStreamDecoder().feed(hex(wire));
        assertThat(events).singleElement().isInstanceOf(StreamEvent.Packet.class);
        return events.getFirst();
    }
}
