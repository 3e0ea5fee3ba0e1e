package dev.warden.controller.event;

import java.time.Duration;
import java.time.Instant;

/**
 * The window in which a time reported by an agent is believed: not more than {@link #MAX_PAST} before the
 * controller's clock, not more than {@link #MAX_FUTURE} after it. Outside it the agent's clock is wrong (or the
 * message forged or replayed), and the time must not order anything.
 */
final class AgentTime {
    static final Duration MAX_PAST = Duration.ofDays(7);
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    private AgentTime() {}

    static boolean plausible(Instant reported, Instant now) {
        return reported != null && !reported.isBefore(now.minus(MAX_PAST)) && !reported.isAfter(now.plus(MAX_FUTURE));
    }
}
