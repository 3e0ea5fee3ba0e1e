package dev.warden.agent.device;

import java.time.Duration;

/**
 * Port: feedback on a reader that a driver controls (LED and buzzer). Best effort: implementations queue the
 * command for the device's bus and return at once; they never throw.
 */
public interface ReaderOutputs {

    /** Show {@code color} (GREEN, RED, AMBER) for {@code duration}, then return to the reader's idle colour. */
    void led(String readerId, String color, Duration duration);

    /** Sound the buzzer for {@code duration}. */
    void buzz(String readerId, Duration duration);
}
