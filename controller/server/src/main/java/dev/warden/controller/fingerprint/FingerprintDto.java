package dev.warden.controller.fingerprint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An enrolled fingerprint in requests and responses.
 *
 * @param moduleId   the fingerprint module's device id (as in the edge agent's configuration)
 * @param pageId     the page of the module's library that holds the template, 0..65535
 * @param status     ACTIVE, SUSPENDED or REVOKED (defaults to ACTIVE on create)
 * @param enrolledAt read-only: when it was recorded (set again when module or page change)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FingerprintDto(
        String id,
        String personId,
        String moduleId,
        Integer pageId,
        String status,
        Instant enrolledAt) {
    static FingerprintDto of(FingerprintRow r) {
        return new FingerprintDto(r.id(), r.personId(), r.moduleId(), r.pageId(), r.status(), r.enrolledAt());
    }
}
