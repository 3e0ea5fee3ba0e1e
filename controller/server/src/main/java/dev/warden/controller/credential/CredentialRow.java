package dev.warden.controller.credential;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of table {@code credential}; a null validity bound is unbounded. */
@MappedEntity(value = "credential", escape = false)
public record CredentialRow(
        @Id String id,
        String format,
        long facility,
        long cardNumber,
        String personId,
        String status,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil) {}
