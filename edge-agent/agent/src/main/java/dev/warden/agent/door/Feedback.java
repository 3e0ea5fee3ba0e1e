package dev.warden.agent.door;

import java.time.Duration;

/** How long readers show the outcome of a read. */
public final class Feedback {
    public static final String GREEN = "GREEN";
    public static final String RED = "RED";
    /** Waiting for the second factor (a finger on the module). */
    public static final String AMBER = "AMBER";
    public static final Duration DENIED_LED = Duration.ofSeconds(2);
    public static final Duration DENIED_BEEP = Duration.ofMillis(300);

    private Feedback() {}
}
