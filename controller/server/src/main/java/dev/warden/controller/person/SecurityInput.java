package dev.warden.controller.person;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code PUT /api/v1/people/{id}/security} (SUPERVISOR or ADMIN): a person's security attributes and
 * the reason for changing them. Omitted attributes stay as they are.
 *
 * @param clearance      0..3: the threat level up to which the person still passes threat-marked doors
 * @param lockdownExempt whether the person passes into locked-down areas
 * @param reason         required: why (recorded in the OPERATOR event with the operator's name)
 */
@Serdeable
public record SecurityInput(Integer clearance, Boolean lockdownExempt, String reason) {}
