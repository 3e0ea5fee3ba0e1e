package dev.warden.codec.wiegand;

import dev.warden.codec.wiegand.WiegandFormat.Field;
import dev.warden.codec.wiegand.WiegandFormat.ParityCheck;
import java.util.Objects;

/**
 * Encodes a facility code and card number into a Wiegand frame of a given format: a string of
 * {@code '0'}/{@code '1'}, first bit sent first, with every parity bit computed (in the format's listed order).
 * Stateless and thread-safe.
 */
public final class WiegandEncoder {

    /**
     * @throws IllegalArgumentException when {@code facility} or {@code number} is negative or does not fit its
     *                                  field (a format without a facility field accepts only facility 0)
     */
    public String encode(WiegandFormat format, long facility, long number) {
        Objects.requireNonNull(format, "format");
        if (facility < 0 || facility > format.maxFacility()) {
            throw new IllegalArgumentException(format.name() + ": facility " + facility
                    + " does not fit (0.." + format.maxFacility() + ")");
        }
        if (number < 0 || number > format.maxCard()) {
            throw new IllegalArgumentException(format.name() + ": card number " + number
                    + " does not fit (0.." + format.maxCard() + ")");
        }
        StringBuilder bits = new StringBuilder(format.bitLength());
        bits.setLength(format.bitLength());
        for (int i = 0; i < format.bitLength(); i++) {
            bits.setCharAt(i, '0');
        }
        if (format.facility() != null) {
            write(bits, format.facility(), facility);
        }
        write(bits, format.card(), number);
        for (ParityCheck check : format.parity()) {
            // the parity bit is still '0': set it to '1' exactly when the check does not hold yet
            if (!WiegandDecoder.holds(bits, check)) {
                bits.setCharAt(check.parityBit() - 1, '1');
            }
        }
        return bits.toString();
    }

    private static void write(StringBuilder bits, Field field, long value) {
        for (int i = 0; i < field.length(); i++) {
            long bit = (value >>> (field.length() - 1 - i)) & 1;
            bits.setCharAt(field.firstBit() - 1 + i, bit == 1 ? '1' : '0');
        }
    }
}
