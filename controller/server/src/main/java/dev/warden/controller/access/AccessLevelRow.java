package dev.warden.controller.access;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Row of table {@code access_level}. Its doors are rows of {@code access_level_door}. */
@MappedEntity(value = "access_level", escape = false)
public record AccessLevelRow(@Id String id, String name, String scheduleId) {}
