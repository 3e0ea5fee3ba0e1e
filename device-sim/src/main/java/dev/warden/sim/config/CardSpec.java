package dev.warden.sim.config;

import dev.warden.contract.CardData;

/**
 * A badge the simulated people carry: Wiegand format name, facility (or company) code, card number, a label for the
 * logs (e.g. {@code "p-0001 Ada Example"}) and, optionally, the holder's PIN (4..8 digits), which the walker types on
 * a reader's keypad before presenting the card. {@link #toString()} never shows the PIN.
 */
public record CardSpec(String format, long facility, long number, String label, String pin) {

    /** The PIN rule of the simulator's configuration: 4 to 8 digits. */
    public static final String PIN_PATTERN = "[0-9]{4,8}";

    public CardSpec {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("card format is required");
        }
        if (facility < 0 || number < 0) {
            throw new IllegalArgumentException("card facility and number must not be negative");
        }
        if (pin != null && !pin.matches(PIN_PATTERN)) {
            throw new IllegalArgumentException("a card's PIN must be 4 to 8 digits");
        }
        label = label == null ? format + ":" + facility + ":" + number : label;
    }

    /** A card whose holder has no PIN. */
    public CardSpec(String format, long facility, long number, String label) {
        this(format, facility, number, label, null);
    }

    public CardData toCardData() {
        return new CardData(format, facility, number);
    }

    @Override
    public String toString() {
        return "CardSpec[format=" + format + ", facility=" + facility + ", number=" + number + ", label=" + label
                + ", pin=" + (pin == null ? "none" : "***") + "]";
    }
}
