package dev.warden.codec.osdp;

import static dev.warden.codec.osdp.OsdpHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes: every captured frame of shared/references/PROTOCOLS.md (OSDP part), libosdp's packet-building
 * vectors ({@code tests/unit-tests/test-cp-phy.c}: POLL, ID, CHLNG) and the SIA Annex E CRC/checksum example messages
 * ({@code tests/unit-tests/test-sc-sia-vectors.c}) are encoded byte for byte from typed messages and decoded back.
 */
class OsdpGoldenFramesTest {

    @Test
    void idCommand() {
        // FF mark | 53 SOM | 65 addr | 09 00 LEN=9 | 04 CTRL: seq 0, CRC | 61 osdp_ID | 00 reply type | d9 7a CRC
        assertGolden(OsdpFrame.command(0x65, 0, new OsdpCommand.Id(0)), "ff 53 65 09 00 04 61 00 d9 7a");
        assertThat(decodeCommand("ff 53 65 09 00 04 61 00 d9 7a")).isEqualTo(new OsdpCommand.Id(0));
    }

    @Test
    void pdIdReply() {
        // 53 | e5 = 65 + reply bit | 14 00 LEN=20 | 04 seq 0 CRC | 45 osdp_PDID |
        // b2 a1 00 vendor (LE) | 02 model | 01 version | 78 56 34 12 serial (LE) | 01 02 03 firmware | 94 2b CRC
        OsdpReply.PdId pdid = new OsdpReply.PdId(0x00A1B2, 2, 1, 0x12345678L, 1, 2, 3);
        assertGolden(OsdpFrame.reply(0x65, 0, pdid), "ff 53 e5 14 00 04 45 b2 a1 00 02 01 78 56 34 12 01 02 03 94 2b");
        assertThat(decodeReply("ff 53 e5 14 00 04 45 b2 a1 00 02 01 78 56 34 12 01 02 03 94 2b")).isEqualTo(pdid);
    }

    @Test
    void pollAndAckWithSequence2() {
        // CTRL 06 = seq 2 | CRC
        assertGolden(OsdpFrame.command(0x65, 2, new OsdpCommand.Poll()), "ff 53 65 08 00 06 60 02 f6");
        assertGolden(OsdpFrame.reply(0x65, 2, new OsdpReply.Ack()), "ff 53 e5 08 00 06 40 b0 f0");
        assertThat(decodeCommand("ff 53 65 08 00 06 60 02 f6")).isEqualTo(new OsdpCommand.Poll());
        assertThat(decodeReply("ff 53 e5 08 00 06 40 b0 f0")).isEqualTo(new OsdpReply.Ack());
    }

    @Test
    void ledCommand() {
        // CTRL 07 = seq 3 | CRC; 69 osdp_LED; one 14-byte record:
        // 00 reader | 00 LED | 01 temp control | 0a on | 0a off | 02 on colour green | 00 off colour | 0a 00 timer |
        // 00 perm control | 00 on | 00 off | 00 on colour | 00 off colour
        OsdpCommand.Led led = new OsdpCommand.Led(List.of(new OsdpCommand.LedControl(0, 0, 1, 10, 10,
                OsdpCommand.LedControl.GREEN, OsdpCommand.LedControl.BLACK, 10, 0, 0, 0, 0, 0)));
        String wire = "ff 53 65 16 00 07 69 00 00 01 0a 0a 02 00 0a 00 00 00 00 00 00 11 24";
        assertGolden(OsdpFrame.command(0x65, 3, led), wire);
        assertThat(decodeCommand(wire)).isEqualTo(led);
    }

    @Test
    void buzzerCommand() {
        // CTRL 05 = seq 1 | CRC; 6a osdp_BUZ: 00 reader | 02 default tone | 05 on | 05 off | 02 count
        OsdpCommand.Buzzer buz = new OsdpCommand.Buzzer(0, OsdpCommand.Buzzer.TONE_DEFAULT, 5, 5, 2);
        assertGolden(OsdpFrame.command(0x65, 1, buz), "ff 53 65 0d 00 05 6a 00 02 05 05 02 d8 ef");
        assertThat(decodeCommand("ff 53 65 0d 00 05 6a 00 02 05 05 02 d8 ef")).isEqualTo(buz);
    }

