package dev.warden.policy;

import java.time.Duration;
import java.time.ZoneId;

/**
 * A site (building or campus): the root of its areas, with the rules that hold for all of them.
 *
 * @param id                   the site's id
 * @param zone                 the site's time zone
 * @param threat               the current threat level (rule 8)
 * @param lockedDown           a supervisor's site-wide lockdown: every ENTRY is denied {@code LOCKDOWN} unless the
 *                             person is lockdown-exempt (rule 7)
 * @param escortWindow         how far apart (before or after, inclusive) an escort's and a visitor's reads at the same
 *                             door may lie (rule 12); positive
 * @param maxVisitorsPerEscort how many visitors one escort may have attached at once (rule 12); {@code >= 1}
 */
public record Site(SiteId id, ZoneId zone, ThreatLevel threat, boolean lockedDown, Duration escortWindow,
                   int maxVisitorsPerEscort) {

    public Site {
        Checks.nonNull(id, "Site.id");
        Checks.nonNull(zone, "Site.zone");
        Checks.nonNull(threat, "Site.threat");
        Checks.positive(escortWindow, "Site.escortWindow");
        if (maxVisitorsPerEscort < 1) {
            throw new IllegalArgumentException("Site.maxVisitorsPerEscort must be >= 1, was " + maxVisitorsPerEscort);
        }
    }
}
