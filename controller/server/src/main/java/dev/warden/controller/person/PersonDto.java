package dev.warden.controller.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A person in requests and responses. The policy fields are optional in requests: omitted on create means the
 * default, omitted on update means unchanged. PINs are never part of it (see {@link PinInput}).
 *
 * @param kind           EMPLOYEE, CONTRACTOR or VISITOR
 * @param status         ACTIVE, SUSPENDED or TERMINATED (defaults to ACTIVE on create)
 * @param clearance      0..3 (default 0): the threat level (NORMAL 0, ELEVATED 1, HIGH 2, SEVERE 3) up to which the
 *                       person still passes threat-marked doors
 * @param mayEscort      may escort visitors (default false; never for a VISITOR)
 * @param lockdownExempt passes into locked-down areas (default false; e.g. security staff, first responders)
 * @param hasPin         read-only: whether a card + PIN PIN is set
 * @param hasDuressPin   read-only: whether a duress PIN is set
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PersonDto(
        String id,
        String displayName,
        String kind,
        String status,
        Integer clearance,
        Boolean mayEscort,
        Boolean lockdownExempt,
        Boolean hasPin,
        Boolean hasDuressPin) {

    @Creator
    public PersonDto {}

    /** The original four fields (policy fields omitted). */
    public PersonDto(String id, String displayName, String kind, String status) {
        this(id, displayName, kind, status, null, null, null, null, null);
    }

    static PersonDto of(PersonRow row) {
        return new PersonDto(row.id(), row.displayName(), row.kind(), row.status(), row.clearance(), row.mayEscort(),
                row.lockdownExempt(), row.pinHash() != null, row.duressPinHash() != null);
    }
}
