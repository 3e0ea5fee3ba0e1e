package dev.warden.codec.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.codec.fingerprint.ConfirmationCode;
import dev.warden.codec.fingerprint.FingerprintDecoding;
import dev.warden.codec.fingerprint.FingerprintReply;
import dev.warden.codec.fingerprint.FingerprintStreamDecoder;
import dev.warden.codec.modbus.ModbusRequestReader;
import dev.warden.codec.modbus.ModbusResponse;
import dev.warden.codec.modbus.RequestEvent;
import dev.warden.codec.modbus.ResponseResult;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.codec.osdp.OsdpDecoded;
import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpFrameEncoder;
import dev.warden.codec.osdp.OsdpFrameReader;
import dev.warden.codec.osdp.OsdpMessageDecoder;
import dev.warden.codec.osdp.OsdpOpenResult;
import dev.warden.codec.osdp.OsdpReadResult;
import dev.warden.codec.osdp.OsdpReply;
import dev.warden.codec.osdp.SecurityBlock;
import dev.warden.codec.wiegand.WiegandDecoder;
import dev.warden.codec.wiegand.WiegandResult;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Verifies that every benchmark's operation ({@link DevicePaths}) on its frame ({@link DeviceFrames}) ends as the
 * benchmark's name says — a card, a search match, an accepted reply — and keeps doing so when repeated on the same
 * long-lived reader or session, so a change to a codec cannot silently turn a benchmark into a cheap rejection. The
 * benchmarks themselves never run in the test suite.
 */
class DevicePathsTest {

    private final byte[] readBuffer = new byte[256];

