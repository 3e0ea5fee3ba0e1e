package dev.warden.agent.osdp;

import java.time.Duration;
import java.util.Objects;

/**
 * The bus timings (package-private: production uses {@link #standard()}, tests shorter ones).
 *
 * @param replyTimeout         how long to wait for a reply
 * @param offlineAfter         no valid reply for this long → offline
 * @param pollInterval         minimum time between two polls of the same PD
 * @param retries              resends of a command without reply (same sequence number)
 * @param offlineProbeInterval how often an offline PD is tried again (one attempt, no retries)
 * @param reopenInitial        first delay before re-opening a line that went down
 * @param reopenMax            longest such delay
 * @param commandTtl           a queued LED/buzzer/pulse command older than this is dropped, not sent late (a relay
 *                             release never expires)
 */
record OsdpTimings(
        Duration replyTimeout,
        Duration offlineAfter,
        Duration pollInterval,
        int retries,
        Duration offlineProbeInterval,
        Duration reopenInitial,
        Duration reopenMax,
        Duration commandTtl) {

    OsdpTimings {
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(offlineAfter, "offlineAfter");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(offlineProbeInterval, "offlineProbeInterval");
        Objects.requireNonNull(reopenInitial, "reopenInitial");
        Objects.requireNonNull(reopenMax, "reopenMax");
        Objects.requireNonNull(commandTtl, "commandTtl");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be ≥ 0");
        }
    }

    static OsdpTimings standard() {
        return new OsdpTimings(OsdpBusSettings.REPLY_TIMEOUT, OsdpBusSettings.OFFLINE_AFTER, OsdpBusSettings.POLL_INTERVAL,
                OsdpBusSettings.RETRIES, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(10),
                Duration.ofSeconds(3));
    }
}
