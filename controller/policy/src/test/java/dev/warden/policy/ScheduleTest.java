package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verifies weekly windows at their edges and across daylight-saving changes: the spring-forward gap (local times
 * that never happen) and the fall-back repeated hour (local times that happen twice) in Europe/Berlin and
 * America/New_York.
 */
class ScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void windowIsOpenFromStartInclusiveToEndExclusive() {
        // Wednesday 2026-03-11, Berlin is UTC+1: 09:00 local = 08:00Z, 17:00 local = 16:00Z
        Schedule schedule = schedule(BERLIN, new WeeklyWindow(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0),
                LocalTime.of(17, 0)));
        Instant start = Instant.parse("2026-03-11T08:00:00Z");
        Instant end = Instant.parse("2026-03-11T16:00:00Z");
        assertThat(schedule.isOpenAt(start.minusNanos(1))).isFalse();
        assertThat(schedule.isOpenAt(start.minusSeconds(1))).isFalse();
        assertThat(schedule.isOpenAt(start)).isTrue();
        assertThat(schedule.isOpenAt(end.minusNanos(1))).isTrue();
        assertThat(schedule.isOpenAt(end)).isFalse();
        assertThat(schedule.isOpenAt(end.plusSeconds(1))).isFalse();
        assertThat(schedule.isOpenAt(start.plusSeconds(7 * 86_400))).as("a week later").isTrue();
        assertThat(schedule.isOpenAt(start.plusSeconds(86_400))).as("Thursday").isFalse();
    }

    @Test
    void windowEndingAtMidnightLastsToTheEndOfItsDayOnly() {
        // Friday 2026-03-13 22:00 – midnight Berlin; Saturday 00:00 local = Friday 23:00Z
        Schedule schedule = schedule(BERLIN, new WeeklyWindow(DayOfWeek.FRIDAY, LocalTime.of(22, 0),
                LocalTime.MIDNIGHT));
        Instant midnight = Instant.parse("2026-03-13T23:00:00Z");
        assertThat(schedule.isOpenAt(midnight.minusNanos(1))).isTrue();
        assertThat(schedule.isOpenAt(midnight.minusSeconds(1))).isTrue();
        assertThat(schedule.isOpenAt(midnight)).isFalse();
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-13T21:00:00Z"))).isTrue();
        assertThat(schedule.isOpenAt(Instant.parse("2026-03-13T21:00:00Z").minusNanos(1))).isFalse();
    }

    @Test
    void allDayWindowsOnConsecutiveDaysLeaveNoGapAtMidnight() {
        Schedule schedule = schedule(BERLIN, WeeklyWindow.allDay(DayOfWeek.FRIDAY),
                WeeklyWindow.allDay(DayOfWeek.SATURDAY));
        Instant fridayMidnight = Instant.parse("2026-03-13T23:00:00Z");
        assertThat(schedule.isOpenAt(fridayMidnight.minusNanos(1))).isTrue();
        assertThat(schedule.isOpenAt(fridayMidnight)).isTrue();
        Instant thursdayMidnight = Instant.parse("2026-03-12T23:00:00Z");
        assertThat(schedule.isOpenAt(thursdayMidnight.minusNanos(1))).isFalse();
        assertThat(schedule.isOpenAt(thursdayMidnight)).isTrue();
        Instant sundayStart = Instant.parse("2026-03-14T23:00:00Z");
        assertThat(schedule.isOpenAt(sundayStart.minusNanos(1))).isTrue();
        assertThat(schedule.isOpenAt(sundayStart)).isFalse();
    }

    @Test
    void berlinSpringForwardSkipsTwoToThreeOClock() {
        // Sunday 2026-03-29: at 01:00Z Berlin jumps from 02:00 CET to 03:00 CEST
        Schedule gapHour = schedule(BERLIN, new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0),
                LocalTime.of(3, 0)));
        Schedule hourAfter = schedule(BERLIN, new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(3, 0),
                LocalTime.of(4, 0)));
        Schedule hourBefore = schedule(BERLIN, new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(1, 0),
                LocalTime.of(2, 0)));
        Instant jump = Instant.parse("2026-03-29T01:00:00Z");
        assertThat(gapHour.isOpenAt(jump.minusNanos(1))).as("01:59:59.999999999 CET").isFalse();
        assertThat(gapHour.isOpenAt(jump)).as("03:00 CEST").isFalse();
        assertThat(hourBefore.isOpenAt(jump.minusNanos(1))).isTrue();
        assertThat(hourBefore.isOpenAt(jump)).isFalse();
        assertThat(hourAfter.isOpenAt(jump.minusNanos(1))).isFalse();
        assertThat(hourAfter.isOpenAt(jump)).isTrue();
        // the local hour 03:00–04:00 lasts one real hour: 01:00Z to 02:00Z
        assertThat(hourAfter.isOpenAt(Instant.parse("2026-03-29T02:00:00Z").minusNanos(1))).isTrue();
        assertThat(hourAfter.isOpenAt(Instant.parse("2026-03-29T02:00:00Z"))).isFalse();
        for (long minute = -120; minute <= 180; minute++) {
            assertThat(gapHour.isOpenAt(jump.plusSeconds(minute * 60))).as("gap hour never occurs").isFalse();
        }
    }

    @Test
    void berlinFallBackOpensTheRepeatedHourTwice() {
        // Sunday 2026-10-25: at 01:00Z Berlin falls back from 03:00 CEST to 02:00 CET;
        // local 02:00–03:00 happens from 00:00Z to 01:00Z (CEST) and again from 01:00Z to 02:00Z (CET)
        Schedule repeated = schedule(BERLIN, new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0),
                LocalTime.of(3, 0)));
        assertThat(repeated.isOpenAt(Instant.parse("2026-10-25T00:00:00Z").minusNanos(1))).as("01:59 CEST").isFalse();
        assertThat(repeated.isOpenAt(Instant.parse("2026-10-25T00:00:00Z"))).as("02:00 CEST").isTrue();
        assertThat(repeated.isOpenAt(Instant.parse("2026-10-25T01:00:00Z").minusNanos(1))).as("02:59 CEST").isTrue();
        assertThat(repeated.isOpenAt(Instant.parse("2026-10-25T01:00:00Z"))).as("02:00 CET").isTrue();
        assertThat(repeated.isOpenAt(Instant.parse("2026-10-25T02:00:00Z").minusNanos(1))).as("02:59 CET").isTrue();
        assertThat(repeated.isOpenAt(Instant.parse("2026-10-25T02:00:00Z"))).as("03:00 CET").isFalse();
    }

    @Test
    void newYorkSpringForwardSkipsTwoToThreeOClock() {
        // Sunday 2026-03-08: at 07:00Z New York jumps from 02:00 EST to 03:00 EDT
        Schedule gapHour = schedule(NEW_YORK, new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(2, 0),
                LocalTime.of(3, 0)));
        Schedule night = schedule(NEW_YORK, new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(0, 0),
                LocalTime.of(3, 0)));
        Instant jump = Instant.parse("2026-03-08T07:00:00Z");
        for (long minute = -180; minute <= 180; minute++) {
            assertThat(gapHour.isOpenAt(jump.plusSeconds(minute * 60))).isFalse();
        }
        // 00:00–03:00 local lasts only two real hours this night: 05:00Z to 07:00Z
        assertThat(night.isOpenAt(Instant.parse("2026-03-08T05:00:00Z").minusNanos(1))).isFalse();
        assertThat(night.isOpenAt(Instant.parse("2026-03-08T05:00:00Z"))).isTrue();
        assertThat(night.isOpenAt(jump.minusNanos(1))).isTrue();
        assertThat(night.isOpenAt(jump)).isFalse();
    }

    @Test
    void newYorkFallBackOpensTheRepeatedHourTwice() {
        // Sunday 2026-11-01: at 06:00Z New York falls back from 02:00 EDT to 01:00 EST;
        // local 01:00–02:00 happens from 05:00Z to 06:00Z (EDT) and again from 06:00Z to 07:00Z (EST)
        Schedule repeated = schedule(NEW_YORK, new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(1, 0),
                LocalTime.of(2, 0)));
        assertThat(repeated.isOpenAt(Instant.parse("2026-11-01T05:00:00Z").minusNanos(1))).isFalse();
        assertThat(repeated.isOpenAt(Instant.parse("2026-11-01T05:00:00Z"))).isTrue();
        assertThat(repeated.isOpenAt(Instant.parse("2026-11-01T06:00:00Z").minusNanos(1))).isTrue();
        assertThat(repeated.isOpenAt(Instant.parse("2026-11-01T06:00:00Z"))).isTrue();
        assertThat(repeated.isOpenAt(Instant.parse("2026-11-01T07:00:00Z").minusNanos(1))).isTrue();
        assertThat(repeated.isOpenAt(Instant.parse("2026-11-01T07:00:00Z"))).isFalse();
    }

    @Test
    void aScheduleWithoutWindowsIsNeverOpen() {
        Schedule never = schedule(BERLIN);
        assertThat(never.isOpenAt(Instant.parse("2026-03-11T11:00:00Z"))).isFalse();
        assertThat(never.isOpenAt(Instant.EPOCH)).isFalse();
    }

    @Test
    void extremeInstantsNeverThrow() {
        Schedule always = PolicyFixtures.alwaysOpen(ScheduleId.of("s"), BERLIN);
        assertThat(always.isOpenAt(Instant.EPOCH)).isTrue();
        // Instant.MAX / MIN lie beyond LocalDateTime.MAX / MIN (atZone would throw): closed, without an exception
        assertThat(always.isOpenAt(Instant.MAX)).isFalse();
        assertThat(always.isOpenAt(Instant.MIN)).isFalse();
        assertThatThrownBy(() -> Instant.MIN.atZone(BERLIN)).isInstanceOf(java.time.DateTimeException.class);
        // far but representable instants work too
        assertThat(always.isOpenAt(Instant.parse("+100000-01-03T12:00:00Z"))).isTrue();
        assertThat(always.isOpenAt(Instant.parse("-5000-06-01T12:00:00Z"))).isTrue();
    }

    @Test
    void dayOfWeekMatchesJavaTimeForInstantsAcrossCenturies() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-60_000_000_000L, 60_000_000_000L),
                    random.nextInt(1_000_000_000));
            DayOfWeek expected = at.atZone(NEW_YORK).getDayOfWeek();
            Schedule onlyThatDay = schedule(NEW_YORK, WeeklyWindow.allDay(expected));
            assertThat(onlyThatDay.isOpenAt(at)).as("%s", at).isTrue();
            assertThat(schedule(NEW_YORK, WeeklyWindow.allDay(expected.plus(1))).isOpenAt(at)).isFalse();
        }
    }

    @Test
    void windowsMustEndAfterTheyStartUnlessTheyEndAtMidnight() {
        assertThatThrownBy(() -> new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(9, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(23, 59), LocalTime.MIDNIGHT)
                .contains(DayOfWeek.MONDAY, LocalTime.of(23, 59, 59, 999_999_999))).isTrue();
        assertThat(WeeklyWindow.allDay(DayOfWeek.MONDAY).contains(DayOfWeek.MONDAY, LocalTime.MIDNIGHT)).isTrue();
        assertThat(WeeklyWindow.allDay(DayOfWeek.MONDAY).contains(DayOfWeek.TUESDAY, LocalTime.NOON)).isFalse();
    }

    @Test
    void windowsListIsCopied() {
        List<WeeklyWindow> windows = new java.util.ArrayList<>(List.of(WeeklyWindow.allDay(DayOfWeek.MONDAY)));
        Schedule schedule = new Schedule(ScheduleId.of("s"), BERLIN, windows);
        windows.clear();
        assertThat(schedule.windows()).hasSize(1);
    }

    private static Schedule schedule(ZoneId zone, WeeklyWindow... windows) {
        return new Schedule(ScheduleId.of("s"), zone, List.of(windows));
    }
}
