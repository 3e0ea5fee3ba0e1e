package dev.warden.codec.osdp;

import static dev.warden.codec.osdp.OsdpHex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.codec.osdp.OsdpDecoded.Invalid;
import dev.warden.codec.osdp.OsdpDecoded.Reason;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every typed command and reply: its code and data bytes (commented field by field) and the decode back. */
class OsdpMessagesTest {

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(new OsdpCommand.Poll(), 0x60, ""),
                Arguments.of(new OsdpCommand.Id(0), 0x61, "00"),
                Arguments.of(new OsdpCommand.Cap(0), 0x62, "00"),
                Arguments.of(new OsdpCommand.LocalStatus(), 0x64, ""),
                Arguments.of(new OsdpCommand.InputStatus(), 0x65, ""),
                Arguments.of(new OsdpCommand.OutputStatus(), 0x66, ""),
                // output 0 | 05 temporary on | timer 0x0032 = 50 × 100 ms (LE); output 1 | 01 permanent off | 0
                Arguments.of(new OsdpCommand.Output(List.of(
                        new OsdpCommand.OutputControl(0, OsdpCommand.OutputControl.TEMPORARY_ON, 50),
                        new OsdpCommand.OutputControl(1, OsdpCommand.OutputControl.PERMANENT_OFF_ABORT_TIMED, 0))),
                        0x68, "00 05 32 00 01 01 00 00"),
                // reader 0 | LED 0 | 02 set temporary | on 30 | off 0 | green | black | timer 30 (LE) | permanent NOP ×5
                Arguments.of(new OsdpCommand.Led(List.of(OsdpCommand.LedControl.temporary(0, 0, 2, 30))),
                        0x69, "00 00 02 1e 00 02 00 1e 00 00 00 00 00 00"),
                Arguments.of(new OsdpCommand.Buzzer(0, 2, 10, 0, 1), 0x6A, "00 02 0a 00 01"),
                // address 0x11 | baud 115200 = 0x0001C200 LE
                Arguments.of(new OsdpCommand.ComSet(0x11, 115200), 0x6E, "11 00 c2 01 00"),
                // type 1 = SCBK | length 16 | key
                Arguments.of(OsdpCommand.KeySet.scbk(hex("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f")), 0x75,
                        "01 10 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f"),
                Arguments.of(new OsdpCommand.Challenge(hex("b0 b1 b2 b3 b4 b5 b6 b7")), 0x76, "b0 b1 b2 b3 b4 b5 b6 b7"),
                Arguments.of(new OsdpCommand.ServerCryptogram(hex("26 D3 35 6E 07 76 2D 26 28 01 FC 8E 66 65 A8 91")),
                        0x77, "26 d3 35 6e 07 76 2d 26 28 01 fc 8e 66 65 a8 91"));
    }

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of(new OsdpReply.Ack(), 0x40, ""),
                Arguments.of(new OsdpReply.Nak(OsdpNakCode.UNKNOWN_COMMAND), 0x41, "03"),
                Arguments.of(new OsdpReply.PdId(0x00A1B2, 2, 1, 0x12345678L, 1, 2, 3), 0x45,
                        "b2 a1 00 02 01 78 56 34 12 01 02 03"),
                // function 9 (communication security) compliance 1 count 1 | function 4 (LED) 1 1
                Arguments.of(new OsdpReply.PdCap(List.of(new OsdpReply.Capability(9, 1, 1), new OsdpReply.Capability(4, 1, 1))),
                        0x46, "09 01 01 04 01 01"),
                Arguments.of(new OsdpReply.LocalStatus(true, false), 0x48, "01 00"),
                Arguments.of(new OsdpReply.InputStatus(List.of(false, true, false)), 0x49, "00 01 00"),
                Arguments.of(new OsdpReply.OutputStatus(List.of(true)), 0x4A, "01"),
                // reader 0 | format 1 Wiegand | 26 bits (1a 00) | H10301 FC 1 CN 1234 left-aligned: 80 82 69 00
                Arguments.of(OsdpReply.RawCard.wiegand(0, "10000000100000100110100100"), 0x50, "00 01 1a 00 80 82 69 00"),
                // reader 0 | 4 keys | '1' '2' '*'=0x7F '#'=0x0D
                Arguments.of(new OsdpReply.Keypad(0, "12*#"), 0x53, "00 04 31 32 7f 0d"),
                Arguments.of(new OsdpReply.Com(0x11, 9600), 0x54, "11 80 25 00 00"),
                Arguments.of(new OsdpReply.ClientCryptogram(hex("00 01 02 03 04 05 06 07"), hex("a0 a1 a2 a3 a4 a5 a6 a7"),
                        hex("FD E5 D2 F4 28 EC 16 31 24 71 EA 3C 02 BD 77 96")), 0x76,
                        "00 01 02 03 04 05 06 07 a0 a1 a2 a3 a4 a5 a6 a7 fd e5 d2 f4 28 ec 16 31 24 71 ea 3c 02 bd 77 96"),
                Arguments.of(new OsdpReply.InitialRmac(hex("B2 A3 00 57 EB 98 BA 22 29 EC 1F 87 56 62 B5 24")), 0x78,
                        "b2 a3 00 57 eb 98 ba 22 29 ec 1f 87 56 62 b5 24"),
                Arguments.of(new OsdpReply.Busy(), 0x79, ""));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void commandEncodesAndDecodes(OsdpCommand command, int code, String data) {
        assertThat(command.code()).isEqualTo(code);
        assertThat(OsdpHex.hex(command.encode())).isEqualTo(data);
        assertThat(OsdpMessageDecoder.command(code, hex(data))).isEqualTo(new OsdpDecoded.Ok<>(command));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void replyEncodesAndDecodes(OsdpReply reply, int code, String data) {
        assertThat(reply.code()).isEqualTo(code);
        assertThat(OsdpHex.hex(reply.encode())).isEqualTo(data);
        assertThat(OsdpMessageDecoder.reply(code, hex(data))).isEqualTo(new OsdpDecoded.Ok<>(reply));
    }

    @Test
    void rawCardBitsAreMsbFirstAndStopAtTheBitCount() {
        OsdpDecoded<OsdpReply> decoded = OsdpMessageDecoder.reply(0x50, hex("00 01 1a 00 80 82 69 00"));
        OsdpReply.RawCard raw = (OsdpReply.RawCard) ((OsdpDecoded.Ok<OsdpReply>) decoded).message();
        assertThat(raw.bits()).isEqualTo("10000000100000100110100100").hasSize(26);
        assertThat(raw.format()).isEqualTo(OsdpReply.RawCard.FORMAT_WIEGAND);
        assertThat(raw.toString()).doesNotContain("1000000010");
    }

    @Test
    void rawCardDataMustMatchTheBitCount() {
        assertThat(OsdpMessageDecoder.reply(0x50, hex("00 01 1a 00 80 82 69"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.BAD_VALUE));
        assertThat(OsdpMessageDecoder.reply(0x50, hex("00 01 1a 00 80 82 69 00 00"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.BAD_VALUE));
        assertThat(OsdpMessageDecoder.reply(0x50, hex("00 01 00 00 80"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.BAD_VALUE));
        assertThat(OsdpMessageDecoder.reply(0x50, hex("00 01 1a 00"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.BAD_LENGTH));
    }

    @Test
    void nakCodesAreNamed() {
        OsdpReply.Nak nak = (OsdpReply.Nak) ((OsdpDecoded.Ok<OsdpReply>) OsdpMessageDecoder.reply(0x41, hex("06 aa"))).message();
        assertThat(nak.kind()).isEqualTo(OsdpNakCode.SECURE_CHANNEL_REQUIRED);
        assertThat(nak.detail()).isEqualTo(hex("aa"));
        assertThat(OsdpNakCode.of(0x01)).isEqualTo(OsdpNakCode.MESSAGE_CHECK);
        assertThat(OsdpNakCode.of(0x04)).isEqualTo(OsdpNakCode.SEQUENCE);
        assertThat(OsdpNakCode.of(0x05)).isEqualTo(OsdpNakCode.SECURITY_BLOCK_UNSUPPORTED);
        assertThat(OsdpNakCode.of(0x42)).isEqualTo(OsdpNakCode.OTHER);
        assertThat(OsdpMessageDecoder.reply(0x41, new byte[0])).isInstanceOf(Invalid.class);
    }

    @Test
    void wrongLengthsAndValuesAreRejectedWithAReason() {
        assertThat(OsdpMessageDecoder.command(0x60, hex("00"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.BAD_LENGTH));
        assertThat(OsdpMessageDecoder.command(0x69, new byte[13])).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.BAD_LENGTH));
        assertThat(OsdpMessageDecoder.command(0x68, new byte[5])).isInstanceOf(Invalid.class);
        assertThat(OsdpMessageDecoder.command(0x75, hex("01 10 00"))).isInstanceOf(Invalid.class);
        assertThat(OsdpMessageDecoder.command(0x6E, hex("80 80 25 00 00"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.BAD_VALUE));
        assertThat(OsdpMessageDecoder.reply(0x48, hex("02 00"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.BAD_VALUE));
        assertThat(OsdpMessageDecoder.reply(0x49, hex("00 07"))).isInstanceOf(Invalid.class);
        assertThat(OsdpMessageDecoder.reply(0x53, hex("00 02 31"))).isInstanceOf(Invalid.class);
        assertThat(OsdpMessageDecoder.reply(0x53, hex("00 01 20"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.BAD_VALUE));
        assertThat(OsdpMessageDecoder.reply(0x46, hex("09 01"))).isInstanceOf(Invalid.class);
        assertThat(OsdpMessageDecoder.reply(0x76, new byte[31])).isInstanceOf(Invalid.class);
    }

    @Test
    void unknownCodesAreRejectedNotGuessed() {
        assertThat(OsdpMessageDecoder.command(0x6B, hex("00"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.UNKNOWN_CODE));
        assertThat(OsdpMessageDecoder.reply(0x51, hex("00"))).isInstanceOfSatisfying(Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(Reason.UNKNOWN_CODE));
    }

    @Test
    void constructorsRefuseValuesTheWireCannotCarry() {
        assertThatThrownBy(() -> new OsdpCommand.Buzzer(0, 2, 256, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OsdpCommand.OutputControl(0, 5, 70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OsdpCommand.Challenge(new byte[7])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OsdpReply.Keypad(0, "1x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OsdpReply.RawCard.wiegand(0, "102")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OsdpFrame(0x80, false, 0, true, java.util.Optional.empty(), 0x60, new byte[0], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OsdpCommand.KeySet.scbk(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pdIdGivesTheUsualClientUid() {
        OsdpReply.PdId id = new OsdpReply.PdId(0x00A1B2, 2, 1, 0x12345678L, 1, 2, 3);
        // vendor b2 a1 | model 02 | version 01 | serial 78 56 34 12
        assertThat(id.clientUid()).isEqualTo(hex("b2 a1 02 01 78 56 34 12"));
    }

    @Test
    void frameToStringNeverShowsData() {
        OsdpFrame keyset = OsdpFrame.command(1, 1, OsdpCommand.KeySet.scbk(hex("a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 aa ab ac ad ae af")));
        assertThat(keyset.toString()).contains("18 bytes").doesNotContain("a0", "-96");
    }
}
