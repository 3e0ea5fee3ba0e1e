package dev.warden.controller.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Row of table {@code access_level_door}: one door of one level. */
@MappedEntity(value = "access_level_door", escape = false)
public record AccessLevelDoorRow(@Id @GeneratedValue @Nullable Long id, String levelId, String doorId) {}
