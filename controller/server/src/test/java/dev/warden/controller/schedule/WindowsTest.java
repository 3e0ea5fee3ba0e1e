package dev.warden.controller.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.controller.api.InvalidInputException;
import dev.warden.policy.WeeklyWindow;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowsTest {
    @Test
    void restFormRoundTripsThroughTheStoredMinutes() {
        ScheduleWindowRow row = Windows.toRow("s", 0, new WindowDto("tuesday", "07:30", "24:00"));
        assertThat(row).isEqualTo(new ScheduleWindowRow(null, "s", 2, 450, 1440));
        assertThat(Windows.toDto(row)).isEqualTo(new WindowDto("TUESDAY", "07:30", "24:00"));
    }

    @Test
    void endOfDayBecomesPolicyMidnight() {
        assertThat(Windows.toPolicy(7, 0, 1440)).isEqualTo(WeeklyWindow.allDay(DayOfWeek.SUNDAY));
        assertThat(Windows.toPolicy(1, 420, 1140))
                .isEqualTo(new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(19, 0)));
    }

    @Test
    void rejectsMalformedWindowsNamingTheField() {
        assertThatThrownBy(() -> Windows.toRow("s", 3, new WindowDto("FUNDAY", "07:00", "08:00")))
                .isInstanceOf(InvalidInputException.class).hasMessage("windows[3].day must be one of MONDAY..SUNDAY");
        assertThatThrownBy(() -> Windows.toRow("s", 0, new WindowDto("MONDAY", "7:00", "08:00")))
                .hasMessageContaining("windows[0].start must be HH:mm");
        assertThatThrownBy(() -> Windows.toRow("s", 0, new WindowDto("MONDAY", "08:00", "08:00")))
                .hasMessageContaining("end must be after start");
        assertThatThrownBy(() -> Windows.toRow("s", 0, new WindowDto("MONDAY", "24:00", "24:00")))
                .hasMessageContaining("start must be before 24:00");
        assertThatThrownBy(() -> Windows.toRow("s", 0, new WindowDto("MONDAY", "00:00", "24:30")))
                .hasMessageContaining("must not be after 24:00");
        assertThatThrownBy(() -> Windows.toRow("s", 0, null)).hasMessage("windows[0] must not be null");
    }

    /** Verifies that every valid HH:mm pair round-trips, and every accepted row is a valid policy window. */
    @Test
    void seededRandomWindowsRoundTrip() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            int start = random.nextInt(1440);
            int end = start + 1 + random.nextInt(1440 - start);
            String s = Windows.text(start);
            String e = Windows.text(end);
            DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
            ScheduleWindowRow row = Windows.toRow("s", i, new WindowDto(day.name(), s, e));
            assertThat(Windows.toDto(row)).isEqualTo(new WindowDto(day.name(), s, e));
            WeeklyWindow w = Windows.toPolicy(row.dayOfWeek(), row.startMinute(), row.endMinute());
            assertThat(w.contains(day, LocalTime.of(start / 60, start % 60))).isTrue();
        }
    }
}
