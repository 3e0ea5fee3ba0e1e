package dev.warden.policy;

import java.time.Duration;

/**
 * An area behind doors. Areas nest: being inside {@code cage-a} means being inside its parent {@code hall-1} and
 * the parent's parent, up to the root area (parent null) whose doors lead off the site.
 *
 * @param id              the area's id
 * @param site            the site it belongs to (its parent belongs to the same site)
 * @param parent          the enclosing area, or null for a root area
 * @param name            non-blank name shown to operators
 * @param restricted      a restricted area (cages, vaults); informational for the console: a card is always required
 *                        here because no door mode is PIN-only
 * @param lockedDown      a supervisor's lockdown of this area and everything nested in it (rule 7)
 * @param antiPassback    anti-passback mode for reads at this area's doors (rule 11)
 * @param passbackReentry for {@link AntiPassback#TIMED}: the minimum time between two entries (positive, required);
 *                        ignored for the other modes (may be null)
 * @param twoPersonWindow null for no two-person rule; else how far apart (inclusive) the reads of a pair at one door
 *                        may lie (rule 13); positive
 */
public record Area(AreaId id, SiteId site, AreaId parent, String name, boolean restricted, boolean lockedDown,
                   AntiPassback antiPassback, Duration passbackReentry, Duration twoPersonWindow) {

    public Area {
        Checks.nonNull(id, "Area.id");
        Checks.nonNull(site, "Area.site");
        name = Checks.nonBlank(name, "Area.name");
        Checks.nonNull(antiPassback, "Area.antiPassback");
        if (id.equals(parent)) {
            throw new IllegalArgumentException("Area " + id.value() + " cannot be its own parent");
        }
        if (antiPassback == AntiPassback.TIMED) {
            Checks.positive(passbackReentry, "Area.passbackReentry (TIMED anti-passback)");
        } else {
            Checks.positiveOrNull(passbackReentry, "Area.passbackReentry");
        }
        Checks.positiveOrNull(twoPersonWindow, "Area.twoPersonWindow");
    }

    /** A plain root area of {@code site}: not restricted, not locked down, no anti-passback, no two-person rule. */
    public static Area root(AreaId id, SiteId site, String name) {
        return new Area(id, site, null, name, false, false, AntiPassback.NONE, null, null);
    }

    /** A plain area nested in {@code parent}: not restricted, not locked down, no anti-passback, no two-person rule. */
    public static Area inside(AreaId id, SiteId site, AreaId parent, String name) {
        return new Area(id, site, parent, name, false, false, AntiPassback.NONE, null, null);
    }

    /** {@code true} when a two-person rule holds in this area. */
    public boolean twoPerson() {
        return twoPersonWindow != null;
    }
}
