package dev.warden.codec.osdp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The replies a peripheral device sends, typed. {@link #code()} is the reply code and {@link #encode()} the data
 * that follows it in a frame; {@link OsdpMessageDecoder#reply} is the inverse. Constructors check field ranges and
 * throw {@link IllegalArgumentException} on values the wire cannot carry.
 */
public sealed interface OsdpReply {

    int ACK = 0x40;
    int NAK = 0x41;
    int PDID = 0x45;
    int PDCAP = 0x46;
    int LSTATR = 0x48;
    int ISTATR = 0x49;
    int OSTATR = 0x4A;
    int RAW = 0x50;
    int KEYPAD = 0x53;
    int COM = 0x54;
    int CCRYPT = 0x76;
    int RMAC_I = 0x78;
    int BUSY = 0x79;

    /** The reply code. */
    int code();

    /** The data bytes after the code. */
    byte[] encode();

    /** osdp_ACK: command accepted, nothing to report. */
    record Ack() implements OsdpReply {
        @Override
        public int code() {
            return ACK;
        }

        @Override
        public byte[] encode() {
            return new byte[0];
        }
    }

    /**
     * osdp_NAK: command not processed.
     *
     * @param errorCode the error code byte (see {@link OsdpNakCode})
     * @param detail    any further data bytes
     */
    record Nak(int errorCode, byte[] detail) implements OsdpReply {
        public Nak {
            Bytes.range("errorCode", errorCode, 0, 0xFF);
            detail = Objects.requireNonNull(detail, "detail").clone();
        }

        public Nak(OsdpNakCode code) {
            this(Math.max(code.code(), 0), new byte[0]);
        }

        /** The error code as a constant. */
        public OsdpNakCode kind() {
            return OsdpNakCode.of(errorCode);
        }

        @Override
        public byte[] detail() {
            return detail.clone();
        }

        @Override
        public int code() {
            return NAK;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[1 + detail.length];
            out[0] = (byte) errorCode;
            System.arraycopy(detail, 0, out, 1, detail.length);
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Nak n && errorCode == n.errorCode && Arrays.equals(detail, n.detail);
        }

        @Override
        public int hashCode() {
            return 31 * errorCode + Arrays.hashCode(detail);
        }

        @Override
        public String toString() {
            return "Nak[" + kind() + " (0x" + Integer.toHexString(errorCode) + "), detail=" + Bytes.hex(detail) + "]";
        }
    }

    /**
     * osdp_PDID: the device's identification (12 bytes).
     *
     * @param vendorCode    IEEE OUI, 3 bytes little-endian
     * @param model         model number
     * @param version       model version
     * @param serialNumber  serial number, 4 bytes little-endian
     * @param firmwareMajor firmware major version
     * @param firmwareMinor firmware minor version
     * @param firmwareBuild firmware build
     */
    record PdId(int vendorCode, int model, int version, long serialNumber, int firmwareMajor, int firmwareMinor,
            int firmwareBuild) implements OsdpReply {
        static final int LENGTH = 12;

        public PdId {
            Bytes.range("vendorCode", vendorCode, 0, 0xFFFFFF);
            Bytes.range("model", model, 0, 0xFF);
            Bytes.range("version", version, 0, 0xFF);
            if (serialNumber < 0 || serialNumber > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("serialNumber out of range");
            }
            Bytes.range("firmwareMajor", firmwareMajor, 0, 0xFF);
            Bytes.range("firmwareMinor", firmwareMinor, 0, 0xFF);
            Bytes.range("firmwareBuild", firmwareBuild, 0, 0xFF);
        }

        @Override
        public int code() {
            return PDID;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[LENGTH];
            out[0] = (byte) vendorCode;
            out[1] = (byte) (vendorCode >>> 8);
            out[2] = (byte) (vendorCode >>> 16);
            out[3] = (byte) model;
            out[4] = (byte) version;
            Bytes.put32le(out, 5, serialNumber);
            out[9] = (byte) firmwareMajor;
            out[10] = (byte) firmwareMinor;
            out[11] = (byte) firmwareBuild;
            return out;
        }

        /**
         * The 8-byte client UID a PD usually reports in osdp_CCRYPT: vendor code (2 low bytes), model, version,
         * serial number (4 bytes little-endian).
         */
        public byte[] clientUid() {
            byte[] id = encode();
            byte[] uid = new byte[8];
            uid[0] = id[0];
            uid[1] = id[1];
            uid[2] = id[3];
            uid[3] = id[4];
            System.arraycopy(id, 5, uid, 4, 4);
            return uid;
        }
    }

    /** osdp_PDCAP: the device's capabilities, 3 bytes each. */
    record PdCap(List<Capability> capabilities) implements OsdpReply {
        public PdCap {
            capabilities = List.copyOf(capabilities);
        }

        @Override
        public int code() {
            return PDCAP;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[capabilities.size() * 3];
            for (int i = 0; i < capabilities.size(); i++) {
                Capability c = capabilities.get(i);
                out[i * 3] = (byte) c.function();
                out[i * 3 + 1] = (byte) c.compliance();
                out[i * 3 + 2] = (byte) c.count();
            }
            return out;
        }

        /** The entry for a function code, if reported. */
        public java.util.Optional<Capability> find(int function) {
            return capabilities.stream().filter(c -> c.function() == function).findFirst();
        }
    }

    /**
     * One osdp_PDCAP entry.
     *
     * @param function   function code (e.g. {@link #COMMUNICATION_SECURITY})
     * @param compliance compliance level
     * @param count      number of objects of this function
     */
    record Capability(int function, int compliance, int count) {
        public static final int CONTACT_STATUS_MONITORING = 1;
        public static final int OUTPUT_CONTROL = 2;
        public static final int CARD_DATA_FORMAT = 3;
        public static final int READER_LED_CONTROL = 4;
        public static final int READER_AUDIBLE_OUTPUT = 5;
        public static final int READER_TEXT_OUTPUT = 6;
        public static final int CHECK_CHARACTER_SUPPORT = 8;
        public static final int COMMUNICATION_SECURITY = 9;
        public static final int RECEIVE_BUFFER_SIZE = 10;
        public static final int READERS = 13;

        public Capability {
            Bytes.range("function", function, 0, 0xFF);
            Bytes.range("compliance", compliance, 0, 0xFF);
            Bytes.range("count", count, 0, 0xFF);
        }
    }

    /** osdp_LSTATR: tamper and power status. */
    record LocalStatus(boolean tamper, boolean powerFailure) implements OsdpReply {
        @Override
        public int code() {
            return LSTATR;
        }

        @Override
        public byte[] encode() {
            return new byte[] {(byte) (tamper ? 1 : 0), (byte) (powerFailure ? 1 : 0)};
        }
    }

    /** osdp_ISTATR: one entry per input, {@code true} = active. */
    record InputStatus(List<Boolean> inputs) implements OsdpReply {
        public InputStatus {
            inputs = List.copyOf(inputs);
        }

        @Override
        public int code() {
            return ISTATR;
        }

        @Override
        public byte[] encode() {
            return flags(inputs);
        }
    }

    /** osdp_OSTATR: one entry per output, {@code true} = active. */
    record OutputStatus(List<Boolean> outputs) implements OsdpReply {
        public OutputStatus {
            outputs = List.copyOf(outputs);
        }

        @Override
        public int code() {
            return OSTATR;
        }

        @Override
        public byte[] encode() {
            return flags(outputs);
        }
    }

    /**
     * osdp_RAW: card data as read, bits packed most significant bit first.
     *
     * @param reader   reader number
     * @param format   0 = raw, unspecified format; 1 = Wiegand
     * @param bitCount number of valid bits
     * @param data     {@code ceil(bitCount / 8)} bytes
     */
    record RawCard(int reader, int format, int bitCount, byte[] data) implements OsdpReply {
        public static final int FORMAT_RAW = 0;
        public static final int FORMAT_WIEGAND = 1;

        public RawCard {
            Bytes.range("reader", reader, 0, 0xFF);
            Bytes.range("format", format, 0, 0xFF);
            Bytes.range("bitCount", bitCount, 1, 0xFFFF);
            Objects.requireNonNull(data, "data");
            if (data.length != (bitCount + 7) / 8) {
                throw new IllegalArgumentException(bitCount + " bits need " + (bitCount + 7) / 8 + " bytes, not " + data.length);
            }
            data = data.clone();
        }

        /** A Wiegand RAW reply from a string of '0' and '1', first bit first. */
        public static RawCard wiegand(int reader, String bits) {
            byte[] packed = new byte[(bits.length() + 7) / 8];
            for (int i = 0; i < bits.length(); i++) {
                char c = bits.charAt(i);
                if (c == '1') {
                    packed[i / 8] |= (byte) (0x80 >>> (i % 8));
                } else if (c != '0') {
                    throw new IllegalArgumentException("bits must be '0' or '1'");
                }
            }
            return new RawCard(reader, FORMAT_WIEGAND, bits.length(), packed);
        }

        /** The card bits as '0' and '1', first bit first. */
        public String bits() {
            StringBuilder out = new StringBuilder(bitCount);
            for (int i = 0; i < bitCount; i++) {
                out.append((data[i / 8] >> (7 - i % 8) & 1) == 1 ? '1' : '0');
            }
            return out.toString();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int code() {
            return RAW;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[4 + data.length];
            out[0] = (byte) reader;
            out[1] = (byte) format;
            Bytes.put16le(out, 2, bitCount);
            System.arraycopy(data, 0, out, 4, data.length);
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RawCard r && reader == r.reader && format == r.format && bitCount == r.bitCount
                    && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reader, format, bitCount, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "RawCard[reader=" + reader + ", format=" + format + ", bits=" + bitCount + "]";
        }
    }

    /**
     * osdp_KEYPAD: keys pressed. {@code keys} uses '0'..'9', '*' (sent as 0x7F), '#' (sent as 0x0D) and the function
     * keys 'A'..'H'.
     */
    record Keypad(int reader, String keys) implements OsdpReply {
        public Keypad {
            Bytes.range("reader", reader, 0, 0xFF);
            Objects.requireNonNull(keys, "keys");
            Bytes.range("key count", keys.length(), 0, 0xFF);
            for (int i = 0; i < keys.length(); i++) {
                if (toWire(keys.charAt(i)) < 0) {
                    throw new IllegalArgumentException("not a keypad key: " + (int) keys.charAt(i));
                }
            }
        }

        static int toWire(char key) {
            if (key >= '0' && key <= '9' || key >= 'A' && key <= 'H') {
                return key;
            }
            return switch (key) {
                case '*' -> 0x7F;
                case '#' -> 0x0D;
                default -> -1;
            };
        }

        static char fromWire(int value) {
            if (value >= '0' && value <= '9' || value >= 'A' && value <= 'H') {
                return (char) value;
            }
            return switch (value) {
                case 0x7F -> '*';
                case 0x0D -> '#';
                default -> 0;
            };
        }

        @Override
        public int code() {
            return KEYPAD;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[2 + keys.length()];
            out[0] = (byte) reader;
            out[1] = (byte) keys.length();
            for (int i = 0; i < keys.length(); i++) {
                out[2 + i] = (byte) toWire(keys.charAt(i));
            }
            return out;
        }
    }

    /** osdp_COM: the address and baud rate the PD uses from now on (answer to osdp_COMSET). */
    record Com(int address, long baudRate) implements OsdpReply {
        public Com {
            Bytes.range("address", address, 0, 0x7F);
            if (baudRate < 0 || baudRate > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("baudRate out of range");
            }
        }

        @Override
        public int code() {
            return COM;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[5];
            out[0] = (byte) address;
            Bytes.put32le(out, 1, baudRate);
            return out;
        }
    }

    /** osdp_CCRYPT: the PD's client UID, its random number RND.B and the client cryptogram (8 + 8 + 16 bytes). */
    record ClientCryptogram(byte[] clientUid, byte[] rndB, byte[] cryptogram) implements OsdpReply {
        public ClientCryptogram {
            clientUid = Bytes.exact("client UID", clientUid, 8);
            rndB = Bytes.exact("RND.B", rndB, 8);
            cryptogram = Bytes.exact("client cryptogram", cryptogram, 16);
        }

        @Override
        public byte[] clientUid() {
            return clientUid.clone();
        }

        @Override
        public byte[] rndB() {
            return rndB.clone();
        }

        @Override
        public byte[] cryptogram() {
            return cryptogram.clone();
        }

        @Override
        public int code() {
            return CCRYPT;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[32];
            System.arraycopy(clientUid, 0, out, 0, 8);
            System.arraycopy(rndB, 0, out, 8, 8);
            System.arraycopy(cryptogram, 0, out, 16, 16);
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ClientCryptogram c && Arrays.equals(clientUid, c.clientUid) && Arrays.equals(rndB, c.rndB)
                    && Arrays.equals(cryptogram, c.cryptogram);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(clientUid), Arrays.hashCode(rndB), Arrays.hashCode(cryptogram));
        }

        @Override
        public String toString() {
            return "ClientCryptogram[cuid=" + Bytes.hex(clientUid) + ", rndB=" + Bytes.hex(rndB) + ", cryptogram="
                    + Bytes.hex(cryptogram) + "]";
        }
    }

    /** osdp_RMAC_I: the initial R-MAC (16 bytes) that starts the MAC chain. */
    record InitialRmac(byte[] rmac) implements OsdpReply {
        public InitialRmac {
            rmac = Bytes.exact("R-MAC-I", rmac, 16);
        }

        @Override
        public byte[] rmac() {
            return rmac.clone();
        }

        @Override
        public int code() {
            return RMAC_I;
        }

        @Override
        public byte[] encode() {
            return rmac.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof InitialRmac r && Arrays.equals(rmac, r.rmac);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rmac);
        }

        @Override
        public String toString() {
            return "InitialRmac[" + Bytes.hex(rmac) + "]";
        }
    }

    /** osdp_BUSY: the PD is busy; repeat the command later (sent with sequence 0). */
    record Busy() implements OsdpReply {
        @Override
        public int code() {
            return BUSY;
        }

        @Override
        public byte[] encode() {
            return new byte[0];
        }
    }

    private static byte[] flags(List<Boolean> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (values.get(i) ? 1 : 0);
        }
        return out;
    }
}
