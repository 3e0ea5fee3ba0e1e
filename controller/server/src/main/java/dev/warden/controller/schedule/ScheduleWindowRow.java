package dev.warden.controller.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Row of table {@code schedule_window}: on ISO {@code dayOfWeek} (1 = Monday), minutes
 * {@code [startMinute, endMinute)} of the local day; {@code endMinute} 1440 = end of day.
 */
@MappedEntity(value = "schedule_window", escape = false)
public record ScheduleWindowRow(
        @Id @GeneratedValue @Nullable Long id, String scheduleId, int dayOfWeek, int startMinute, int endMinute) {}
