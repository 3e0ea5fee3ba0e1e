package dev.warden.controller.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A site in requests and responses. {@code timeZone} is an IANA zone id such as {@code Europe/Berlin}.
 *
 * @param threatLevel          read-only here: NORMAL, ELEVATED, HIGH or SEVERE; changed with
 *                             {@code PUT /api/v1/sites/{id}/threat-level} (with a reason)
 * @param lockedDown           read-only here: changed with {@code POST /api/v1/sites/{id}/lockdown} and
 *                             {@code .../lockdown/lift} (with a reason)
 * @param escortWindowSeconds  1..600 (default 30 on create; omitted on update: unchanged)
 * @param maxVisitorsPerEscort 1..50 (default 2 on create; omitted on update: unchanged)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SiteDto(
        String id,
        String name,
        String timeZone,
        String threatLevel,
        Boolean lockedDown,
        Integer escortWindowSeconds,
        Integer maxVisitorsPerEscort) {

    static SiteDto of(SiteRow row) {
        return new SiteDto(row.id(), row.name(), row.timeZone(), row.threatLevel(), row.lockedDown(),
                row.escortWindowS(), row.maxVisitorsPerEscort());
    }
}