    @ParameterizedTest(name = "{0}-byte reads")
    @ValueSource(ints = {1, 8, 17})
    void plaintextRawReplyDecodesToTheCardInAnyChunkingAndLeavesTheReaderEmpty(int chunk) {
        byte[] wire = DeviceFrames.plaintextRawReplyWire();
        assertThat(wire).hasSize(17);
        OsdpFrameReader reader = new OsdpFrameReader();
        for (int i = 0; i < 3; i++) {
            assertThat(DevicePaths.readReply(reader, wire, readBuffer, chunk)).isEqualTo(rawCard());
            assertThat(reader.buffered()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}-byte reads")
    @ValueSource(ints = {8, 31})
    void secureRawReplyOpensToTheCardOnEveryRepetition(int chunk) {
        DeviceFrames.SecureChannel channel = DeviceFrames.establish(new Random(DeviceFrames.SEED));
        byte[] wire = DeviceFrames.secureRawReplyWire(channel);
        assertThat(wire).hasSize(31);
        OsdpFrame onTheWire = onlyFrame(wire);
        assertThat(onTheWire.securityBlock()).map(SecurityBlock::type).contains(SecurityBlock.SCS_18);
        assertThat(onTheWire.mac()).hasSize(4);
        assertThat(onTheWire.data()).hasSize(16).isNotEqualTo(rawCardData());

        OsdpFrameReader reader = new OsdpFrameReader();
        for (int i = 0; i < 3; i++) {
            assertThat(DevicePaths.openReply(channel.cp(), reader, wire, readBuffer, chunk)).isEqualTo(rawCard());
        }
    }

    @Test
    void secureRawReplyWithAFlippedCipherBitIsRefusedNotMeasured() {
        DeviceFrames.SecureChannel channel = DeviceFrames.establish(new Random(DeviceFrames.SEED));
        OsdpFrame reply = onlyFrame(DeviceFrames.secureRawReplyWire(channel));
        byte[] data = reply.data();
        data[0] ^= 0x01;
        byte[] tampered = OsdpFrameEncoder.encode(reply.withData(data));
        assertThatThrownBy(() -> DevicePaths.openReply(channel.cp(), new OsdpFrameReader(), tampered, readBuffer, 8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MAC_MISMATCH");
    }

    @Test
    void aCorruptedPlaintextFrameThrowsInsteadOfBeingMeasuredAsARejection() {
        byte[] wire = DeviceFrames.plaintextRawReplyWire();
        wire[wire.length - 1] ^= 0x55;
        assertThatThrownBy(() -> DevicePaths.readReply(new OsdpFrameReader(), wire, readBuffer, 8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BAD_CRC");
    }

    @Test
    void sealedPollsOpenAtThePdInSequence() {
        DeviceFrames.SecureChannel channel = DeviceFrames.establish(new Random(DeviceFrames.SEED));
        for (int sequence : new int[] {1, 2, 3, 1}) {
            OsdpFrame sealed = onlyFrame(DevicePaths.sealPoll(channel.cp(), DeviceFrames.OSDP_ADDRESS, sequence));
            assertThat(sealed.securityBlock()).map(SecurityBlock::type).contains(SecurityBlock.SCS_15);
            assertThat(sealed.sequence()).isEqualTo(sequence);
            assertThat(channel.pd().open(sealed)).isInstanceOfSatisfying(OsdpOpenResult.Opened.class,
                    opened -> assertThat(OsdpMessageDecoder.command(opened.frame()))
                            .isEqualTo(new OsdpDecoded.Ok<OsdpCommand>(new OsdpCommand.Poll())));
        }
    }

    @Test
    void wiegandFramesDecodeToTheirCardsFromPackedBytesAndFromBits() {
        WiegandDecoder decoder = new WiegandDecoder();
        WiegandResult h10301 = new WiegandResult.Decoded("H10301", DeviceFrames.H10301_FACILITY, DeviceFrames.H10301_CARD);
        WiegandResult corp1000 =
                new WiegandResult.Decoded("CORP1000", DeviceFrames.CORP1000_COMPANY, DeviceFrames.CORP1000_CARD);

        assertThat(DevicePaths.decodeRaw(decoder, DeviceFrames.packed(DeviceFrames.h10301Bits()), 26)).isEqualTo(h10301);
        assertThat(DevicePaths.decodeRaw(decoder, DeviceFrames.packed(DeviceFrames.corp1000Bits()), 35)).isEqualTo(corp1000);
        assertThat(DevicePaths.decodeBits(decoder, DeviceFrames.h10301Bits())).isEqualTo(h10301);
        assertThat(DevicePaths.decodeBits(decoder, DeviceFrames.corp1000Bits())).isEqualTo(corp1000);
    }

    @Test
    void sensorReplyIsAcceptedWithItsRegisters() {
        byte[] wire = DeviceFrames.sensorReplyWire();
        assertThat(wire).hasSize(9);
        assertThat(DevicePaths.readResponse(DeviceFrames.SENSOR_POLL, wire, readBuffer)).isEqualTo(new ResponseResult.Accepted(
                new ModbusResponse.ReadInputRegistersResponse(2, DeviceFrames.SENSOR_REGISTERS)));
    }

    @Test
    void sensorRequestIsReceivedOnEveryRepetitionAndLeavesTheReaderEmpty() {
        byte[] wire = DeviceFrames.sensorRequestWire();
        assertThat(wire).hasSize(8);
        ModbusRequestReader reader = new ModbusRequestReader();
        for (int i = 0; i < 3; i++) {
            assertThat(DevicePaths.readRequest(reader, wire, readBuffer))
                    .isEqualTo(new RequestEvent.Received(DeviceFrames.SENSOR_POLL));
            assertThat(reader.buffered()).isZero();
        }
    }

    @Test
    void searchAcknowledgementDecodesToTheMatchOnEveryRepetition() {
        byte[] wire = DeviceFrames.searchAckWire();
        assertThat(wire).hasSize(16);
        FingerprintStreamDecoder decoder = new FingerprintStreamDecoder();
        for (int i = 0; i < 3; i++) {
            assertThat(DevicePaths.readAck(decoder, DeviceFrames.FINGER_SEARCH, wire, readBuffer))
                    .isEqualTo(new FingerprintDecoding.Ok<FingerprintReply>(new FingerprintReply.SearchResult(
                            ConfirmationCode.OK.code(), DeviceFrames.FINGER_PAGE, DeviceFrames.FINGER_SCORE)));
            assertThat(decoder.buffered()).isZero();
        }
    }

    private static OsdpDecoded<OsdpReply> rawCard() {
        return new OsdpDecoded.Ok<>(OsdpReply.RawCard.wiegand(0, DeviceFrames.h10301Bits()));
    }

    private static byte[] rawCardData() {
        return OsdpReply.RawCard.wiegand(0, DeviceFrames.h10301Bits()).encode();
    }

    private static OsdpFrame onlyFrame(byte[] wire) {
        List<OsdpReadResult> results = new OsdpFrameReader().feed(wire);
        assertThat(results).hasSize(1).first().isInstanceOf(OsdpReadResult.Frame.class);
        return ((OsdpReadResult.Frame) results.getFirst()).frame();
    }
}
