package dev.warden.codec.osdp;

import dev.warden.codec.osdp.OsdpDecoded.Invalid;
import dev.warden.codec.osdp.OsdpDecoded.Ok;
import dev.warden.codec.osdp.OsdpDecoded.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns a command or reply code and its (plaintext) data into a typed {@link OsdpCommand} or {@link OsdpReply}.
 * Never throws: lengths and values are checked first and anything else is an {@link OsdpDecoded.Invalid}.
 */
public final class OsdpMessageDecoder {

    private OsdpMessageDecoder() {}

    /** The command in a plaintext (or already opened) frame. */
    public static OsdpDecoded<OsdpCommand> command(OsdpFrame frame) {
        return command(frame.code(), frame.data());
    }

    /** The reply in a plaintext (or already opened) frame. */
    public static OsdpDecoded<OsdpReply> reply(OsdpFrame frame) {
        return reply(frame.code(), frame.data());
    }

    /** Decodes a command code and its data. */
    public static OsdpDecoded<OsdpCommand> command(int code, byte[] data) {
        int n = data.length;
        return switch (code) {
            case OsdpCommand.POLL -> n == 0 ? ok(new OsdpCommand.Poll()) : length("POLL", n, "0");
            case OsdpCommand.ID -> n == 1 ? ok(new OsdpCommand.Id(Bytes.u8(data, 0))) : length("ID", n, "1");
            case OsdpCommand.CAP -> n == 1 ? ok(new OsdpCommand.Cap(Bytes.u8(data, 0))) : length("CAP", n, "1");
            case OsdpCommand.LSTAT -> n == 0 ? ok(new OsdpCommand.LocalStatus()) : length("LSTAT", n, "0");
            case OsdpCommand.ISTAT -> n == 0 ? ok(new OsdpCommand.InputStatus()) : length("ISTAT", n, "0");
            case OsdpCommand.OSTAT -> n == 0 ? ok(new OsdpCommand.OutputStatus()) : length("OSTAT", n, "0");
            case OsdpCommand.OUT -> output(data);
            case OsdpCommand.LED -> led(data);
            case OsdpCommand.BUZ -> n == 5
                    ? ok(new OsdpCommand.Buzzer(Bytes.u8(data, 0), Bytes.u8(data, 1), Bytes.u8(data, 2), Bytes.u8(data, 3),
                            Bytes.u8(data, 4)))
                    : length("BUZ", n, "5");
            case OsdpCommand.COMSET -> n == 5
                    ? comSet(data)
                    : length("COMSET", n, "5");
            case OsdpCommand.KEYSET -> keySet(data);
            case OsdpCommand.CHLNG -> n == 8 ? ok(new OsdpCommand.Challenge(data)) : length("CHLNG", n, "8");
            case OsdpCommand.SCRYPT -> n == 16 ? ok(new OsdpCommand.ServerCryptogram(data)) : length("SCRYPT", n, "16");
            default -> new Invalid<>(Reason.UNKNOWN_CODE, "command code 0x" + Integer.toHexString(code));
        };
    }

