package dev.warden.controller.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Row of table {@code schedule_holiday_window}: minutes {@code [startMinute, endMinute)} of a holiday. */
@MappedEntity(value = "schedule_holiday_window", escape = false)
public record ScheduleHolidayWindowRow(
        @Id @GeneratedValue @Nullable Long id, String scheduleId, int startMinute, int endMinute) {}
