package dev.warden.controller.site;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Row of table {@code area}; {@code parentId} is null for a top-level area of its site. {@code antiPassback} is a
 * {@code dev.warden.policy.AntiPassback} name; {@code passbackReentryS} is set only for TIMED; a null
 * {@code twoPersonWindowS} means no two-person rule.
 */
@MappedEntity(value = "area", escape = false)
public record AreaRow(
        @Id String id,
        String siteId,
        @Nullable String parentId,
        String name,
        String kind,
        boolean restricted,
        boolean lockedDown,
        String antiPassback,
        @Nullable Integer passbackReentryS,
        @Nullable Integer twoPersonWindowS) {

    @Creator
    public AreaRow {}

    /** A new area without rules: not restricted, not locked down, no anti-passback, no two-person rule. */
    public AreaRow(String id, String siteId, String parentId, String name, String kind) {
        this(id, siteId, parentId, name, kind, false, false, "NONE", null, null);
    }

    AreaRow withLockedDown(boolean locked) {
        return new AreaRow(id, siteId, parentId, name, kind, restricted, locked, antiPassback, passbackReentryS,
                twoPersonWindowS);
    }
}
