package dev.warden.controller.visit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A visit in responses.
 *
 * @param status      REQUESTED, APPROVED, REJECTED, CANCELLED or CLOSED
 * @param validFrom   inclusive
 * @param validUntil  exclusive
 * @param areaIds     the areas the visitor may enter (with the areas below them), by id
 * @param requestedBy the operator who requested it; {@code approvedBy} the one who approved it (never the same);
 *                    {@code endedBy} the one who rejected or cancelled it, with {@code endReason}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VisitDto(
        String id,
        String visitorId,
        String hostId,
        String status,
        Instant validFrom,
        Instant validUntil,
        List<String> areaIds,
        String purpose,
        String requestedBy,
        Instant requestedAt,
        String approvedBy,
        Instant approvedAt,
        String endedBy,
        Instant endedAt,
        String endReason) {

    static VisitDto of(VisitRow r, List<String> areaIds) {
        return new VisitDto(r.id(), r.visitorId(), r.hostId(), r.status(), r.validFrom(), r.validUntil(),
                List.copyOf(areaIds), r.purpose(), r.requestedBy(), r.requestedAt(), r.approvedBy(), r.approvedAt(),
                r.endedBy(), r.endedAt(), r.endReason());
    }
}
