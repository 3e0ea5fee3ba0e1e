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

    /**
     * Why a door into this area cannot have free access (it would void the area's rule), or null: the area is
     * restricted, has a two-person rule, or has anti-passback.
     */
    public String freeAccessBlocker() {
        if (restricted) {
            return "is restricted";
        }
        if (twoPersonWindowS != null) {
            return "has a two-person rule";
        }
        if (!"NONE".equals(antiPassback)) {
            return "has " + antiPassback + " anti-passback";
        }
        return null;
    }

    /** Whether the policy settings (restriction, anti-passback, re-entry time, two-person rule) equal {@code other}'s. */
    boolean sameRules(AreaRow other) {
        return restricted == other.restricted && antiPassback.equals(other.antiPassback)
                && java.util.Objects.equals(passbackReentryS, other.passbackReentryS)
                && java.util.Objects.equals(twoPersonWindowS, other.twoPersonWindowS);
    }

    /** The policy settings as text, for operator events. */
    String rules() {
        return "restricted " + restricted + ", anti-passback " + antiPassback
                + (passbackReentryS == null ? "" : " (re-entry " + passbackReentryS + " s)") + ", two-person "
                + (twoPersonWindowS == null ? "none" : twoPersonWindowS + " s");
    }

    AreaRow withLockedDown(boolean locked) {
        return new AreaRow(id, siteId, parentId, name, kind, restricted, locked, antiPassback, passbackReentryS,
                twoPersonWindowS);
    }
}
