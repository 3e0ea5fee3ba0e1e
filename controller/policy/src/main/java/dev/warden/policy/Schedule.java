package dev.warden.policy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schedule in a site time zone: weekly windows, plus holidays and dated exceptions.
 *
 * <p>{@link #isOpenAt(Instant)} converts the instant to the local date {@code d} and time with the zone's rules at
 * that instant, then:
 * <ol>
 *   <li>if {@code exceptions} has {@code d}: open only inside those windows (an empty list: closed all day);</li>
 *   <li>else if {@code d} is one of the {@code holidays}: open only inside {@code holidayWindows};</li>
 *   <li>else: open inside the weekly windows of {@code d}'s day of week.</li>
 * </ol>
 * Daylight-saving changes are handled by construction: local times skipped by a spring-forward gap never occur, and
 * the repeated hour of a fall-back occurs twice (both instants are open if a window covers that hour). A schedule
 * without windows is never open.
 *
 * @param id             the schedule's id
 * @param zone           the site time zone the windows are expressed in
 * @param windows        the weekly windows (copied; may be empty)
 * @param holidayWindows the windows that replace the weekly ones on a holiday (copied; empty: closed on holidays)
 * @param holidays       the holiday dates, local to {@code zone} (copied)
 * @param exceptions     dated exceptions: on such a date only its windows count (copied; empty list: closed all day);
 *                       an exception wins over a holiday on the same date
 */
public record Schedule(ScheduleId id, ZoneId zone, List<WeeklyWindow> windows, List<DayWindow> holidayWindows,
                       Set<LocalDate> holidays, Map<LocalDate, List<DayWindow>> exceptions) {

    private static final DayOfWeek[] DAYS = DayOfWeek.values();
    private static final long MIN_LOCAL_EPOCH_SECOND = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_LOCAL_EPOCH_SECOND = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC);

    public Schedule {
        Checks.nonNull(id, "Schedule.id");
        Checks.nonNull(zone, "Schedule.zone");
        Checks.nonNull(windows, "Schedule.windows");
        Checks.nonNull(holidayWindows, "Schedule.holidayWindows");
        Checks.nonNull(holidays, "Schedule.holidays");
        Checks.nonNull(exceptions, "Schedule.exceptions");
        windows = List.copyOf(windows);
        holidayWindows = List.copyOf(holidayWindows);
        holidays = Set.copyOf(holidays);
        Map<LocalDate, List<DayWindow>> copied = new HashMap<>();
        for (Map.Entry<LocalDate, List<DayWindow>> entry : exceptions.entrySet()) {
            Checks.nonNull(entry.getKey(), "Schedule.exceptions date");
            Checks.nonNull(entry.getValue(), "Schedule.exceptions windows of " + entry.getKey());
            copied.put(entry.getKey(), List.copyOf(entry.getValue()));
        }
        exceptions = Map.copyOf(copied);
    }

    /** A weekly schedule without holidays or exceptions. */
    public Schedule(ScheduleId id, ZoneId zone, List<WeeklyWindow> windows) {
        this(id, zone, windows, List.of(), Set.of(), Map.of());
    }

    /**
     * Whether the schedule is open at {@code at}. Never throws for a non-null instant: an instant outside the
     * range that local date-times can represent counts as closed. Allocation-free unless the schedule has holidays
     * or exceptions (then one {@link LocalDate}).
     */
    public boolean isOpenAt(Instant at) {
        long localEpochSecond;
        try {
            localEpochSecond = Math.addExact(at.getEpochSecond(), zone.getRules().getOffset(at).getTotalSeconds());
        } catch (DateTimeException | ArithmeticException outOfRange) {
            return false;
        }
        if (localEpochSecond < MIN_LOCAL_EPOCH_SECOND || localEpochSecond > MAX_LOCAL_EPOCH_SECOND) {
            return false; // as at.atZone(zone) would throw: no local date-time exists for this instant
        }
        long epochDay = Math.floorDiv(localEpochSecond, 86_400L);
        long secondOfDay = Math.floorMod(localEpochSecond, 86_400L);
        long nanoOfDay = secondOfDay * 1_000_000_000L + at.getNano();
        if (!exceptions.isEmpty() || !holidays.isEmpty()) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            List<DayWindow> exception = exceptions.get(date);
            if (exception != null) {
                return anyContains(exception, nanoOfDay);
            }
            if (holidays.contains(date)) {
                return anyContains(holidayWindows, nanoOfDay);
            }
        }
        // 1970-01-01 (epoch day 0) was a Thursday (index 3 in DayOfWeek.values()).
        DayOfWeek day = DAYS[(int) Math.floorMod(epochDay + 3, 7L)];
        for (int i = 0, n = windows.size(); i < n; i++) {
            if (windows.get(i).contains(day, nanoOfDay)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyContains(List<DayWindow> dayWindows, long nanoOfDay) {
        for (int i = 0, n = dayWindows.size(); i < n; i++) {
            if (dayWindows.get(i).contains(nanoOfDay)) {
                return true;
            }
        }
        return false;
    }
}
