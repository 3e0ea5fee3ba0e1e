package dev.warden.controller.person;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code PUT /api/v1/people/{id}/pin}: the card + PIN PIN (4..8 digits) and optionally a duress PIN
 * (4..8 digits, different from the PIN). Secrets: {@link #toString()} never prints them.
 */
@Serdeable
public record PinInput(String pin, String duressPin) {
    @Override
    public String toString() {
        return "PinInput[pin=" + (pin == null ? "absent" : "***") + ", duressPin="
                + (duressPin == null ? "absent" : "***") + "]";
    }
}
