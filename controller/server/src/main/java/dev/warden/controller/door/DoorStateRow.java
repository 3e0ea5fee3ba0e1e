package dev.warden.controller.door;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of table {@code door_state}: the last reported physical state of a door and when it changed. */
@MappedEntity(value = "door_state", escape = false)
public record DoorStateRow(@Id String doorId, String state, @Nullable Instant changedAt) {}
