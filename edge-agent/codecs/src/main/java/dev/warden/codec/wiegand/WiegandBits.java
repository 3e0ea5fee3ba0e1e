package dev.warden.codec.wiegand;

import java.util.Objects;

/**
 * Conversions between packed bytes (as readers and OSDP {@code osdp_RAW} replies deliver them: bits left-aligned,
 * most significant bit of the first byte first) and the bit strings {@link WiegandDecoder} reads.
 */
public final class WiegandBits {

    private WiegandBits() {
    }

    /**
     * The first {@code bitCount} bits of {@code data}.
     *
     * @throws IllegalArgumentException when {@code bitCount} is negative or exceeds {@code data.length * 8}
     */
    public static String fromBytes(byte[] data, int bitCount) {
        Objects.requireNonNull(data, "data");
        if (bitCount < 0 || bitCount > data.length * 8L) {
            throw new IllegalArgumentException(
                    "bitCount " + bitCount + " is outside 0.." + (data.length * 8L) + " for " + data.length + " bytes");
        }
        StringBuilder bits = new StringBuilder(bitCount);
        for (int i = 0; i < bitCount; i++) {
            bits.append(((data[i >>> 3] >>> (7 - (i & 7))) & 1) == 1 ? '1' : '0');
        }
        return bits.toString();
    }

    /**
     * The first {@code bitCount} bits of a hex string (left-aligned, e.g. {@code "80826900"}, 26 → H10301 FC 1 CN
     * 1234). Whitespace is ignored.
     *
     * @throws IllegalArgumentException on a non-hex character, an odd number of digits or too few bits
     */
    public static String fromHex(String hex, int bitCount) {
        Objects.requireNonNull(hex, "hex");
        String digits = hex.replaceAll("\\s", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
        }
        byte[] data = new byte[digits.length() / 2];
        for (int i = 0; i < data.length; i++) {
            int hi = Character.digit(digits.charAt(2 * i), 16);
            int lo = Character.digit(digits.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit at position " + (2 * i + (hi < 0 ? 0 : 1)));
            }
            data[i] = (byte) (hi << 4 | lo);
        }
        return fromBytes(data, bitCount);
    }

    /**
     * Packs a bit string left-aligned into bytes (the last byte zero-padded).
     *
     * @throws IllegalArgumentException on a character other than '0' or '1'
     */
    public static byte[] toBytes(String bits) {
        Objects.requireNonNull(bits, "bits");
        byte[] data = new byte[(bits.length() + 7) / 8];
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c == '1') {
                data[i >>> 3] |= (byte) (0x80 >>> (i & 7));
            } else if (c != '0') {
                throw new IllegalArgumentException("bit " + (i + 1) + " is not '0' or '1'");
            }
        }
        return data;
    }
}