    @Test
    void libosdpPollWithSequence0() {
        // libosdp test_cp_build_packet_poll: seq 0, CRC
        assertGolden(OsdpFrame.command(0x65, 0, new OsdpCommand.Poll()), "ff 53 65 08 00 04 60 60 90");
    }

    @Test
    void libosdpChallengeWithoutSecurityBlock() {
        // libosdp test_cp_build_packet_chlng (built without a security block): 76 osdp_CHLNG, RND.A 01..08
        OsdpCommand.Challenge chlng = new OsdpCommand.Challenge(hex("01 02 03 04 05 06 07 08"));
        String wire = "ff 53 65 10 00 04 76 01 02 03 04 05 06 07 08 0d 20";
        assertGolden(OsdpFrame.command(0x65, 0, chlng), wire);
        assertThat(decodeCommand(wire)).isEqualTo(chlng);
    }

    @Test
    void annexEComsetBroadcastInBothCheckModes() {
        OsdpCommand.ComSet comset = new OsdpCommand.ComSet(0, 9600);
        OsdpFrame crc = OsdpFrame.command(OsdpFrame.BROADCAST, 0, comset);
        assertThat(hex(OsdpFrameEncoder.encodeWithoutMark(crc))).isEqualTo("53 7f 0d 00 04 6e 00 80 25 00 00 6e 38");
        OsdpFrame checksum = new OsdpFrame(OsdpFrame.BROADCAST, false, 0, false, java.util.Optional.empty(),
                OsdpCommand.COMSET, comset.encode(), new byte[0]);
        assertThat(hex(OsdpFrameEncoder.encodeWithoutMark(checksum))).isEqualTo("53 7f 0c 00 00 6e 00 80 25 00 00 0f");
        assertThat(decodeFrame("53 7f 0c 00 00 6e 00 80 25 00 00 0f")).isEqualTo(checksum);
        assertThat(decodeFrame("53 7f 0d 00 04 6e 00 80 25 00 00 6e 38")).isEqualTo(crc);
    }

    @Test
    void annexEIdToAddress0InBothCheckModes() {
        assertThat(hex(OsdpFrameEncoder.encodeWithoutMark(OsdpFrame.command(0, 0, new OsdpCommand.Id(0)))))
                .isEqualTo("53 00 09 00 04 61 00 c0 66");
        OsdpFrame checksum = new OsdpFrame(0, false, 0, false, java.util.Optional.empty(), OsdpCommand.ID,
                new byte[] {0}, new byte[0]);
        assertThat(hex(OsdpFrameEncoder.encodeWithoutMark(checksum))).isEqualTo("53 00 08 00 00 61 00 44");
        assertThat(decodeFrame("53 00 08 00 00 61 00 44")).isEqualTo(checksum);
    }

    private static void assertGolden(OsdpFrame frame, String wire) {
        assertThat(hex(OsdpFrameEncoder.encode(frame))).isEqualTo(wire);
        assertThat(decodeFrame(wire)).isEqualTo(frame);
    }

    static OsdpFrame decodeFrame(String wire) {
        List<OsdpReadResult> results = new OsdpFrameReader().feed(hex(wire));
        assertThat(results).hasSize(1).first().isInstanceOf(OsdpReadResult.Frame.class);
        return ((OsdpReadResult.Frame) results.getFirst()).frame();
    }

    private static OsdpCommand decodeCommand(String wire) {
        OsdpDecoded<OsdpCommand> decoded = OsdpMessageDecoder.command(decodeFrame(wire));
        assertThat(decoded).isInstanceOf(OsdpDecoded.Ok.class);
        return ((OsdpDecoded.Ok<OsdpCommand>) decoded).message();
    }

    private static OsdpReply decodeReply(String wire) {
        OsdpDecoded<OsdpReply> decoded = OsdpMessageDecoder.reply(decodeFrame(wire));
        assertThat(decoded).isInstanceOf(OsdpDecoded.Ok.class);
        return ((OsdpDecoded.Ok<OsdpReply>) decoded).message();
    }
}
