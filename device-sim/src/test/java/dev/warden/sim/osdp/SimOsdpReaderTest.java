package dev.warden.sim.osdp;

import static dev.warden.sim.osdp.OsdpTestCrypto.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.sim.osdp.OsdpFrameDecoder.Accepted;
import dev.warden.sim.osdp.OsdpFrameDecoder.Rejected;
import dev.warden.sim.osdp.SimOsdpReader.Fault;
import dev.warden.sim.osdp.SimOsdpReader.LedColor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Verifies one simulated reader command by command, without a thread or a link: golden request/reply bytes, events,
 * timers (on a fake ticker), sequence rules, NAK codes, install mode, and the Annex E handshake replayed on the wire.
 */
class SimOsdpReaderTest {

    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong(5 * SECOND);

    SimOsdpReader.Builder reader(int address) {
        return SimOsdpReader.builder("rdr-test", address).ticker(now::get);
    }

    /** The reader of the PROTOCOLS.md capture: address 0x65, vendor b2 a1 00, model 2, version 1, serial 0x12345678. */
    SimOsdpReader capturedReader() {
        return reader(0x65).vendorCode(0x00A1B2).model(2).version(1).serialNumber(0x12345678L).firmware(1, 2, 3)
                .build();
    }

    static OsdpFrame decode(byte[] bytes) {
        var results = new OsdpFrameDecoder(50_000_000L).feed(bytes, 0, bytes.length, 0);
        assertThat(results).as(hex(bytes)).singleElement().isInstanceOf(Accepted.class);
        return ((Accepted) results.getFirst()).frame();
    }

    static byte[] send(SimOsdpReader reader, byte[] command) {
        return reader.handle(decode(command));
    }

    static byte[] cmd(int address, int sequence, int code, byte... data) {
        return OsdpFrame.build(true, address, sequence, true, null, code, data, null);
    }

    static byte[] reply(int address, int sequence, int code, byte... data) {
        return OsdpFrame.build(true, address | 0x80, sequence, true, null, code, data, null);
    }

    /** Sends seq 0, 1, ... POLLs so the next command may use {@code next}. */
    static void sync(SimOsdpReader reader, int next) {
        for (int s = 0; s < next; s++) {
            assertThat(decode(send(reader, cmd(reader.address(), s, 0x60))).code()).isEqualTo(0x40);
        }
    }

    @Test
    void answersTheCapturedIdWithTheCapturedPdid() {
        assertThat(send(capturedReader(), SimOsdpFramingTest.ID)).isEqualTo(SimOsdpFramingTest.PDID);
    }

    @Test
    void answersTheCapturedPollWithTheCapturedAck() {
        SimOsdpReader reader = capturedReader();
        sync(reader, 2);

        assertThat(send(reader, SimOsdpFramingTest.POLL)).isEqualTo(SimOsdpFramingTest.ACK);
    }

    @Test
    void acksTheCapturedLedCommandWhichCancelsTheTemporaryState() {
        SimOsdpReader reader = capturedReader();
        sync(reader, 1);
        send(reader, cmd(0x65, 1, 0x69, hex("00 00 02 0a 00 02 00 1e 00 00 00 00 00 00"))); // temp green 3 s
        send(reader, cmd(0x65, 2, 0x60));
        assertThat(reader.ledColor()).isEqualTo(LedColor.GREEN);

        // captured: temporary control 01 = cancel any temporary operation, show the permanent state (off)
        assertThat(send(reader, SimOsdpFramingTest.LED)).isEqualTo(reply(0x65, 3, 0x40));
        assertThat(reader.ledColor()).isEqualTo(LedColor.OFF);
    }

    @Test
    void acksTheCapturedBuzzerCommandAndBuzzesForTwoBeeps() {
        SimOsdpReader reader = capturedReader();
        sync(reader, 1);

        // captured: reader 0, tone 2 (default), on 500 ms, off 500 ms, 2 times
        assertThat(send(reader, SimOsdpFramingTest.BUZ)).isEqualTo(reply(0x65, 1, 0x40));
        assertThat(reader.buzzing()).isTrue();
        now.addAndGet(1_900_000_000L);
        assertThat(reader.buzzing()).isTrue();
        now.addAndGet(200_000_000L);
        assertThat(reader.buzzing()).isFalse();
    }

