package dev.warden.agent.door;

import java.time.Duration;

/**
 * Port: act on a door's hardware. Implementations deliver best-effort and never throw: a device that cannot be
 * reached simply does not act, which leaves the door locked (fail secure).
 */
public interface DriveDoor {

    /** Release the lock for {@code duration}; the lock relocks by itself afterwards. */
    void unlock(String lockId, Duration duration);

    /** Lock at once. */
    void lock(String lockId);

    /** Show {@code color} (GREEN, RED, AMBER) on a reader's LED for {@code duration}. */
    void led(String readerId, String color, Duration duration);

    /** Sound a reader's buzzer for {@code duration}. */
    void buzz(String readerId, Duration duration);
}
