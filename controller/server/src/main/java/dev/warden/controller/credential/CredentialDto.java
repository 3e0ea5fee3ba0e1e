package dev.warden.controller.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A credential in requests and responses.
 *
 * @param format     card format, e.g. H10301; known formats have their facility and number ranges checked
 * @param status     ACTIVE, SUSPENDED, REVOKED, LOST or SURRENDERED (defaults to ACTIVE on create)
 * @param validFrom  inclusive start of validity, null = since always
 * @param validUntil exclusive end of validity, null = no end
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CredentialDto(
        String id,
        String format,
        Long facility,
        Long number,
        String personId,
        String status,
        Instant validFrom,
        Instant validUntil) {
    static CredentialDto of(CredentialRow r) {
        return new CredentialDto(r.id(), r.format(), r.facility(), r.cardNumber(), r.personId(), r.status(),
                r.validFrom(), r.validUntil());
    }
}
