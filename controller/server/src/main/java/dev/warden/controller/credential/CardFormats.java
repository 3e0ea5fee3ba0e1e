package dev.warden.controller.credential;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Field ranges of the Wiegand formats Warden decodes (see docs/mqtt-contract.md and the device codecs). Other
 * format names are accepted as long as they are plain names, for readers that decode formats themselves.
 */
final class CardFormats {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /** format → {max facility, max number}. */
    private static final Map<String, long[]> RANGES = Map.of(
            "H10301", new long[] {(1L << 8) - 1, (1L << 16) - 1},
            "H10306", new long[] {(1L << 16) - 1, (1L << 16) - 1},
            "H10304", new long[] {(1L << 16) - 1, (1L << 19) - 1},
            "CORP1000", new long[] {(1L << 12) - 1, (1L << 20) - 1});

    private CardFormats() {}

    /** Null when the card is acceptable, otherwise what is wrong with it. */
    static String problem(String format, long facility, long number) {
        if (format == null || !NAME.matcher(format).matches()) {
            return "format must be a card format name such as H10301 ([A-Za-z0-9._-]{1,32})";
        }
        if (facility < 0 || number < 0) {
            return "facility and number must not be negative";
        }
        long[] max = RANGES.get(format);
        if (max != null && (facility > max[0] || number > max[1])) {
            return format + " cards have facility 0.." + max[0] + " and number 0.." + max[1];
        }
        return null;
    }
}
