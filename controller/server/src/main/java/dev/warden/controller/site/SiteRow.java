package dev.warden.controller.site;

import io.micronaut.core.annotation.Creator;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Row of table {@code site}. {@code threatLevel} is a {@code dev.warden.policy.ThreatLevel} name; {@code lockedDown}
 * locks every area of the site for entries (exempt people excepted); the escort rule lets a visitor in only with an
 * escort who badges at the same portal within {@code escortWindowS} seconds, at most {@code maxVisitorsPerEscort}
 * visitors per escort.
 */
@MappedEntity(value = "site", escape = false)
public record SiteRow(
        @Id String id,
        String name,
        String timeZone,
        String threatLevel,
        boolean lockedDown,
        int escortWindowS,
        int maxVisitorsPerEscort) {

    @Creator
    public SiteRow {}

    public static final int DEFAULT_ESCORT_WINDOW_S = 30;
    public static final int DEFAULT_MAX_VISITORS_PER_ESCORT = 2;

    /** A new site with the defaults: threat NORMAL, not locked down, escort window 30 s, 2 visitors per escort. */
    public SiteRow(String id, String name, String timeZone) {
        this(id, name, timeZone, "NORMAL", false, DEFAULT_ESCORT_WINDOW_S, DEFAULT_MAX_VISITORS_PER_ESCORT);
    }

    SiteRow withThreatLevel(String level) {
        return new SiteRow(id, name, timeZone, level, lockedDown, escortWindowS, maxVisitorsPerEscort);
    }

    SiteRow withLockedDown(boolean locked) {
        return new SiteRow(id, name, timeZone, threatLevel, locked, escortWindowS, maxVisitorsPerEscort);
    }
}
