package dev.warden.controller.access;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of table {@code access_assignment}: person holds level within [validFrom, validUntil), null = unbounded. */
@MappedEntity(value = "access_assignment", escape = false)
public record AssignmentRow(
        @Id @GeneratedValue @Nullable Long id,
        String personId,
        String levelId,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil) {}
