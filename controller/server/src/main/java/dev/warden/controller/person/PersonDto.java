package dev.warden.controller.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A person in requests and responses.
 *
 * @param kind   EMPLOYEE, CONTRACTOR or VISITOR
 * @param status ACTIVE, SUSPENDED or TERMINATED (defaults to ACTIVE on create)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PersonDto(String id, String displayName, String kind, String status) {
    static PersonDto of(PersonRow row) {
        return new PersonDto(row.id(), row.displayName(), row.kind(), row.status());
    }
}
