package dev.warden.policy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A weekly schedule in a site time zone: open whenever the local date-time falls in one of its windows.
 *
 * <p>{@link #isOpenAt(Instant)} converts the instant to local time with the zone's rules at that instant, so
 * daylight-saving changes are handled by construction: local times skipped by a spring-forward gap never occur,
 * and the repeated hour of a fall-back occurs twice (both instants are open if the window covers that hour).
 * A schedule without windows is never open.
 *
 * @param id      the schedule's id
 * @param zone    the site time zone the windows are expressed in
 * @param windows the open windows (copied; may be empty)
 */
public record Schedule(ScheduleId id, ZoneId zone, List<WeeklyWindow> windows) {

    private static final DayOfWeek[] DAYS = DayOfWeek.values();
    private static final long MIN_LOCAL_EPOCH_SECOND = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_LOCAL_EPOCH_SECOND = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC);

    public Schedule {
        Checks.nonNull(id, "Schedule.id");
        Checks.nonNull(zone, "Schedule.zone");
        Checks.nonNull(windows, "Schedule.windows");
        windows = List.copyOf(windows);
    }

    /**
     * Whether the schedule is open at {@code at}. Never throws for a non-null instant: an instant outside the
     * range that local date-times can represent counts as closed.
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
        // 1970-01-01 (epoch day 0) was a Thursday (index 3 in DayOfWeek.values()).
        DayOfWeek day = DAYS[(int) Math.floorMod(epochDay + 3, 7L)];
        long nanoOfDay = secondOfDay * 1_000_000_000L + at.getNano();
        for (int i = 0, n = windows.size(); i < n; i++) {
            if (windows.get(i).contains(day, nanoOfDay)) {
                return true;
            }
        }
        return false;
    }
}
