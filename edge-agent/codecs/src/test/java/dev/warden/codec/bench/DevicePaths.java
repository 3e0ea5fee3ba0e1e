package dev.warden.codec.bench;

import dev.warden.codec.fingerprint.FingerprintCommand;
import dev.warden.codec.fingerprint.FingerprintDecoding;
import dev.warden.codec.fingerprint.FingerprintReply;
import dev.warden.codec.fingerprint.FingerprintReplyCodec;
import dev.warden.codec.fingerprint.FingerprintStreamDecoder;
import dev.warden.codec.fingerprint.StreamEvent;
import dev.warden.codec.modbus.ModbusRequest;
import dev.warden.codec.modbus.ModbusRequestReader;
import dev.warden.codec.modbus.ModbusResponseDecoder;
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
import dev.warden.codec.osdp.OsdpSecureSession;
import dev.warden.codec.wiegand.WiegandBits;
import dev.warden.codec.wiegand.WiegandDecoder;
import dev.warden.codec.wiegand.WiegandResult;
import java.util.List;

/**
 * The one operation each benchmark measures, written as the agent's bus drivers do it: the received bytes are copied
 * into the driver's reusable read buffer (what {@code SerialLink.read} does) and fed to the bus's long-lived decoder,
 * and the completed frame is decoded into a typed message. The benchmarks call these methods and nothing else, and
 * {@code DevicePathsTest} checks that each ends as the benchmark's name says. A path that finds no frame throws: on
 * the benchmark frames that is a bug, not an input to measure.
 */
final class DevicePaths {

    private DevicePaths() {}

    /**
     * OSDP, plaintext: {@code wire} arrives in reads of {@code chunk} bytes, {@code reader} completes the frame, the
     * reply is decoded.
     */
    static OsdpDecoded<OsdpReply> readReply(OsdpFrameReader reader, byte[] wire, byte[] readBuffer, int chunk) {
        return OsdpMessageDecoder.reply(readFrame(reader, wire, readBuffer, chunk));
    }

    /**
     * OSDP, Secure Channel: as {@link #readReply}, then the CP session verifies the MAC and decrypts the data before
     * the reply is decoded.
     */
    static OsdpDecoded<OsdpReply> openReply(OsdpSecureSession cp, OsdpFrameReader reader, byte[] wire, byte[] readBuffer,
            int chunk) {
        OsdpFrame secured = readFrame(reader, wire, readBuffer, chunk);
        return switch (cp.open(secured)) {
            case OsdpOpenResult.Opened(OsdpFrame plain) -> OsdpMessageDecoder.reply(plain);
            case OsdpOpenResult.Refused(OsdpOpenResult.Reason reason) ->
                    throw new IllegalStateException("the CP session refused the reply: " + reason);
        };
    }

    /** OSDP, Secure Channel: the next POLL to the reader, sealed (SCS_15, MAC) and encoded for the line. */
    static byte[] sealPoll(OsdpSecureSession cp, int address, int sequence) {
        return OsdpFrameEncoder.encode(cp.seal(OsdpFrame.command(address, sequence, new OsdpCommand.Poll())));
    }

    /** Wiegand: a frame already given as bits (what {@code DeviceEvents.cardRead} carries to the agent), decoded. */
    static WiegandResult decodeBits(WiegandDecoder decoder, String bits) {
        return decoder.decode(bits);
    }

    /** Wiegand: the bits of a RAW reply's packed data (as {@code RawCard.bits()} gives them), decoded. */
    static WiegandResult decodeRaw(WiegandDecoder decoder, byte[] packed, int bitCount) {
        return decoder.decode(WiegandBits.fromBytes(packed, bitCount));
    }

    /** Modbus master: the reply arrives in one read and is decoded against the request that was sent. */
    static ResponseResult readResponse(ModbusRequest sent, byte[] wire, byte[] replyBuffer) {
        System.arraycopy(wire, 0, replyBuffer, 0, wire.length);
        return ModbusResponseDecoder.decode(sent, replyBuffer, wire.length);
    }

    /** Modbus device: a request arrives in one read and {@code reader} finds it. */
    static RequestEvent readRequest(ModbusRequestReader reader, byte[] wire, byte[] readBuffer) {
        System.arraycopy(wire, 0, readBuffer, 0, wire.length);
        List<RequestEvent> events = reader.feed(readBuffer, 0, wire.length);
        if (events.size() != 1) {
            throw new IllegalStateException("expected one request, got " + events);
        }
        return events.getFirst();
    }

    /** Fingerprint: the acknowledgement arrives in one read, {@code decoder} completes the packet, it is decoded. */
    static FingerprintDecoding<FingerprintReply> readAck(FingerprintStreamDecoder decoder, FingerprintCommand sent,
            byte[] wire, byte[] readBuffer) {
        System.arraycopy(wire, 0, readBuffer, 0, wire.length);
        List<StreamEvent> events = decoder.feed(readBuffer, 0, wire.length);
        if (events.size() == 1 && events.getFirst() instanceof StreamEvent.Packet(var packet)) {
            return FingerprintReplyCodec.decode(sent, packet);
        }
        throw new IllegalStateException("expected one packet, got " + events);
    }

    private static OsdpFrame readFrame(OsdpFrameReader reader, byte[] wire, byte[] readBuffer, int chunk) {
        OsdpFrame found = null;
        for (int at = 0; at < wire.length; at += chunk) {
            int n = Math.min(chunk, wire.length - at);
            System.arraycopy(wire, at, readBuffer, 0, n);
            for (OsdpReadResult result : reader.feed(readBuffer, 0, n)) {
                switch (result) {
                    case OsdpReadResult.Frame(OsdpFrame frame) -> found = frame;
                    case OsdpReadResult.Rejected rejected ->
                            throw new IllegalStateException("the reader rejected bytes: " + rejected);
                }
            }
        }
        if (found == null) {
            throw new IllegalStateException("no frame completed by " + wire.length + " bytes");
        }
        return found;
    }
}
