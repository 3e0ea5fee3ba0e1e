package dev.warden.controller.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An assignment in requests and responses. {@code id} is assigned by the controller on create.
 *
 * @param validFrom  inclusive, null = since always
 * @param validUntil exclusive, null = no end
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AssignmentDto(Long id, String personId, String accessLevelId, Instant validFrom, Instant validUntil) {
    static AssignmentDto of(AssignmentRow r) {
        return new AssignmentDto(r.id(), r.personId(), r.levelId(), r.validFrom(), r.validUntil());
    }
}
