package dev.warden.contract;

/**
 * A decoded card: Wiegand format name (e.g. {@code H10301}), facility (or company) code, card number.
 */
public record CardData(String format, long facility, long number) {
    public CardData {
        if (format == null || format.isBlank() || format.length() > 32) {
            throw new IllegalArgumentException("card.format is required (at most 32 characters)");
        }
        if (facility < 0 || number < 0) {
            throw new IllegalArgumentException("card.facility and card.number must not be negative");
        }
    }
}
