package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Verifies holidays and dated exceptions of a {@link Schedule}: an exception wins over a holiday, a holiday over the
 * weekly windows, each only on its local date (a second either side of midnight), and on the Europe/Berlin DST change
 * days.
 */
class HolidayScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25); // a Friday
    private static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 29); // Sunday, 02:00 CET → 03:00 CEST
    private static final LocalDate FALL_BACK = LocalDate.of(2026, 10, 25); // Sunday, 03:00 CEST → 02:00 CET

    private static List<WeeklyWindow> allWeek() {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            windows.add(WeeklyWindow.allDay(day));
        }
        return windows;
    }

    private static Schedule schedule(List<DayWindow> holidayWindows, Set<LocalDate> holidays,
                                     Map<LocalDate, List<DayWindow>> exceptions) {
        return new Schedule(ScheduleId.of("s"), BERLIN, allWeek(), holidayWindows, holidays, exceptions);
    }

    @Test
    void aHolidayWithoutHolidayWindowsIsClosedForExactlyItsLocalDate() {
        Schedule schedule = schedule(List.of(), Set.of(CHRISTMAS), Map.of());
        Instant start = Instant.parse("2026-12-24T23:00:00Z"); // 25 Dec 00:00 CET
        Instant end = Instant.parse("2026-12-25T23:00:00Z"); // 26 Dec 00:00 CET
        assertThat(schedule.isOpenAt(start.minusSeconds(1))).isTrue();
        assertThat(schedule.isOpenAt(start)).isFalse();
        assertThat(schedule.isOpenAt(end.minusSeconds(1))).isFalse();
        assertThat(schedule.isOpenAt(end)).isTrue();
    }

    @Test
    void aHolidayOpensOnlyItsHolidayWindows() {
        Schedule schedule = schedule(List.of(new DayWindow(LocalTime.of(10, 0), LocalTime.of(14, 0))),
                Set.of(CHRISTMAS), Map.of());
        Instant opens = Instant.parse("2026-12-25T09:00:00Z");
        Instant closes = Instant.parse("2026-12-25T13:00:00Z");
        assertThat(schedule.isOpenAt(opens.minusSeconds(1))).isFalse();
        assertThat(schedule.isOpenAt(opens)).isTrue();
        assertThat(schedule.isOpenAt(closes.minusSeconds(1))).isTrue();
        assertThat(schedule.isOpenAt(closes)).isFalse();
    }

    @Test
    void anExceptionWinsOverTheHolidayAndAnEmptyExceptionClosesTheDay() {
        Map<LocalDate, List<DayWindow>> exceptions = new HashMap<>();
        exceptions.put(CHRISTMAS, List.of(new DayWindow(LocalTime.of(6, 0), LocalTime.of(7, 0))));
        exceptions.put(CHRISTMAS.plusDays(1), List.of());
        Schedule schedule = schedule(List.of(DayWindow.allDay()), Set.of(CHRISTMAS), exceptions);
        assertThat(schedule.isOpenAt(Instant.parse("2026-12-25T05:00:00Z"))).as("06:00").isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-12-25T06:00:00Z"))).as("07:00").isFalse();
        assertThat(schedule.isOpenAt(Instant.parse("2026-12-25T11:00:00Z"))).as("noon, holiday ignored").isFalse();
        assertThat(schedule.isOpenAt(Instant.parse("2026-12-26T11:00:00Z"))).as("empty exception").isFalse();
        assertThat(schedule.isOpenAt(Instant.parse("2026-12-27T11:00:00Z"))).as("weekly again").isTrue();
    }

    @Test
    void anExceptionOnTheSpringForwardDayLastsOneRealHourLess() {
        // 01:00–04:00 local on 29 March: 01:00 CET = 00:00Z, 03:00 CEST = 01:00Z, 04:00 CEST = 02:00Z
        Schedule schedule = schedule(List.of(), Set.of(),
                Map.of(SPRING_FORWARD, List.of(new DayWindow(LocalTime.of(1, 0), LocalTime.of(4, 0)))));
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-29T00:00:00Z").minusSeconds(1))).isFalse();
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-29T00:00:00Z"))).isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-29T01:00:00Z"))).as("03:00 CEST").isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-29T02:00:00Z").minusSeconds(1))).isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-29T02:00:00Z"))).as("04:00 CEST").isFalse();
        // the day itself starts at 28 March 23:00Z and ends at 29 March 22:00Z (23 hours)
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-29T21:59:59Z"))).as("23:59:59 CEST, exception day").isFalse();
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-29T22:00:00Z"))).as("30 March, weekly").isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-28T22:59:59Z"))).as("28 March, weekly").isTrue();
    }

    @Test
    void aHolidayOnTheFallBackDayCoversTheRepeatedHourTwice() {
        // holiday windows 00:00–04:00 local on 25 October: 00:00 CEST = 24 Oct 22:00Z, 04:00 CET = 03:00Z (5 hours)
        Schedule schedule = schedule(List.of(new DayWindow(LocalTime.MIDNIGHT, LocalTime.of(4, 0))),
                Set.of(FALL_BACK), Map.of());
        assertThat(schedule.isOpenAt(Instant.parse("2026-10-24T22:00:00Z").minusSeconds(1))).as("24 Oct, weekly")
                .isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-10-24T22:00:00Z"))).isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-10-25T00:30:00Z"))).as("02:30 CEST").isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-10-25T01:30:00Z"))).as("02:30 CET").isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-10-25T03:00:00Z").minusSeconds(1))).isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-10-25T03:00:00Z"))).as("04:00 CET").isFalse();
        assertThat(schedule.isOpenAt(Instant.parse("2026-10-25T23:00:00Z").minusSeconds(1))).isFalse();
        assertThat(schedule.isOpenAt(Instant.parse("2026-10-25T23:00:00Z"))).as("26 Oct, weekly").isTrue();
    }

    @Test
    void dayWindowsFollowTheWeeklyWindowConvention() {
        assertThat(DayWindow.allDay().contains(LocalTime.MIDNIGHT)).isTrue();
        assertThat(DayWindow.allDay().contains(LocalTime.of(23, 59, 59, 999_999_999))).isTrue();
        assertThat(new DayWindow(LocalTime.of(9, 0), LocalTime.of(10, 0)).contains(LocalTime.of(10, 0))).isFalse();
        assertThatThrownBy(() -> new DayWindow(LocalTime.of(10, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DayWindow(LocalTime.of(10, 0), LocalTime.of(10, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCollectionsAreCopied() {
        Map<LocalDate, List<DayWindow>> exceptions = new HashMap<>();
        List<DayWindow> windows = new ArrayList<>(List.of(DayWindow.allDay()));
        exceptions.put(CHRISTMAS, windows);
        Schedule schedule = new Schedule(ScheduleId.of("s"), BERLIN, List.of(), List.of(), Set.of(), exceptions);
        windows.clear();
        exceptions.clear();
        assertThat(schedule.isOpenAt(Instant.parse("2026-12-25T11:00:00Z"))).isTrue();
        assertThat(new Schedule(ScheduleId.of("s"), BERLIN, List.of()).holidays()).isEmpty();
    }
}
