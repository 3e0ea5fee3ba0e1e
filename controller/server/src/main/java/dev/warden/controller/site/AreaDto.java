package dev.warden.controller.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An area in requests and responses; {@code kind} is one of {@link AreaKind}. The rule fields are optional in
 * requests: omitted on create means the default, omitted on update means unchanged.
 *
 * @param restricted             a cage or vault: no free-access door may lead into it (default false)
 * @param lockedDown             read-only here: changed with {@code POST /api/v1/areas/{id}/lockdown} and
 *                               {@code .../lockdown/lift} (with a reason)
 * @param antiPassback           NONE (default), HARD, SOFT or TIMED
 * @param passbackReentrySeconds TIMED only (and then required): 1..86400 s before the same person may enter again
 * @param twoPersonWindowSeconds 1..600: two distinct authorised people must badge within this many seconds; 0
 *                               removes the rule on update; null/omitted = none on create, unchanged on update
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AreaDto(
        String id,
        String siteId,
        String parentId,
        String name,
        String kind,
        Boolean restricted,
        Boolean lockedDown,
        String antiPassback,
        Integer passbackReentrySeconds,
        Integer twoPersonWindowSeconds) {

    @Creator
    public AreaDto {}

    /** The original five fields (rules omitted). */
    public AreaDto(String id, String siteId, String parentId, String name, String kind) {
        this(id, siteId, parentId, name, kind, null, null, null, null, null);
    }

    static AreaDto of(AreaRow row) {
        return new AreaDto(row.id(), row.siteId(), row.parentId(), row.name(), row.kind(), row.restricted(),
                row.lockedDown(), row.antiPassback(), row.passbackReentryS(), row.twoPersonWindowS());
    }
}