    @Test
    void answersAnnexEIdInCrcAndChecksumModeInTheSameMode() {
        SimOsdpReader reader = reader(0).build();
        byte[] crcId = OsdpTestCrypto.join(SimOsdpFramingTest.ANNEX_E_CRC_2, hex("C0 66"));
        byte[] sumId = OsdpTestCrypto.join(SimOsdpFramingTest.ANNEX_E_SUM_2, hex("44"));

        byte[] crcReply = send(reader, crcId);
        byte[] sumReply = send(reader, sumId);

        assertThat(crcReply[0]).isEqualTo((byte) 0x53); // no mark when the command had none
        assertThat(crcReply[4]).isEqualTo((byte) 0x04);
        assertThat(OsdpTestCrypto.crc(crcReply, 0, crcReply.length - 2))
                .isEqualTo((crcReply[crcReply.length - 2] & 0xFF) | (crcReply[crcReply.length - 1] & 0xFF) << 8);
        assertThat(sumReply[4]).isEqualTo((byte) 0x00);
        assertThat(OsdpTestCrypto.sum(sumReply, 0, sumReply.length - 1)).isEqualTo(sumReply[sumReply.length - 1] & 0xFF);
        assertThat(decode(sumReply).code()).isEqualTo(0x45);
        assertThat(decode(sumReply).data()).isEqualTo(decode(crcReply).data());
    }

    @Test
    void answersTheAnnexEComsetBroadcastKeepingTheBusSpeed() {
        SimOsdpReader reader = reader(0).baud(9600).build();
        byte[] comset = OsdpTestCrypto.join(SimOsdpFramingTest.ANNEX_E_CRC_1, hex("6E 38"));

        byte[] answer = send(reader, comset);

        assertThat(answer).isEqualTo(OsdpFrame.build(false, 0x80, 0, true, null, 0x54, hex("00 80 25 00 00"), null));
        assertThat(reader.address()).isZero();
        assertThat(reader.requestedBaud()).hasValue(9600);
    }

    @Test
    void comsetMovesTheReaderAfterItsReplyAndKeepsItsSpeed() {
        SimOsdpReader reader = reader(3).baud(9600).build();

        byte[] answer = send(reader, cmd(3, 0, 0x6E, hex("05 00 c2 01 00"))); // address 5 at 115200

        assertThat(decode(answer).addressByte()).isEqualTo(0x83);
        assertThat(decode(answer).data()).isEqualTo(hex("05 80 25 00 00"));
        assertThat(reader.address()).isEqualTo(5);
        assertThat(reader.requestedBaud()).hasValue(115200);
        assertThat(decode(send(reader, cmd(5, 1, 0x60))).code()).isEqualTo(0x40);
    }

