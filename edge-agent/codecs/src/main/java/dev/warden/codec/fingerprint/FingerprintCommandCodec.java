package dev.warden.codec.fingerprint;

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

/** Encodes typed commands to command packets and decodes command packets back (for module-side use and tests). */
public final class FingerprintCommandCodec {

    private FingerprintCommandCodec() {
    }

    /** The command packet for {@code command} to the module at {@code address}. */
    public static FingerprintPacket toPacket(long address, FingerprintCommand command) {
        return new FingerprintPacket(address, PacketType.COMMAND, payload(command));
    }

    /** The bytes on the wire for {@code command} to the module at {@code address}. */
    public static byte[] encode(long address, FingerprintCommand command) {
        return FingerprintPacketEncoder.encode(toPacket(address, command));
    }

    /** The command payload: instruction code, then the parameters, big-endian. */
    public static byte[] payload(FingerprintCommand command) {
        int code = command.instruction().code();
        return switch (command) {
            case VfyPwd c -> bytes(code, c.password() >>> 24, c.password() >>> 16, c.password() >>> 8, c.password());
            case GenImg c -> bytes(code);
            case Img2Tz c -> bytes(code, c.buffer());
            case Match c -> bytes(code);
            case Search c -> bytes(code, c.buffer(), c.startPage() >>> 8, c.startPage(),
                    c.pageCount() >>> 8, c.pageCount());
            case RegModel c -> bytes(code);
            case Store c -> bytes(code, c.buffer(), c.pageId() >>> 8, c.pageId());
            case DeletChar c -> bytes(code, c.pageId() >>> 8, c.pageId(), c.count() >>> 8, c.count());
            case Empty c -> bytes(code);
            case TemplateNum c -> bytes(code);
            case ReadSysPara c -> bytes(code);
            case HandShake c -> bytes(code, 0);
        };
    }

    /**
     * The typed command in a command packet. Rejects other packet types, unknown or unsupported instructions,
     * payloads of the wrong size and out-of-range buffers. HandShake is accepted with or without its control byte.
     * Never throws.
     */
    public static FingerprintDecoding<FingerprintCommand> decode(FingerprintPacket packet) {
        if (packet == null) {
            return rejected(RejectReason.INVALID_INPUT, "no packet");
        }
        if (packet.type() != PacketType.COMMAND) {
            return rejected(RejectReason.UNEXPECTED_PACKET_TYPE, packet.type() + " packet is not a command");
        }
        if (packet.payloadLength() == 0) {
            return rejected(RejectReason.BAD_PAYLOAD, "command without an instruction code");
        }
        int code = packet.payloadByte(0);
        Instruction instruction = Instruction.of(code).orElse(null);
        if (instruction == null) {
            return rejected(RejectReason.UNKNOWN_INSTRUCTION, String.format("instruction 0x%02X", code));
        }
        int length = packet.payloadLength();
        return switch (instruction) {
            case VFY_PWD -> length != 5 ? badLength(instruction, length)
                    : ok(new VfyPwd(u32(packet, 1)));
            case GEN_IMG -> length != 1 ? badLength(instruction, length) : ok(new GenImg());
            case IMG2TZ -> length != 2 ? badLength(instruction, length)
                    : withBuffer(packet.payloadByte(1), () -> new Img2Tz(packet.payloadByte(1)));
            case MATCH -> length != 1 ? badLength(instruction, length) : ok(new Match());
            case SEARCH -> length != 6 ? badLength(instruction, length)
                    : withBuffer(packet.payloadByte(1),
                            () -> new Search(packet.payloadByte(1), u16(packet, 2), u16(packet, 4)));
            case REG_MODEL -> length != 1 ? badLength(instruction, length) : ok(new RegModel());
            case STORE -> length != 4 ? badLength(instruction, length)
                    : withBuffer(packet.payloadByte(1), () -> new Store(packet.payloadByte(1), u16(packet, 2)));
            case DELET_CHAR -> length != 5 ? badLength(instruction, length)
                    : ok(new DeletChar(u16(packet, 1), u16(packet, 3)));
            case EMPTY -> length != 1 ? badLength(instruction, length) : ok(new Empty());
            case TEMPLATE_NUM -> length != 1 ? badLength(instruction, length) : ok(new TemplateNum());
            case READ_SYS_PARA -> length != 1 ? badLength(instruction, length) : ok(new ReadSysPara());
            case HAND_SHAKE -> length > 2 ? badLength(instruction, length) : ok(new HandShake());
            default -> rejected(RejectReason.UNKNOWN_INSTRUCTION, instruction + " is not supported by this codec");
        };
    }

    private static FingerprintDecoding<FingerprintCommand> withBuffer(int buffer,
            java.util.function.Supplier<FingerprintCommand> command) {
        if (buffer < FingerprintCommand.MIN_BUFFER || buffer > FingerprintCommand.MAX_BUFFER) {
            return rejected(RejectReason.BAD_PAYLOAD, "buffer " + buffer + " is not 1 or 2");
        }
        return ok(command.get());
    }

    private static FingerprintDecoding<FingerprintCommand> badLength(Instruction instruction, int length) {
        return rejected(RejectReason.BAD_PAYLOAD, instruction + " with a payload of " + length + " byte(s)");
    }

    private static FingerprintDecoding<FingerprintCommand> ok(FingerprintCommand command) {
        return new FingerprintDecoding.Ok<>(command);
    }

    private static FingerprintDecoding<FingerprintCommand> rejected(RejectReason reason, String detail) {
        return new FingerprintDecoding.Rejected<>(reason, detail);
    }

    static int u16(FingerprintPacket packet, int index) {
        return (packet.payloadByte(index) << 8) | packet.payloadByte(index + 1);
    }

    static long u32(FingerprintPacket packet, int index) {
        return ((long) u16(packet, index) << 16) | u16(packet, index + 2);
    }

    static byte[] bytes(long... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
