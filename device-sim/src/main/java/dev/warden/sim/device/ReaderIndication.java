package dev.warden.sim.device;

import java.time.Instant;

/**
 * What a simulated reader shows: the LED color last commanded and until when it shows, and until when the
 * buzzer sounds. {@code ledColor} is {@code null} before any LED command.
 */
public record ReaderIndication(String ledColor, Instant ledUntil, Instant buzzerUntil) {

    public static final ReaderIndication DARK = new ReaderIndication(null, Instant.EPOCH, Instant.EPOCH);

    public boolean ledOn(Instant now) {
        return ledColor != null && now.isBefore(ledUntil);
    }

    public boolean buzzing(Instant now) {
        return now.isBefore(buzzerUntil);
    }
}
