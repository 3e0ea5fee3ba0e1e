package dev.warden.codec.wiegand;

import dev.warden.codec.wiegand.WiegandFormat.Field;
import dev.warden.codec.wiegand.WiegandFormat.ParityCheck;
import dev.warden.codec.wiegand.WiegandResult.Invalid.Reason;
import java.util.List;
import java.util.Objects;

/**
 * Decodes a Wiegand frame, given as a string of {@code '0'}/{@code '1'} with the first bit sent first, into a
 * {@link WiegandResult}. Checks, in order: empty → length over 128 bits → non-binary characters → a format of that
 * length → every parity check → field extraction. Never throws, never returns null; stateless and thread-safe.
 */
public final class WiegandDecoder {

    private final WiegandFormats formats;

    public WiegandDecoder(WiegandFormats formats) {
        this.formats = Objects.requireNonNull(formats, "formats");
    }

    /** A decoder for {@link WiegandFormats#standard()}. */
    public WiegandDecoder() {
        this(WiegandFormats.standard());
    }

    public WiegandResult decode(String bits) {
        if (bits == null || bits.isEmpty()) {
            return new WiegandResult.Invalid(Reason.EMPTY, "no bits");
        }
        int length = bits.length();
        if (length > WiegandFormat.MAX_BITS) {
            return new WiegandResult.Invalid(Reason.UNKNOWN_LENGTH,
                    length + " bits is more than the " + WiegandFormat.MAX_BITS + " bits any format may have");
        }
        for (int i = 0; i < length; i++) {
            char c = bits.charAt(i);
            if (c != '0' && c != '1') {
                return new WiegandResult.Invalid(Reason.NOT_BINARY,
                        "bit " + (i + 1) + " is not '0' or '1' (char code " + (int) c + ")");
            }
        }
        WiegandFormat format = formats.formatOfLength(length);
        if (format == null) {
            return new WiegandResult.Invalid(Reason.UNKNOWN_LENGTH, "no known format has " + length + " bits");
        }
        StringBuilder failed = null;
        for (ParityCheck check : format.parity()) {
            if (!holds(bits, check)) {
                failed = failed == null ? new StringBuilder() : failed.append(", ");
                failed.append(check.parityBit());
            }
        }
        if (failed != null) {
            return new WiegandResult.Invalid(Reason.PARITY_ERROR,
                    format.name() + ": parity check of bit " + failed + " fails");
        }
        long facility = format.facility() == null ? 0 : read(bits, format.facility());
        return new WiegandResult.Decoded(format.name(), facility, read(bits, format.card()));
    }

    static boolean holds(CharSequence bits, ParityCheck check) {
        int ones = bits.charAt(check.parityBit() - 1) == '1' ? 1 : 0;
        List<Integer> covered = check.coveredBits();
        for (int i = 0, n = covered.size(); i < n; i++) {
            if (bits.charAt(covered.get(i) - 1) == '1') {
                ones++;
            }
        }
        boolean even = (ones & 1) == 0;
        return check.kind() == WiegandFormat.Parity.EVEN ? even : !even;
    }

    private static long read(String bits, Field field) {
        long value = 0;
        for (int bit = field.firstBit(); bit <= field.lastBit(); bit++) {
            value = (value << 1) | (bits.charAt(bit - 1) == '1' ? 1 : 0);
        }
        return value;
    }
}
