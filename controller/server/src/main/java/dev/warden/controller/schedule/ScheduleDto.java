package dev.warden.controller.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A schedule in requests and responses.
 *
 * @param timeZone       read-only: the time zone of the site, in which the windows are evaluated
 * @param windows        the weekly windows (replaced as a whole on update; omitted = none)
 * @param holidayWindows the windows on a public holiday of the site, instead of the weekly ones (none = closed on
 *                       holidays). Omitted on update: unchanged; {@code []} clears them
 * @param exceptions     dated exceptions: on that local date only the exception's windows apply (an exception
 *                       without windows closes the whole day). Omitted on update: unchanged; {@code []} clears them
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScheduleDto(
        String id,
        String name,
        String siteId,
        String timeZone,
        List<WindowDto> windows,
        List<DayWindowDto> holidayWindows,
        List<ExceptionDto> exceptions) {

    @Creator
    public ScheduleDto {}

    /** Without holiday windows and exceptions (omitted). */
    public ScheduleDto(String id, String name, String siteId, String timeZone, List<WindowDto> windows) {
        this(id, name, siteId, timeZone, windows, null, null);
    }
}
