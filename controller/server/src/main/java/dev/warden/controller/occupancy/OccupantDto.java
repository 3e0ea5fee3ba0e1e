package dev.warden.controller.occupancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One person inside, as the occupancy and muster lists show them.
 *
 * @param personKind EMPLOYEE, CONTRACTOR or VISITOR (null when the person is no longer known)
 * @param areaId     the innermost area the person is in
 * @param siteId     the area's site (null when the area no longer exists)
 * @param since      when they entered that area
 * @param doorId     the door they last passed (into that area, or out of an inner one)
 * @param escortId   the escort a visitor came in with, else null
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OccupantDto(
        String personId,
        String personName,
        String personKind,
        String areaId,
        String areaName,
        String siteId,
        Instant since,
        String doorId,
        String doorName,
        String escortId) {}