    /** Decodes a reply code and its data. */
    public static OsdpDecoded<OsdpReply> reply(int code, byte[] data) {
        int n = data.length;
        return switch (code) {
            case OsdpReply.ACK -> n == 0 ? ok(new OsdpReply.Ack()) : length("ACK", n, "0");
            case OsdpReply.NAK -> n >= 1
                    ? ok(new OsdpReply.Nak(Bytes.u8(data, 0), Arrays.copyOfRange(data, 1, n)))
                    : length("NAK", n, "at least 1");
            case OsdpReply.PDID -> n == OsdpReply.PdId.LENGTH ? pdId(data) : length("PDID", n, "12");
            case OsdpReply.PDCAP -> pdCap(data);
            case OsdpReply.LSTATR -> n == 2 ? localStatus(data) : length("LSTATR", n, "2");
            case OsdpReply.ISTATR -> flags(data)
                    .<OsdpDecoded<OsdpReply>>map(v -> ok(new OsdpReply.InputStatus(v)))
                    .orElseGet(() -> value("ISTATR status bytes must be 0 or 1"));
            case OsdpReply.OSTATR -> flags(data)
                    .<OsdpDecoded<OsdpReply>>map(v -> ok(new OsdpReply.OutputStatus(v)))
                    .orElseGet(() -> value("OSTATR status bytes must be 0 or 1"));
            case OsdpReply.RAW -> raw(data);
            case OsdpReply.KEYPAD -> keypad(data);
            case OsdpReply.COM -> n == 5 ? com(data) : length("COM", n, "5");
            case OsdpReply.CCRYPT -> n == 32
                    ? ok(new OsdpReply.ClientCryptogram(Arrays.copyOfRange(data, 0, 8), Arrays.copyOfRange(data, 8, 16),
                            Arrays.copyOfRange(data, 16, 32)))
                    : length("CCRYPT", n, "32");
            case OsdpReply.RMAC_I -> n == 16 ? ok(new OsdpReply.InitialRmac(data)) : length("RMAC_I", n, "16");
            case OsdpReply.BUSY -> n == 0 ? ok(new OsdpReply.Busy()) : length("BUSY", n, "0");
            default -> new Invalid<>(Reason.UNKNOWN_CODE, "reply code 0x" + Integer.toHexString(code));
        };
    }

    private static <T> OsdpDecoded<T> ok(T message) {
        return new Ok<>(message);
    }

    private static <T> OsdpDecoded<T> length(String name, int actual, String expected) {
        return new Invalid<>(Reason.BAD_LENGTH, name + " data has " + actual + " bytes, expected " + expected);
    }

    private static <T> OsdpDecoded<T> value(String detail) {
        return new Invalid<>(Reason.BAD_VALUE, detail);
    }

    private static OsdpDecoded<OsdpCommand> output(byte[] data) {
        if (data.length == 0 || data.length % OsdpCommand.OutputControl.LENGTH != 0) {
            return length("OUT", data.length, "a positive multiple of 4");
        }
        List<OsdpCommand.OutputControl> records = new ArrayList<>();
        for (int at = 0; at < data.length; at += OsdpCommand.OutputControl.LENGTH) {
            records.add(new OsdpCommand.OutputControl(Bytes.u8(data, at), Bytes.u8(data, at + 1), Bytes.u16le(data, at + 2)));
        }
        return ok(new OsdpCommand.Output(records));
    }

    private static OsdpDecoded<OsdpCommand> led(byte[] data) {
        if (data.length == 0 || data.length % OsdpCommand.LedControl.LENGTH != 0) {
            return length("LED", data.length, "a positive multiple of 14");
        }
        List<OsdpCommand.LedControl> records = new ArrayList<>();
        for (int at = 0; at < data.length; at += OsdpCommand.LedControl.LENGTH) {
            records.add(new OsdpCommand.LedControl(Bytes.u8(data, at), Bytes.u8(data, at + 1), Bytes.u8(data, at + 2),
                    Bytes.u8(data, at + 3), Bytes.u8(data, at + 4), Bytes.u8(data, at + 5), Bytes.u8(data, at + 6),
                    Bytes.u16le(data, at + 7), Bytes.u8(data, at + 9), Bytes.u8(data, at + 10), Bytes.u8(data, at + 11),
                    Bytes.u8(data, at + 12), Bytes.u8(data, at + 13)));
        }
        return ok(new OsdpCommand.Led(records));
    }

    private static OsdpDecoded<OsdpCommand> comSet(byte[] data) {
        int address = Bytes.u8(data, 0);
        if (address > 0x7F) {
            return value("COMSET address " + address + " above 0x7F");
        }
        return ok(new OsdpCommand.ComSet(address, Bytes.u32le(data, 1)));
    }

