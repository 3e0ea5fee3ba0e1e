package dev.warden.codec.bench;

import dev.warden.codec.fingerprint.ConfirmationCode;
import dev.warden.codec.fingerprint.FingerprintCommand;
import dev.warden.codec.fingerprint.FingerprintPacket;
import dev.warden.codec.fingerprint.FingerprintReply;
import dev.warden.codec.fingerprint.FingerprintReplyCodec;
import dev.warden.codec.modbus.ModbusRequest;
import dev.warden.codec.modbus.ModbusResponse;
import dev.warden.codec.modbus.ModbusRtu;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.codec.osdp.OsdpCpHandshake;
import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpFrameEncoder;
import dev.warden.codec.osdp.OsdpFrameReader;
import dev.warden.codec.osdp.OsdpHandshakeStep;
import dev.warden.codec.osdp.OsdpOpenResult;
import dev.warden.codec.osdp.OsdpPdHandshake;
import dev.warden.codec.osdp.OsdpReadResult;
import dev.warden.codec.osdp.OsdpReply;
import dev.warden.codec.osdp.OsdpSecureSession;
import dev.warden.codec.wiegand.WiegandBits;
import dev.warden.codec.wiegand.WiegandEncoder;
import dev.warden.codec.wiegand.WiegandFormats;
import java.util.List;
import java.util.Random;

/**
 * The frames the benchmarks decode, built with the codecs' own encoders from fixed values, and the Secure Channel
 * sessions they run in (established with the codec's own CP and PD handshake classes, every handshake frame sent
 * through the wire encoding and {@link OsdpFrameReader}, as on a bus). Every method returns a new array.
 */
final class DeviceFrames {

    /** Seed of the random numbers (RND.A, RND.B, SCBK) used to establish the benchmark sessions. */
    static final long SEED = 20_261_123L;

    /** The reader's OSDP address and the sequence number of the exchange the replies answer. */
    static final int OSDP_ADDRESS = 0;
    static final int OSDP_SEQUENCE = 1;
    /** The card in the 26-bit frame (H10301): facility 123, card 4567. */
    static final long H10301_FACILITY = 123;
    static final long H10301_CARD = 4_567;
    /** The card in the 35-bit frame (CORP1000): company 1234, card 654321. */
    static final long CORP1000_COMPANY = 1_234;
    static final long CORP1000_CARD = 654_321;

    /** The demo environment sensor's poll: unit 2, input registers 0 (temperature ×10) and 1 (humidity ×10). */
    static final ModbusRequest.ReadInputRegisters SENSOR_POLL = new ModbusRequest.ReadInputRegisters(2, 0, 2);
    /** 21.5 °C and 45.6 % relative humidity, as the sensor reports them. */
    static final List<Integer> SENSOR_REGISTERS = List.of(215, 456);

    /** The finger search a card + fingerprint door sends: buffer 1 against library pages 0..999. */
    static final FingerprintCommand.Search FINGER_SEARCH = new FingerprintCommand.Search(1, 0, 1_000);
    /** The module's answer: found at page 42 with score 180. */
    static final int FINGER_PAGE = 42;
    static final int FINGER_SCORE = 180;

    private DeviceFrames() {}

    /** The H10301 frame as bits, first bit first. */
    static String h10301Bits() {
        return new WiegandEncoder().encode(WiegandFormats.H10301, H10301_FACILITY, H10301_CARD);
    }

    /** The CORP1000 frame as bits, first bit first. */
    static String corp1000Bits() {
        return new WiegandEncoder().encode(WiegandFormats.CORP1000, CORP1000_COMPANY, CORP1000_CARD);
    }

    /** Bits packed as an OSDP RAW reply carries them: MSB-first, left-aligned. */
    static byte[] packed(String bits) {
        return WiegandBits.toBytes(bits);
    }

    /** The osdp_RAW reply (reader 0, Wiegand, the H10301 card) a PD sends to a POLL. */
    static OsdpFrame rawReply() {
        return OsdpFrame.reply(OSDP_ADDRESS, OSDP_SEQUENCE, OsdpReply.RawCard.wiegand(0, h10301Bits()));
    }

