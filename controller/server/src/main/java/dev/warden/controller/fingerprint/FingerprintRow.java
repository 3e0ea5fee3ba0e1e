package dev.warden.controller.fingerprint;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Row of table {@code fingerprint}: {@code (moduleId, pageId)} is unique. {@code status} is a
 * {@code dev.warden.policy.FingerprintStatus} name.
 */
@MappedEntity(value = "fingerprint", escape = false)
public record FingerprintRow(
        @Id String id,
        String personId,
        String moduleId,
        int pageId,
        String status,
        Instant enrolledAt) {}
