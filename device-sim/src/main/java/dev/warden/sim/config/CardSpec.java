package dev.warden.sim.config;

import dev.warden.contract.CardData;

/**
 * A badge the simulated people carry: Wiegand format name, facility (or company) code, card number, and a label
 * for the logs (e.g. {@code "p-0001 Ada Example"}).
 */
public record CardSpec(String format, long facility, long number, String label) {
    public CardSpec {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("card format is required");
        }
        if (facility < 0 || number < 0) {
            throw new IllegalArgumentException("card facility and number must not be negative");
        }
        label = label == null ? format + ":" + facility + ":" + number : label;
    }

    public CardData toCardData() {
        return new CardData(format, facility, number);
    }
}
