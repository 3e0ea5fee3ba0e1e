package dev.warden.sim.wiegand;

/**
 * The simulator's own encoder for the 26-bit HID H10301 Wiegand format, written independently of the agent's codec
 * so that each checks the other. Layout (bit 1 = first bit sent): bit 1 even parity over bits 2–13, bits 2–9
 * facility code (8 bits), bits 10–25 card number (16 bits), bit 26 odd parity over bits 14–25.
 */
public final class H10301Encoder {

    public static final String FORMAT = "H10301";
    public static final int BITS = 26;
    public static final long MAX_FACILITY = 0xFF;
    public static final long MAX_NUMBER = 0xFFFF;

    private H10301Encoder() {}

    /** Whether a card of this format and range can be encoded as H10301. */
    public static boolean canEncode(String format, long facility, long number) {
        return FORMAT.equals(format) && facility >= 0 && facility <= MAX_FACILITY && number >= 0 && number <= MAX_NUMBER;
    }

    /** The 26 bits as a string of {@code 0}/{@code 1}, first bit sent first. */
    public static String encode(long facility, long number) {
        if (facility < 0 || facility > MAX_FACILITY) {
            throw new IllegalArgumentException("H10301 facility must be 0.." + MAX_FACILITY + ": " + facility);
        }
        if (number < 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("H10301 card number must be 0.." + MAX_NUMBER + ": " + number);
        }
        char[] bits = new char[BITS];
        put(bits, 1, 8, facility);
        put(bits, 9, 16, number);
        bits[0] = ones(bits, 1, 12) % 2 == 0 ? '0' : '1';
        bits[25] = ones(bits, 13, 12) % 2 == 0 ? '1' : '0';
        return new String(bits);
    }

    /** The same frame with its leading (even) parity bit flipped: a read that must be rejected. */
    public static String encodeWithParityError(long facility, long number) {
        char[] bits = encode(facility, number).toCharArray();
        bits[0] = bits[0] == '0' ? '1' : '0';
        return new String(bits);
    }

    /** Writes {@code width} bits of {@code value}, most significant first, starting at index {@code from}. */
    private static void put(char[] bits, int from, int width, long value) {
        for (int i = 0; i < width; i++) {
            bits[from + i] = ((value >>> (width - 1 - i)) & 1) == 1 ? '1' : '0';
        }
    }

    private static int ones(char[] bits, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            n += bits[i] == '1' ? 1 : 0;
        }
        return n;
    }
}
