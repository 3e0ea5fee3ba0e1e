package dev.warden.controller.occupancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of table {@code presence}: one person inside one (innermost) area. */
@MappedEntity(value = "presence", escape = false)
record PresenceRow(
        @Id String personId,
        String areaId,
        Instant since,
        @Nullable String doorId,
        @Nullable String escortId) {}
