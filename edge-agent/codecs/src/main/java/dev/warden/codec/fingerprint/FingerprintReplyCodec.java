package dev.warden.codec.fingerprint;

import static dev.warden.codec.fingerprint.FingerprintCommandCodec.bytes;
import static dev.warden.codec.fingerprint.FingerprintCommandCodec.u16;
import static dev.warden.codec.fingerprint.FingerprintCommandCodec.u32;

import dev.warden.codec.fingerprint.FingerprintReply.MatchScore;
import dev.warden.codec.fingerprint.FingerprintReply.SearchResult;
import dev.warden.codec.fingerprint.FingerprintReply.Status;
import dev.warden.codec.fingerprint.FingerprintReply.SystemParameters;
import dev.warden.codec.fingerprint.FingerprintReply.TemplateCount;

/**
 * Decodes acknowledgement packets for the command they answer, and encodes replies (module side, tests).
 *
 * <p>A successful reply must have exactly the size its instruction defines. A failed reply (code other than OK)
 * may be just the code or the full size; its result fields then decode as zeros.
 */
public final class FingerprintReplyCodec {

    /** Payload size of a ReadSysPara reply: code + 16 bytes. */
    public static final int SYSTEM_PARAMETERS_LENGTH = 17;

    private FingerprintReplyCodec() {
    }

    /** The reply in {@code packet}, read as the answer to {@code sent}. Never throws. */
    public static FingerprintDecoding<FingerprintReply> decode(FingerprintCommand sent, FingerprintPacket packet) {
        if (sent == null || packet == null) {
            return rejected(RejectReason.INVALID_INPUT, "no command or no packet");
        }
        if (packet.type() != PacketType.ACK) {
            return rejected(RejectReason.UNEXPECTED_PACKET_TYPE, packet.type() + " packet is not an acknowledgement");
        }
        int length = packet.payloadLength();
        if (length == 0) {
            return rejected(RejectReason.BAD_PAYLOAD, "acknowledgement without a confirmation code");
        }
        int code = packet.payloadByte(0);
        int full = expectedLength(sent);
        boolean failedShort = code != ConfirmationCode.OK.code() && length == 1;
        if (length != full && !failedShort) {
            return rejected(RejectReason.BAD_PAYLOAD, sent.instruction() + " reply (code 0x"
                    + String.format("%02X", code) + ") with " + length + " byte(s), expected " + full);
        }
        boolean fields = length == full;
        FingerprintReply reply = switch (sent) {
            case FingerprintCommand.Search s ->
                    new SearchResult(code, fields ? u16(packet, 1) : 0, fields ? u16(packet, 3) : 0);
            case FingerprintCommand.Match m -> new MatchScore(code, fields ? u16(packet, 1) : 0);
            case FingerprintCommand.TemplateNum t -> new TemplateCount(code, fields ? u16(packet, 1) : 0);
            case FingerprintCommand.ReadSysPara r -> fields
                    ? new SystemParameters(code, u16(packet, 1), u16(packet, 3), u16(packet, 5), u16(packet, 7),
                            u32(packet, 9), u16(packet, 13), u16(packet, 15))
                    : new SystemParameters(code, 0, 0, 0, 0, 0, 0, 0);
            default -> new Status(code);
        };
        return new FingerprintDecoding.Ok<>(reply);
    }

    /** The acknowledgement packet for {@code reply} from the module at {@code address}. */
    public static FingerprintPacket toPacket(long address, FingerprintReply reply) {
        byte[] payload = switch (reply) {
            case Status s -> bytes(s.codeByte());
            case SearchResult s -> bytes(s.codeByte(), s.pageId() >>> 8, s.pageId(), s.score() >>> 8, s.score());
            case MatchScore m -> bytes(m.codeByte(), m.score() >>> 8, m.score());
            case TemplateCount t -> bytes(t.codeByte(), t.count() >>> 8, t.count());
            case SystemParameters p -> bytes(p.codeByte(), p.statusRegister() >>> 8, p.statusRegister(),
                    p.systemId() >>> 8, p.systemId(), p.librarySize() >>> 8, p.librarySize(),
                    p.securityLevel() >>> 8, p.securityLevel(), p.deviceAddress() >>> 24, p.deviceAddress() >>> 16,
                    p.deviceAddress() >>> 8, p.deviceAddress(), p.packetSizeCode() >>> 8, p.packetSizeCode(),
                    p.baudMultiplier() >>> 8, p.baudMultiplier());
        };
        return new FingerprintPacket(address, PacketType.ACK, payload);
    }

    /** The bytes on the wire for {@code reply} from the module at {@code address}. */
    public static byte[] encode(long address, FingerprintReply reply) {
        return FingerprintPacketEncoder.encode(toPacket(address, reply));
    }

    /** The full payload size of a reply to {@code sent}. */
    public static int expectedLength(FingerprintCommand sent) {
        return switch (sent) {
            case FingerprintCommand.Search s -> 5;
            case FingerprintCommand.Match m -> 3;
            case FingerprintCommand.TemplateNum t -> 3;
            case FingerprintCommand.ReadSysPara r -> SYSTEM_PARAMETERS_LENGTH;
            default -> 1;
        };
    }

    private static FingerprintDecoding<FingerprintReply> rejected(RejectReason reason, String detail) {
        return new FingerprintDecoding.Rejected<>(reason, detail);
    }
}
