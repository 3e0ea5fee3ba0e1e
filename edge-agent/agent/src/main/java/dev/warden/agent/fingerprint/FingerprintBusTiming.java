package dev.warden.agent.fingerprint;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a {@link FingerprintBus}.
 *
 * @param replyTimeout        how long to wait for an acknowledgement (one retry follows)
 * @param captureReplyTimeout the same for GenImg, which takes longer on a real sensor
 * @param healthInterval      how often an idle module is checked (TemplateNum)
 * @param fingerPoll          pause between two GenImg while waiting for a finger (or for it to be lifted)
 * @param reopenMin           first delay before reopening a line that went down; doubles on each failure
 * @param reopenMax           the longest delay between two attempts to reopen
 */
public record FingerprintBusTiming(Duration replyTimeout, Duration captureReplyTimeout, Duration healthInterval,
        Duration fingerPoll, Duration reopenMin, Duration reopenMax) {

    /** 1 s replies, 2 s for GenImg, a health check every 3 s, GenImg every 100 ms, reopen after 250 ms .. 4 s. */
    public static final FingerprintBusTiming DEFAULT = new FingerprintBusTiming(Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofSeconds(4));

    public FingerprintBusTiming {
        for (Duration d : new Duration[] {replyTimeout, captureReplyTimeout, healthInterval, fingerPoll, reopenMin,
            reopenMax}) {
            Objects.requireNonNull(d, "timing");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timings must be positive: " + d);
            }
        }
        if (reopenMax.compareTo(reopenMin) < 0) {
            throw new IllegalArgumentException("reopenMax is below reopenMin");
        }
    }
}
