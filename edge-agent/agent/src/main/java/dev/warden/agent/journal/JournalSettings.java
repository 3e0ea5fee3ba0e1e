package dev.warden.agent.journal;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Sizes and pacing of the journal.
 *
 * @param segmentBytes a segment file is closed and a new one begun before it would grow past this
 * @param capacityBytes the stated capacity: bytes of segment files the journal may hold; above
 *     {@value #HIGH_PERCENT} % of it the journal is {@code JOURNAL_HIGH}
 * @param reserveBytes past the capacity, new events are still journaled into this reserve (logged loudly,
 *     counted); only when the reserve is used up are new events refused
 * @param window events sent and not yet acknowledged by the broker, at most
 * @param ackTimeout an event unacknowledged this long while connected is sent again (with all behind it)
 * @param ackPersistInterval how often, at most, the acknowledged position is written to disk
 */
public record JournalSettings(
        long segmentBytes, long capacityBytes, long reserveBytes, int window, Duration ackTimeout, Duration ackPersistInterval) {

    public static final int HIGH_PERCENT = 80;
    /** Below this the JOURNAL_HIGH condition clears (hysteresis, so it does not flap). */
    public static final int HIGH_CLEAR_PERCENT = 70;

    public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;
    public static final long DEFAULT_CAPACITY_BYTES = 2L << 30;
    public static final long DEFAULT_RESERVE_BYTES = 64L << 20;

    public static final String PROP_SEGMENT = "warden.journal.segment-bytes";
    public static final String PROP_CAPACITY = "warden.journal.capacity-bytes";
    public static final String PROP_RESERVE = "warden.journal.reserve-bytes";

    public JournalSettings {
        if (segmentBytes < 64 * 1024 || segmentBytes > (1L << 30)) {
            throw new IllegalArgumentException("journal segment size must be 64 KiB..1 GiB, not " + segmentBytes);
        }
        if (capacityBytes < 2 * segmentBytes) {
            throw new IllegalArgumentException("journal capacity must hold at least two segments (" + 2 * segmentBytes + " bytes), not " + capacityBytes);
        }
        if (reserveBytes < JournalRecord.HEADER + JournalRecord.MAX_PAYLOAD) {
            throw new IllegalArgumentException("journal reserve must hold at least one largest record, not " + reserveBytes);
        }
        if (window < 1 || window > 10_000) {
            throw new IllegalArgumentException("journal send window must be 1..10000, not " + window);
        }
        if (ackTimeout.isNegative() || ackTimeout.isZero() || ackPersistInterval.isNegative()) {
            throw new IllegalArgumentException("journal timeouts must be positive");
        }
    }

    public static JournalSettings defaults() {
        return new JournalSettings(DEFAULT_SEGMENT_BYTES, DEFAULT_CAPACITY_BYTES, DEFAULT_RESERVE_BYTES, 100, Duration.ofSeconds(30), Duration.ofMillis(200));
    }

    /** Small sizes for tests and demos. */
    public JournalSettings withSizes(long segmentBytes, long capacityBytes, long reserveBytes) {
        return new JournalSettings(segmentBytes, capacityBytes, reserveBytes, window, ackTimeout, ackPersistInterval);
    }

    /**
     * The defaults, overridden by {@value #PROP_SEGMENT}, {@value #PROP_CAPACITY} and {@value #PROP_RESERVE}
     * (bytes, or with a suffix {@code k}, {@code m}, {@code g}: {@code -Dwarden.journal.capacity-bytes=4g}).
     *
     * @throws IllegalArgumentException naming the property whose value is not a size or out of range
     */
    public static JournalSettings from(Properties props) {
        JournalSettings d = defaults();
        return d.withSizes(
                size(props, PROP_SEGMENT, d.segmentBytes()),
                size(props, PROP_CAPACITY, d.capacityBytes()),
                size(props, PROP_RESERVE, d.reserveBytes()));
    }

    static long size(Properties props, String name, long otherwise) {
        String text = props.getProperty(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unit = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n <= 0 || n > Long.MAX_VALUE / unit) {
                throw new IllegalArgumentException(name + " must be a positive size");
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a size in bytes (optionally with k, m or g), e.g. 2g");
        }
    }
}
