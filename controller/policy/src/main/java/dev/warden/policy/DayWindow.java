package dev.warden.policy;

import java.time.LocalTime;

/**
 * A window of local time on a dated day (a holiday or an exception date): local times in {@code [start, end)}.
 * Same convention as {@link WeeklyWindow}: {@code end == LocalTime.MIDNIGHT} means "until the end of the day"
 * ({@code 00:00–00:00} is the whole day); otherwise {@code end} must be after {@code start}.
 *
 * @param start first local time inside the window (inclusive)
 * @param end   first local time after the window (exclusive), or {@code MIDNIGHT} for end of day
 */
public record DayWindow(LocalTime start, LocalTime end) {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    public DayWindow {
        Checks.nonNull(start, "DayWindow.start");
        Checks.nonNull(end, "DayWindow.end");
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "DayWindow end " + end + " must be after start " + start + " (or MIDNIGHT for end of day)");
        }
    }

    /** The whole day. */
    public static DayWindow allDay() {
        return new DayWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /** {@code true} when the local time of day {@code time} lies inside this window. */
    public boolean contains(LocalTime time) {
        return contains(time.toNanoOfDay());
    }

    /** Allocation-free variant: nanoOfDay in {@code [0, 86400e9)}. */
    boolean contains(long nanoOfDay) {
        long endNanos = end.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : end.toNanoOfDay();
        return nanoOfDay >= start.toNanoOfDay() && nanoOfDay < endNanos;
    }
}