    @Test
    void replaysTheAnnexEHandshakeOnTheWire() {
        Random annexRandom = new Random() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(SimOsdpSecureChannelTest.PD_RANDOM, 0, bytes, 0, bytes.length);
            }
        };
        SimOsdpReader reader = reader(0).random(annexRandom).vendorCode(0x00A1B2).build(); // install mode: SCBK-D
        sync(reader, 1);

        byte[] chlng = OsdpFrame.build(true, 0, 1, true, new byte[] {3, 0x11, 0}, 0x76,
                SimOsdpSecureChannelTest.CP_RANDOM, null);
        OsdpFrame ccrypt = decode(send(reader, chlng));
        assertThat(ccrypt.code()).isEqualTo(0x76);
        assertThat(ccrypt.securityBlock()).isEqualTo(new byte[] {3, 0x12, 0});
        assertThat(Arrays.copyOfRange(ccrypt.data(), 8, 16)).isEqualTo(SimOsdpSecureChannelTest.PD_RANDOM);
        assertThat(Arrays.copyOfRange(ccrypt.data(), 16, 32)).isEqualTo(SimOsdpSecureChannelTest.CLIENT_CRYPTOGRAM);

        byte[] scrypt = OsdpFrame.build(true, 0, 2, true, new byte[] {3, 0x13, 0}, 0x77,
                SimOsdpSecureChannelTest.SERVER_CRYPTOGRAM, null);
        OsdpFrame rmacI = decode(send(reader, scrypt));
        assertThat(rmacI.code()).isEqualTo(0x78);
        assertThat(rmacI.securityBlock()).isEqualTo(new byte[] {3, 0x14, 1});
        assertThat(rmacI.data()).isEqualTo(SimOsdpSecureChannelTest.RMAC_I);
        assertThat(reader.secureSessionActive()).isTrue();

        // first secure command: POLL with SCS_15 and a C-MAC chained on RMAC_I
        byte[][] cmac = new byte[1][];
        byte[] poll = OsdpFrame.build(true, 0, 3, true, new byte[] {2, 0x15}, 0x60, new byte[0], body ->
                cmac[0] = OsdpTestCrypto.mac(SimOsdpSecureChannelTest.S_MAC1, SimOsdpSecureChannelTest.S_MAC2,
                        SimOsdpSecureChannelTest.RMAC_I, body));
        byte[] ack = send(reader, poll);
        OsdpFrame ackFrame = decode(ack);
        assertThat(ackFrame.code()).isEqualTo(0x40);
        assertThat(ackFrame.securityBlock()).isEqualTo(new byte[] {2, 0x16});
        byte[] rmac = OsdpTestCrypto.mac(SimOsdpSecureChannelTest.S_MAC1, SimOsdpSecureChannelTest.S_MAC2, cmac[0],
                ackFrame.macInput());
        assertThat(ackFrame.mac()).isEqualTo(Arrays.copyOf(rmac, 4));
    }

    @Test
    void reportsACardAsRawBitsOnTheNextPoll() {
        SimOsdpReader reader = reader(1).build();
        sync(reader, 1);
        // H10301 facility 1, card 1234 = 80826900 left-aligned (PROTOCOLS.md), 26 bits
        reader.presentCard("10000000100000100110100100");

        OsdpFrame raw = decode(send(reader, cmd(1, 1, 0x60)));

        assertThat(raw.code()).isEqualTo(0x50);
        // reader 0, format 0 (raw, unspecified), 26 bits LE, bits MSB first
        assertThat(raw.data()).isEqualTo(hex("00 00 1a 00 80 82 69 00"));
        assertThat(decode(send(reader, cmd(1, 2, 0x60))).code()).isEqualTo(0x40);
    }

    @Test
    void reportsKeysAsKeypadData() {
        SimOsdpReader reader = reader(1).build();
        sync(reader, 1);
        reader.pressKeys("19*#A");

        OsdpFrame keypad = decode(send(reader, cmd(1, 1, 0x60)));

        assertThat(keypad.code()).isEqualTo(0x53);
        assertThat(keypad.data()).isEqualTo(hex("00 05 31 39 7f 0d 41"));
    }

    @Test
    void queuesEventsInOrderAndBoundsTheQueue() {
        SimOsdpReader reader = reader(1).build();
        sync(reader, 1);
        reader.presentCard("1");
        reader.pressKeys("5");
        reader.setTamper(true);
        assertThat(reader.pendingEvents()).isEqualTo(3);

        assertThat(decode(send(reader, cmd(1, 1, 0x60))).code()).isEqualTo(0x50);
        assertThat(decode(send(reader, cmd(1, 2, 0x60))).code()).isEqualTo(0x53);
        assertThat(decode(send(reader, cmd(1, 3, 0x60))).code()).isEqualTo(0x48);
        assertThat(decode(send(reader, cmd(1, 1, 0x60))).code()).isEqualTo(0x40);

        for (int i = 0; i < 70; i++) {
            reader.presentCard("10");
        }
        assertThat(reader.pendingEvents()).isEqualTo(SimOsdpReader.MAX_EVENTS);
    }

    @Test
    void reportsTamperAndInputs() {
        SimOsdpReader reader = reader(1).inputs(3).build();
        sync(reader, 1);
        reader.setTamper(true);
        reader.setTamper(true); // no change, no second event
        reader.setInput(2, true);

        assertThat(decode(send(reader, cmd(1, 1, 0x60))).data()).isEqualTo(hex("01 00"));
        assertThat(decode(send(reader, cmd(1, 2, 0x60))).data()).isEqualTo(hex("00 00 01"));
        assertThat(decode(send(reader, cmd(1, 3, 0x60))).code()).isEqualTo(0x40);
        OsdpFrame lstatr = decode(send(reader, cmd(1, 1, 0x64)));
        assertThat(lstatr.code()).isEqualTo(0x48);
        assertThat(lstatr.data()).isEqualTo(hex("01 00"));
        OsdpFrame istatr = decode(send(reader, cmd(1, 2, 0x65)));
        assertThat(istatr.code()).isEqualTo(0x49);
        assertThat(istatr.data()).isEqualTo(hex("00 00 01"));
        assertThat(reader.tamper()).isTrue();
        assertThat(reader.input(2)).isTrue();
    }

    @Test
    void drivesOutputsWithTimedPulses() {
        SimOsdpReader reader = reader(1).outputs(2).build();
        sync(reader, 1);

        // output 1: temporary on for 1.5 s (control 5, timer 15 x 100 ms)
        assertThat(decode(send(reader, cmd(1, 1, 0x68, hex("01 05 0f 00")))).code()).isEqualTo(0x40);
        assertThat(reader.output(1)).isTrue();
        assertThat(reader.output(0)).isFalse();
        OsdpFrame ostatr = decode(send(reader, cmd(1, 2, 0x66)));
        assertThat(ostatr.code()).isEqualTo(0x4A);
        assertThat(ostatr.data()).isEqualTo(hex("00 01"));
        now.addAndGet(1_400_000_000L);
        assertThat(reader.output(1)).isTrue();
        now.addAndGet(200_000_000L);
        assertThat(reader.output(1)).isFalse();
        assertThat(reader.outputPulses(1)).isEqualTo(1);

        // permanent on (control 2), then permanent off aborting timers (control 1)
        send(reader, cmd(1, 3, 0x68, hex("00 02 00 00 01 05 32 00")));
        assertThat(reader.output(0)).isTrue();
        assertThat(reader.output(1)).isTrue();
        send(reader, cmd(1, 1, 0x68, hex("01 01 00 00")));
        assertThat(reader.output(1)).isFalse();
        assertThat(reader.outputPulses(0)).isEqualTo(1);
        assertThat(reader.outputPulses(1)).isEqualTo(2);
    }

    @Test
    void showsTemporaryLedColoursForTheirTimerThenThePermanentOne() {
        SimOsdpReader reader = reader(1).build();
        sync(reader, 1);
        // permanent red (on 1, off 0, on colour 1); temporary amber for 2 s
        send(reader, cmd(1, 1, 0x69, hex("00 00 00 00 00 00 00 00 00 01 01 00 01 00")));
        assertThat(reader.ledColor()).isEqualTo(LedColor.RED);
        send(reader, cmd(1, 2, 0x69, hex("00 00 02 05 05 03 00 14 00 00 00 00 00 00")));
        assertThat(reader.ledColor()).isEqualTo(LedColor.AMBER);
        now.addAndGet(2_100_000_000L);
        assertThat(reader.ledColor()).isEqualTo(LedColor.RED);
    }

    @Test
    void buzzerToneOffStopsAPatternAndCountZeroRunsUntilStopped() {
        SimOsdpReader reader = reader(1).build();
        sync(reader, 1);
        send(reader, cmd(1, 1, 0x6A, hex("00 02 01 01 00")));
        now.addAndGet(60 * SECOND);
        assertThat(reader.buzzing()).isTrue();
        send(reader, cmd(1, 2, 0x6A, hex("00 01 00 00 00")));
        assertThat(reader.buzzing()).isFalse();
    }

    @Test
    void startsWithSequenceZeroAndNaksSkippedNumbers() {
        SimOsdpReader reader = reader(1).build();

        assertThat(decode(send(reader, cmd(1, 1, 0x60))).data()).isEqualTo(new byte[] {4});
        assertThat(decode(send(reader, cmd(1, 0, 0x60))).code()).isEqualTo(0x40);
        assertThat(decode(send(reader, cmd(1, 2, 0x60))).data()).isEqualTo(new byte[] {4});
        assertThat(decode(send(reader, cmd(1, 1, 0x60))).code()).isEqualTo(0x40);
        assertThat(decode(send(reader, cmd(1, 2, 0x60))).code()).isEqualTo(0x40);
        assertThat(decode(send(reader, cmd(1, 3, 0x60))).code()).isEqualTo(0x40);
        assertThat(decode(send(reader, cmd(1, 1, 0x60))).code()).isEqualTo(0x40); // 3 wraps to 1
        assertThat(reader.nakCount()).isEqualTo(2);
    }

    @Test
    void aRepeatedSequenceNumberGetsTheLastReplyAgainWithoutActing() {
        SimOsdpReader reader = reader(1).build();
        sync(reader, 1);
        reader.presentCard("1011");
        byte[] first = send(reader, cmd(1, 1, 0x60));

        byte[] again = send(reader, cmd(1, 1, 0x69, hex("00 00 02 0a 00 02 00 1e 00 00 00 00 00 00")));

        assertThat(again).isEqualTo(first);
        assertThat(decode(again).code()).isEqualTo(0x50);
        assertThat(reader.ledColor()).isEqualTo(LedColor.OFF);
        assertThat(reader.resentReplies()).isEqualTo(1);
    }

    @Test
    void naksUnknownCommandsBadLengthsAndImpossibleRecords() {
        SimOsdpReader reader = reader(1).inputs(0).build();
        sync(reader, 1);

        assertThat(decode(send(reader, cmd(1, 1, 0x6C))).data()).isEqualTo(new byte[] {3});
        assertThat(decode(send(reader, cmd(1, 2, 0x60, (byte) 0))).data()).isEqualTo(new byte[] {2});
        assertThat(decode(send(reader, cmd(1, 3, 0x61))).data()).isEqualTo(new byte[] {2});
        assertThat(decode(send(reader, cmd(1, 1, 0x69, hex("00 01 02 0a 00 02 00 1e 00 00 00 00 00 00"))))
                .data()).isEqualTo(new byte[] {9}); // LED 1 does not exist
        assertThat(decode(send(reader, cmd(1, 2, 0x69, hex("00 00 02 00 00 02 00 1e 00 00 00 00 00 00"))))
                .data()).isEqualTo(new byte[] {9}); // temporary SET with zero on and off time
        assertThat(decode(send(reader, cmd(1, 3, 0x68, hex("07 02 00 00")))).data()).isEqualTo(new byte[] {9});
        assertThat(decode(send(reader, cmd(1, 1, 0x6A, hex("00 02 00 01 01")))).data()).isEqualTo(new byte[] {9});
        assertThat(decode(send(reader, cmd(1, 2, 0x65))).data()).isEqualTo(new byte[] {3}); // no inputs
        assertThat(decode(send(reader, cmd(1, 3, 0x6E, hex("7f 80 25 00 00")))).data()).isEqualTo(new byte[] {9});
        assertThat(reader.outputPulses(0)).isZero();
    }

    @Test
    void answersAFrameWithABadCheckWithNakOneOnItsSequence() {
        SimOsdpReader reader = reader(1).build();
        byte[] bad = cmd(1, 2, 0x60);
        bad[bad.length - 1] ^= 0x40;
        var result = new OsdpFrameDecoder(50_000_000L).feed(bad, 0, bad.length, 0).getFirst();

        byte[] nak = reader.handleRejected((Rejected) result);

        assertThat(nak).isEqualTo(reply(1, 2, 0x41, (byte) 1));
    }

    @Test
    void aKeyedReaderServesOnlyIdCapAndComsetInPlaintext() {
        SimOsdpReader reader = reader(1).scbk(hex("00112233445566778899aabbccddeeff")).build();

        assertThat(decode(send(reader, cmd(1, 0, 0x60))).data()).isEqualTo(new byte[] {6});
        assertThat(decode(send(reader, cmd(1, 1, 0x61, (byte) 0))).code()).isEqualTo(0x45);
        assertThat(decode(send(reader, cmd(1, 2, 0x62, (byte) 0))).code()).isEqualTo(0x46);
        assertThat(decode(send(reader, cmd(1, 3, 0x69, hex("00 00 02 0a 00 02 00 1e 00 00 00 00 00 00"))))
                .data()).isEqualTo(new byte[] {6});
        assertThat(reader.ledColor()).isEqualTo(LedColor.OFF);
        assertThat(reader.installMode()).isFalse();
    }

    @Test
    void refusesKeysetOutsideASecureSession() {
        SimOsdpReader reader = reader(1).build();
        List<byte[]> keys = new ArrayList<>();
        reader.onKeyChanged(keys::add);
        byte[] keyset = OsdpTestCrypto.join(hex("01 10"), hex("00112233445566778899aabbccddeeff"));

        assertThat(decode(send(reader, cmd(1, 0, 0x75, keyset))).data()).isEqualTo(new byte[] {6});
        assertThat(reader.installMode()).isTrue();
        assertThat(keys).isEmpty();
    }

    @Test
    void describesItselfInPdcap() {
        SimOsdpReader reader = reader(1).inputs(1).outputs(4).build();

        OsdpFrame pdcap = decode(send(reader, cmd(1, 0, 0x62, (byte) 0)));

        assertThat(pdcap.code()).isEqualTo(0x46);
        byte[] d = pdcap.data();
        assertThat(d.length % 3).isZero();
        assertThat(Arrays.copyOfRange(d, 0, 6)).isEqualTo(hex("01 01 01 02 01 04"));
        assertThat(d).containsSequence(hex("09 01 01")).containsSequence(hex("08 01 00"));
    }

    @Test
    void aSilentReaderNeitherAnswersNorActs() {
        SimOsdpReader reader = reader(1).build();
        reader.setFault(Fault.SILENT);

        assertThat(send(reader, cmd(1, 0, 0x69, hex("00 00 02 0a 00 02 00 1e 00 00 00 00 00 00")))).isNull();
        assertThat(reader.ledColor()).isEqualTo(LedColor.OFF);
        byte[] bad = cmd(1, 0, 0x60);
        bad[bad.length - 1] ^= 1;
        var rejected = (Rejected) new OsdpFrameDecoder(50_000_000L).feed(bad, 0, bad.length, 0).getFirst();
        assertThat(reader.handleRejected(rejected)).isNull();
    }

    @Test
    void faultsShapeWhatGoesOnTheWire() {
        SimOsdpReader reader = reader(1).seed(42).build();
        byte[] ack = reply(1, 1, 0x40);

        reader.setFault(Fault.GARBAGE);
        var garbage = reader.transmission(ack);
        assertThat(garbage.bytes().length).isGreaterThan(ack.length);
        assertThat(Arrays.copyOfRange(garbage.bytes(), garbage.bytes().length - ack.length, garbage.bytes().length))
                .isEqualTo(ack);

        reader.setFault(Fault.TRUNCATED);
        var truncated = reader.transmission(ack);
        assertThat(truncated.bytes().length).isBetween(1, ack.length - 1);
        assertThat(truncated.bytes()).isEqualTo(Arrays.copyOf(ack, truncated.bytes().length));

        reader.setFault(Fault.BAD_CRC);
        var badCrc = reader.transmission(ack);
        assertThat(Arrays.copyOf(badCrc.bytes(), ack.length - 1)).isEqualTo(Arrays.copyOf(ack, ack.length - 1));
        assertThat(badCrc.bytes()[ack.length - 1]).isNotEqualTo(ack[ack.length - 1]);

        reader.setFault(Fault.SLOW);
        assertThat(reader.transmission(ack).delayMillis()).isEqualTo(300);
        assertThat(reader.transmission(ack).bytes()).isEqualTo(ack);

        reader.setFault(Fault.SILENT);
        assertThat(reader.transmission(ack)).isNull();

        reader.setFault(Fault.NONE);
        assertThat(reader.transmission(ack).bytes()).isEqualTo(ack);
        assertThat(reader.fault()).isEqualTo(Fault.NONE);
    }

    @Test
    void rejectsImpossibleInputFromTheSimulatorSide() {
        SimOsdpReader reader = reader(1).build();

        assertThatThrownBy(() -> reader.presentCard("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.presentCard("0102")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.presentCard("1".repeat(1025))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.pressKeys("1x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.output(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader(1).keypad(false).build().pressKeys("1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SimOsdpReader.builder("x", 0x7F)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader(1).scbk(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThat(reader.pendingEvents()).isZero();
    }
}