    private static OsdpDecoded<OsdpCommand> keySet(byte[] data) {
        if (data.length < 3) {
            return length("KEYSET", data.length, "at least 3");
        }
        int keyLength = Bytes.u8(data, 1);
        if (keyLength == 0 || data.length != 2 + keyLength) {
            return length("KEYSET", data.length, "2 + the key length byte (" + keyLength + ")");
        }
        return ok(new OsdpCommand.KeySet(Bytes.u8(data, 0), Arrays.copyOfRange(data, 2, data.length)));
    }

    private static OsdpDecoded<OsdpReply> pdId(byte[] data) {
        return ok(new OsdpReply.PdId(Bytes.u24le(data, 0), Bytes.u8(data, 3), Bytes.u8(data, 4), Bytes.u32le(data, 5),
                Bytes.u8(data, 9), Bytes.u8(data, 10), Bytes.u8(data, 11)));
    }

    private static OsdpDecoded<OsdpReply> pdCap(byte[] data) {
        if (data.length % 3 != 0) {
            return length("PDCAP", data.length, "a multiple of 3");
        }
        List<OsdpReply.Capability> caps = new ArrayList<>();
        for (int at = 0; at < data.length; at += 3) {
            caps.add(new OsdpReply.Capability(Bytes.u8(data, at), Bytes.u8(data, at + 1), Bytes.u8(data, at + 2)));
        }
        return ok(new OsdpReply.PdCap(caps));
    }

    private static OsdpDecoded<OsdpReply> localStatus(byte[] data) {
        if (Bytes.u8(data, 0) > 1 || Bytes.u8(data, 1) > 1) {
            return value("LSTATR status bytes must be 0 or 1");
        }
        return ok(new OsdpReply.LocalStatus(data[0] == 1, data[1] == 1));
    }

    private static Optional<List<Boolean>> flags(byte[] data) {
        List<Boolean> values = new ArrayList<>(data.length);
        for (byte b : data) {
            if ((b & 0xFF) > 1) {
                return Optional.empty();
            }
            values.add(b == 1);
        }
        return Optional.of(values);
    }

    private static OsdpDecoded<OsdpReply> raw(byte[] data) {
        if (data.length < 5) {
            return length("RAW", data.length, "at least 5");
        }
        int bitCount = Bytes.u16le(data, 2);
        if (bitCount == 0) {
            return value("RAW bit count 0");
        }
        if (data.length != 4 + (bitCount + 7) / 8) {
            return value("RAW bit count " + bitCount + " needs " + (bitCount + 7) / 8 + " data bytes, got " + (data.length - 4));
        }
        return ok(new OsdpReply.RawCard(Bytes.u8(data, 0), Bytes.u8(data, 1), bitCount, Arrays.copyOfRange(data, 4, data.length)));
    }

    private static OsdpDecoded<OsdpReply> keypad(byte[] data) {
        if (data.length < 2) {
            return length("KEYPAD", data.length, "at least 2");
        }
        int count = Bytes.u8(data, 1);
        if (data.length != 2 + count) {
            return length("KEYPAD", data.length, "2 + the digit count (" + count + ")");
        }
        StringBuilder keys = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            char key = OsdpReply.Keypad.fromWire(Bytes.u8(data, 2 + i));
            if (key == 0) {
                return value("KEYPAD key byte 0x" + Integer.toHexString(Bytes.u8(data, 2 + i)));
            }
            keys.append(key);
        }
        return ok(new OsdpReply.Keypad(Bytes.u8(data, 0), keys.toString()));
    }

    private static OsdpDecoded<OsdpReply> com(byte[] data) {
        int address = Bytes.u8(data, 0);
        if (address > 0x7F) {
            return value("COM address " + address + " above 0x7F");
        }
        return ok(new OsdpReply.Com(address, Bytes.u32le(data, 1)));
    }
}
