package dev.warden.policy;

/**
 * What a reader reports for a card, and what a credential is looked up by: the card format name
 * (e.g. {@code "H10301"}), the facility (site) code and the card number.
 *
 * @param format   non-blank card format name, as used by the Wiegand codecs
 * @param facility facility code, {@code >= 0} (0 for formats without one)
 * @param number   card number, {@code >= 0}
 */
public record CardKey(String format, long facility, long number) {

    public CardKey {
        format = Checks.nonBlank(format, "CardKey.format");
        if (facility < 0) {
            throw new IllegalArgumentException("CardKey.facility must be >= 0, was " + facility);
        }
        if (number < 0) {
            throw new IllegalArgumentException("CardKey.number must be >= 0, was " + number);
        }
    }

    @Override
    public String toString() {
        return format + ":" + facility + ":" + number;
    }
}
