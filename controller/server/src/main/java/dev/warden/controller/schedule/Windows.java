package dev.warden.controller.schedule;

import dev.warden.controller.api.InvalidInputException;
import dev.warden.policy.DayWindow;
import dev.warden.policy.WeeklyWindow;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions between the REST form of a window ({@code "07:00"}), the stored minutes and the policy record. */
public final class Windows {
    public static final int END_OF_DAY = 24 * 60;
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-4]):([0-5][0-9])");

    private Windows() {}

    static ScheduleWindowRow toRow(String scheduleId, int index, WindowDto dto) {
        String where = "windows[" + index + "]";
        if (dto == null) {
            throw new InvalidInputException(where + " must not be null");
        }
        DayOfWeek day;
        try {
            day = DayOfWeek.valueOf(dto.day() == null ? "" : dto.day().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ".day must be one of MONDAY..SUNDAY");
        }
        int[] span = span(where, dto.start(), dto.end());
        return new ScheduleWindowRow(null, scheduleId, day.getValue(), span[0], span[1]);
    }

    /** A window of one day ({@code where} names it in messages, e.g. {@code holidayWindows[0]}): start and end minute. */
    static int[] dayWindow(String where, DayWindowDto dto) {
        if (dto == null) {
            throw new InvalidInputException(where + " must not be null");
        }
        return span(where, dto.start(), dto.end());
    }

    static DayWindowDto toDayDto(int startMinute, int endMinute) {
        return new DayWindowDto(text(startMinute), text(endMinute));
    }

    /** The policy's window of one day: an end of 24:00 becomes {@code LocalTime.MIDNIGHT}. */
    public static DayWindow toPolicyDay(int startMinute, int endMinute) {
        return new DayWindow(time(startMinute), endMinute >= END_OF_DAY ? LocalTime.MIDNIGHT : time(endMinute));
    }

    private static int[] span(String where, String startText, String endText) {
        int start = minutes(where + ".start", startText);
        int end = minutes(where + ".end", endText);
        if (start >= END_OF_DAY) {
            throw new InvalidInputException(where + ".start must be before 24:00");
        }
        if (end <= start) {
            throw new InvalidInputException(where + ".end must be after start (use 24:00 for the end of the day; "
                    + "split windows that cross midnight in two)");
        }
        return new int[] {start, end};
    }

    private static LocalTime time(int minutes) {
        return LocalTime.of(minutes / 60, minutes % 60);
    }

    static WindowDto toDto(ScheduleWindowRow row) {
        return new WindowDto(DayOfWeek.of(row.dayOfWeek()).name(), text(row.startMinute()), text(row.endMinute()));
    }

    /** The policy's window: an end of 24:00 becomes {@code LocalTime.MIDNIGHT}. */
    public static WeeklyWindow toPolicy(int dayOfWeek, int startMinute, int endMinute) {
        LocalTime start = LocalTime.of(startMinute / 60, startMinute % 60);
        LocalTime end = endMinute >= END_OF_DAY ? LocalTime.MIDNIGHT : LocalTime.of(endMinute / 60, endMinute % 60);
        return new WeeklyWindow(DayOfWeek.of(dayOfWeek), start, end);
    }

    static String text(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    private static int minutes(String field, String value) {
        Matcher m = value == null ? null : HH_MM.matcher(value.strip());
        if (m == null || !m.matches()) {
            throw new InvalidInputException(field + " must be HH:mm (00:00..24:00)");
        }
        int total = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        if (total > END_OF_DAY) {
            throw new InvalidInputException(field + " must not be after 24:00");
        }
        return total;
    }
}
