package dev.warden.controller.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/**
 * Row of table {@code schedule_exception}: one window {@code [startMinute, endMinute)} of the local date
 * {@code onDate}, or (both minutes null) the mark of a date closed all day.
 */
@MappedEntity(value = "schedule_exception", escape = false)
public record ScheduleExceptionRow(
        @Id @GeneratedValue @Nullable Long id,
        String scheduleId,
        LocalDate onDate,
        @Nullable Integer startMinute,
        @Nullable Integer endMinute) {

    public boolean closedAllDay() {
        return startMinute == null;
    }
}
