package dev.warden.agent.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ModbusBus} times its line.
 *
 * @param baud                the line speed; fixes the 3.5-character silence between frames
 * @param replyTimeout        how long to wait for the first byte of a reply (and for all of it)
 * @param retries             further attempts after a reply timed out or was corrupt (an exception reply is not retried)
 * @param offlineAfter        consecutive failed polls after which a device is reported offline
 * @param readingRefresh      a reading is reported again after this long even when it did not change
 * @param linkBackoffMin      first wait before re-opening a line that went down
 * @param linkBackoffMax      longest wait between attempts to re-open it
 */
public record ModbusTiming(int baud, Duration replyTimeout, int retries, int offlineAfter, Duration readingRefresh,
        Duration linkBackoffMin, Duration linkBackoffMax) {

    /** Bits per character on the wire: start, 8 data, parity or a second stop bit, stop (the RTU standard). */
    static final int BITS_PER_CHAR = 11;

    public ModbusTiming {
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(readingRefresh, "readingRefresh");
        Objects.requireNonNull(linkBackoffMin, "linkBackoffMin");
        Objects.requireNonNull(linkBackoffMax, "linkBackoffMax");
        if (baud < 300) {
            throw new IllegalArgumentException("baud must be at least 300, was " + baud);
        }
        if (replyTimeout.toMillis() < 1 || retries < 0 || offlineAfter < 1) {
            throw new IllegalArgumentException("reply timeout must be >= 1 ms, retries >= 0, offlineAfter >= 1");
        }
        if (linkBackoffMin.toMillis() < 1 || linkBackoffMax.compareTo(linkBackoffMin) < 0) {
            throw new IllegalArgumentException("link backoff must be >= 1 ms and max >= min");
        }
    }

    /** The defaults at {@code baud}: 300 ms reply timeout, 2 retries, offline after 3 failed polls, 1 min refresh. */
    public static ModbusTiming forBaud(int baud) {
        return new ModbusTiming(baud, Duration.ofMillis(300), 2, 3, Duration.ofMinutes(1),
                Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** The same with another reply timeout. */
    public ModbusTiming withReplyTimeout(Duration timeout) {
        return new ModbusTiming(baud, timeout, retries, offlineAfter, readingRefresh, linkBackoffMin, linkBackoffMax);
    }

    /** The same with another backoff for re-opening the line. */
    public ModbusTiming withLinkBackoff(Duration min, Duration max) {
        return new ModbusTiming(baud, replyTimeout, retries, offlineAfter, readingRefresh, min, max);
    }

    /**
     * The silence that separates frames: 3.5 character times, fixed at 1.75 ms above 19200 baud as the Modbus serial
     * line specification recommends.
     */
    public Duration interFrameSilence() {
        if (baud > 19_200) {
            return Duration.ofNanos(1_750_000);
        }
        return Duration.ofNanos(Math.round(3.5 * BITS_PER_CHAR * 1e9 / baud));
    }

    /**
     * How long the line must stay quiet before leftover bytes of a bad reply count as gone: the inter-frame silence,
     * but at least 20 ms, since USB adapters, pseudo-terminals and TCP serial servers deliver bytes in bursts.
     */
    Duration drainQuiet() {
        Duration silence = interFrameSilence();
        Duration floor = Duration.ofMillis(20);
        return silence.compareTo(floor) > 0 ? silence : floor;
    }
}
