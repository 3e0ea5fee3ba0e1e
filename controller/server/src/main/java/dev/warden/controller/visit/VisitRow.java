package dev.warden.controller.visit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Row of table {@code visit}. {@code status} is a {@code dev.warden.policy.VisitStatus} name. The operator user names:
 * {@code requestedBy} who asked, {@code approvedBy} who approved, {@code endedBy} who rejected or cancelled (with
 * {@code endReason}).
 */
@MappedEntity(value = "visit", escape = false)
public record VisitRow(
        @Id String id,
        String visitorId,
        String hostId,
        String status,
        Instant validFrom,
        Instant validUntil,
        @Nullable String purpose,
        String requestedBy,
        Instant requestedAt,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        @Nullable String endedBy,
        @Nullable Instant endedAt,
        @Nullable String endReason) {

    VisitRow approved(String operator, Instant at) {
        return new VisitRow(id, visitorId, hostId, "APPROVED", validFrom, validUntil, purpose, requestedBy,
                requestedAt, operator, at, endedBy, endedAt, endReason);
    }

    VisitRow ended(String newStatus, String operator, Instant at, String reason) {
        return new VisitRow(id, visitorId, hostId, newStatus, validFrom, validUntil, purpose, requestedBy,
                requestedAt, approvedBy, approvedAt, operator, at, reason);
    }
}
