package dev.warden.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A weekly recurring window of local time: on {@code day}, local times in {@code [start, end)}.
 *
 * <p>{@code end == LocalTime.MIDNIGHT} means "until the end of that day" (so {@code 00:00–00:00} is the whole
 * day); otherwise {@code end} must be after {@code start}. A window never spans midnight: use two windows.
 *
 * @param day   day of week in the schedule's zone
 * @param start first local time inside the window (inclusive)
 * @param end   first local time after the window (exclusive), or {@code MIDNIGHT} for end of day
 */
public record WeeklyWindow(DayOfWeek day, LocalTime start, LocalTime end) {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    public WeeklyWindow {
        Checks.nonNull(day, "WeeklyWindow.day");
        Checks.nonNull(start, "WeeklyWindow.start");
        Checks.nonNull(end, "WeeklyWindow.end");
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "WeeklyWindow end " + end + " must be after start " + start + " (or MIDNIGHT for end of day)");
        }
    }

    /** The whole of {@code day}, {@code 00:00} until midnight. */
    public static WeeklyWindow allDay(DayOfWeek day) {
        return new WeeklyWindow(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }

    /** {@code true} when the local {@code day} and time of day {@code time} lie inside this window. */
    public boolean contains(DayOfWeek day, LocalTime time) {
        return contains(day, time.toNanoOfDay());
    }

    /** Allocation-free variant of {@link #contains(DayOfWeek, LocalTime)}: nanoOfDay in {@code [0, 86400e9)}. */
    boolean contains(DayOfWeek localDay, long nanoOfDay) {
        if (localDay != day) {
            return false;
        }
        long endNanos = end.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : end.toNanoOfDay();
        return nanoOfDay >= start.toNanoOfDay() && nanoOfDay < endNanos;
    }
}