    /** {@link #rawReply()} on the wire in plaintext: 0xFF mark, SOM .. CRC-16 (17 bytes). */
    static byte[] plaintextRawReplyWire() {
        return OsdpFrameEncoder.encode(rawReply());
    }

    /** The CP's side of an established Secure Channel session, and the PD's. */
    record SecureChannel(OsdpSecureSession cp, OsdpSecureSession pd) {}

    /** Runs the Secure Channel handshake (SCBK from {@code random}, not SCBK-D) between the codec's CP and PD. */
    static SecureChannel establish(Random random) {
        byte[] scbk = bytes(random, 16);
        OsdpCpHandshake cp = new OsdpCpHandshake(scbk, false, bytes(random, 8));
        OsdpPdHandshake pd = new OsdpPdHandshake(scbk, false, bytes(random, 8), bytes(random, 8));
        OsdpFrame ccrypt = proceed(pd.onChallenge(viaWire(cp.challenge(OSDP_ADDRESS, 1))));
        OsdpFrame scrypt = proceed(cp.onClientCryptogram(viaWire(ccrypt), 2));
        OsdpPdHandshake.Established established = proceed(pd.onServerCryptogram(viaWire(scrypt)));
        OsdpSecureSession cpSession = proceed(cp.onInitialRmac(viaWire(established.reply())));
        return new SecureChannel(cpSession, established.session());
    }

    /**
     * One exchange in {@code channel}: the CP seals a POLL, the PD opens it and answers with {@link #rawReply()}
     * sealed (SCS_18: data encrypted, MAC). Returns that reply on the wire (31 bytes). Afterwards the CP session
     * expects exactly this reply: its MAC chains on the POLL's MAC, which stays the CP's last command MAC until the
     * CP seals another command.
     */
    static byte[] secureRawReplyWire(SecureChannel channel) {
        OsdpFrame poll = channel.cp().seal(OsdpFrame.command(OSDP_ADDRESS, OSDP_SEQUENCE, new OsdpCommand.Poll()));
        if (!(channel.pd().open(viaWire(poll)) instanceof OsdpOpenResult.Opened)) {
            throw new IllegalStateException("the PD refused the sealed POLL");
        }
        return OsdpFrameEncoder.encode(channel.pd().seal(rawReply()));
    }

    /** The environment sensor's read-input-registers request on the wire (8 bytes). */
    static byte[] sensorRequestWire() {
        return ModbusRtu.encode(SENSOR_POLL);
    }

    /** The environment sensor's reply on the wire (9 bytes). */
    static byte[] sensorReplyWire() {
        return ModbusRtu.encode(new ModbusResponse.ReadInputRegistersResponse(SENSOR_POLL.unitId(), SENSOR_REGISTERS));
    }

    /** The fingerprint module's acknowledgement of {@link #FINGER_SEARCH} on the wire (16 bytes). */
    static byte[] searchAckWire() {
        return FingerprintReplyCodec.encode(FingerprintPacket.DEFAULT_ADDRESS,
                new FingerprintReply.SearchResult(ConfirmationCode.OK.code(), FINGER_PAGE, FINGER_SCORE));
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static <T> T proceed(OsdpHandshakeStep<T> step) {
        return switch (step) {
            case OsdpHandshakeStep.Proceed<T>(T value) -> value;
            case OsdpHandshakeStep.Refused<T> refused -> throw new IllegalStateException("handshake refused: " + refused);
        };
    }

    private static OsdpFrame viaWire(OsdpFrame frame) {
        List<OsdpReadResult> results = new OsdpFrameReader().feed(OsdpFrameEncoder.encode(frame));
        if (results.size() == 1 && results.getFirst() instanceof OsdpReadResult.Frame(OsdpFrame read)) {
            return read;
        }
        throw new IllegalStateException("the frame did not survive the wire: " + results);
    }
}
