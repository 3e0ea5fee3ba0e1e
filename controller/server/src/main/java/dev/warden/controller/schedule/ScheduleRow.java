package dev.warden.controller.schedule;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Row of table {@code schedule}; evaluated in the time zone of {@code siteId}. */
@MappedEntity(value = "schedule", escape = false)
public record ScheduleRow(@Id String id, String name, String siteId) {}
