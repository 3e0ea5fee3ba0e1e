package dev.warden.codec.fingerprint;

import static dev.warden.codec.fingerprint.FingerprintTestBytes.hex;
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
import dev.warden.codec.fingerprint.FingerprintReply.SearchResult;
import dev.warden.codec.fingerprint.FingerprintReply.Status;
import dev.warden.codec.fingerprint.FingerprintReply.SystemParameters;
import dev.warden.codec.fingerprint.FingerprintReply.TemplateCount;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Verifies every command and reply type against bytes on the wire: the three frames published in PROTOCOLS.md, a
 * ReadSysPara reply captured from an R30x module, and the rest laid out field by field from the datasheet format
 * (checksum = low 16 bits of packet id + length bytes + payload; the address is not summed).
 */
class FingerprintGoldenFramesTest {

    private static final long DEFAULT = FingerprintPacket.DEFAULT_ADDRESS;

    static Stream<Arguments> commands() {
        return Stream.of(
                // PROTOCOLS.md: header | address | pid | length | VfyPwd 13, password 00000000 | checksum
                Arguments.of(new VfyPwd(0), "ef01 ffffffff 01 0007 13 00000000 001b"),
                // PROTOCOLS.md: GenImg 01
                Arguments.of(new GenImg(), "ef01 ffffffff 01 0003 01 0005"),
                // Img2Tz 02, buffer 01: 01+00+04+02+01 = 08
                Arguments.of(new Img2Tz(1), "ef01 ffffffff 01 0004 02 01 0008"),
                Arguments.of(new Img2Tz(2), "ef01 ffffffff 01 0004 02 02 0009"),
                // Match 03
                Arguments.of(new Match(), "ef01 ffffffff 01 0003 03 0007"),
                // Search 04, buffer 01, start 0000, count 03e8 (1000): 01+08+04+01+03+e8 = f9
                Arguments.of(new Search(1, 0, 1000), "ef01 ffffffff 01 0008 04 01 0000 03e8 00f9"),
                // RegModel 05
                Arguments.of(new RegModel(), "ef01 ffffffff 01 0003 05 0009"),
                // Store 06, buffer 01, page 0005: 01+06+06+01+05 = 13
                Arguments.of(new Store(1, 5), "ef01 ffffffff 01 0006 06 01 0005 0013"),
                // DeletChar 0c, page 0005, count 0001: 01+07+0c+05+01 = 1a
                Arguments.of(new DeletChar(5, 1), "ef01 ffffffff 01 0007 0c 0005 0001 001a"),
                // Empty 0d
                Arguments.of(new Empty(), "ef01 ffffffff 01 0003 0d 0011"),
                // ReadSysPara 0f
                Arguments.of(new ReadSysPara(), "ef01 ffffffff 01 0003 0f 0013"),
                // HandShake 17, control code 00: 01+04+17 = 1c
                Arguments.of(new HandShake(), "ef01 ffffffff 01 0004 17 00 001c"),
                // TemplateNum 1d
                Arguments.of(new TemplateNum(), "ef01 ffffffff 01 0003 1d 0021"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void commandEncodesToGoldenBytesAndDecodesBack(FingerprintCommand command, String wire) {
        assertThat(hex(FingerprintCommandCodec.encode(DEFAULT, command))).isEqualTo(wire.replace(" ", ""));

        List<StreamEvent> events = new FingerprintStreamDecoder().feed(hex(wire));
        assertThat(events).singleElement().isInstanceOf(StreamEvent.Packet.class);
        FingerprintPacket packet = ((StreamEvent.Packet) events.getFirst()).packet();
        assertThat(packet.address()).isEqualTo(DEFAULT);
        assertThat(packet.type()).isEqualTo(PacketType.COMMAND);
        assertThat(FingerprintCommandCodec.decode(packet)).isEqualTo(new FingerprintDecoding.Ok<>(command));
    }

    static Stream<Arguments> replies() {
        return Stream.of(
                // PROTOCOLS.md: VfyPwd ack, code 00
                Arguments.of(new VfyPwd(0), "ef01 ffffffff 07 0003 00 000a", new Status(0x00)),
                // wrong password 13: 07+03+13 = 1d
                Arguments.of(new VfyPwd(0), "ef01 ffffffff 07 0003 13 001d", new Status(0x13)),
                // GenImg: no finger 02
                Arguments.of(new GenImg(), "ef01 ffffffff 07 0003 02 000c", new Status(0x02)),
                // Search found: code 00, page 0005, score 0064 (100): 07+07+05+64 = 77
                Arguments.of(new Search(1, 0, 1000), "ef01 ffffffff 07 0007 00 0005 0064 0077",
                        new SearchResult(0x00, 5, 100)),
                // Search not found, full size: code 09, page 0000, score 0000: 07+07+09 = 17
                Arguments.of(new Search(1, 0, 1000), "ef01 ffffffff 07 0007 09 0000 0000 0017",
                        new SearchResult(0x09, 0, 0)),
                // Search not found, code only: 07+03+09 = 13
                Arguments.of(new Search(1, 0, 1000), "ef01 ffffffff 07 0003 09 0013", new SearchResult(0x09, 0, 0)),
                // TemplateNum: code 00, count 0003: 07+05+03 = 0f
                Arguments.of(new TemplateNum(), "ef01 ffffffff 07 0005 00 0003 000f", new TemplateCount(0, 3)),
                // ReadSysPara captured from an R30x: status 0000, system id 0000, library 00c8 (200), security 0003,
                // address ffffffff, packet size code 0002 (128 bytes), baud 0006 (57600)
                Arguments.of(new ReadSysPara(),
                        "ef01 ffffffff 07 0013 00 0000 0000 00c8 0003 ffffffff 0002 0006 04e9",
                        new SystemParameters(0, 0, 0, 200, 3, 0xFFFF_FFFFL, 2, 6)),
                // Match: code 00, score 00c8: 07+05+c8 = d4
                Arguments.of(new Match(), "ef01 ffffffff 07 0005 00 00c8 00d4",
                        new FingerprintReply.MatchScore(0, 200)),
                // RegModel: merge failed 0a: 07+03+0a = 14
                Arguments.of(new RegModel(), "ef01 ffffffff 07 0003 0a 0014", new Status(0x0A)),
                // Store: bad page 0b
                Arguments.of(new Store(1, 5), "ef01 ffffffff 07 0003 0b 0015", new Status(0x0B)),
                // password must be verified 21: 07+03+21 = 2b
                Arguments.of(new TemplateNum(), "ef01 ffffffff 07 0003 21 002b", new TemplateCount(0x21, 0)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("replies")
    void replyDecodesFromGoldenBytes(FingerprintCommand sent, String wire, FingerprintReply expected) {
        List<StreamEvent> events = new FingerprintStreamDecoder().feed(hex(wire));
        assertThat(events).singleElement().isInstanceOf(StreamEvent.Packet.class);
        FingerprintPacket packet = ((StreamEvent.Packet) events.getFirst()).packet();
        assertThat(packet.type()).isEqualTo(PacketType.ACK);
        assertThat(FingerprintReplyCodec.decode(sent, packet)).isEqualTo(new FingerprintDecoding.Ok<>(expected));
    }

    @Test
    void fullSizeRepliesEncodeToTheGoldenBytes() {
        assertThat(hex(FingerprintReplyCodec.encode(DEFAULT, new Status(0))))
                .isEqualTo("ef01ffffffff0700030000" + "0a");
        assertThat(hex(FingerprintReplyCodec.encode(DEFAULT, new SearchResult(0, 5, 100))))
                .isEqualTo("ef01ffffffff07000700000500640077");
        assertThat(hex(FingerprintReplyCodec.encode(DEFAULT,
                new SystemParameters(0, 0, 0, 200, 3, 0xFFFF_FFFFL, 2, 6))))
                .isEqualTo("ef01ffffffff070013000000000000c80003ffffffff0002000604e9");
    }

    @Test
    void addressIsCarriedButNotSummed() {
        // module address 12345678, VfyPwd with password 0a0b0c0d: 01+07+13+0a+0b+0c+0d = 49
        byte[] wire = FingerprintCommandCodec.encode(0x1234_5678L, new VfyPwd(0x0A0B_0C0DL));
        assertThat(hex(wire)).isEqualTo("ef011234567801000713" + "0a0b0c0d" + "0049");
        FingerprintPacket packet = ((StreamEvent.Packet) new FingerprintStreamDecoder().feed(wire).getFirst()).packet();
        assertThat(packet.address()).isEqualTo(0x1234_5678L);
    }
}
