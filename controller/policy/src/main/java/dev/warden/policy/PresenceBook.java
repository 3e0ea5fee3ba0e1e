package dev.warden.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link AccessEngine} believes about where people are (package-private, not thread-safe).
 *
 * <p>A person is in one of three states: inside an area (a {@link Presence}, which also means inside every area it
 * is nested in), known off the site (after an EXIT from a root area), or unknown (never seen, forgiven). Unknown
 * presence never makes anti-passback deny. Also kept: the instant of each person's last entry into each area, for
 * TIMED anti-passback.
 */
final class PresenceBook {

    private final Map<PersonId, Presence> inside = new HashMap<>();
    private final Set<PersonId> offSite = new HashSet<>();
    private final Map<PersonId, Map<AreaId, Instant>> lastEntries = new HashMap<>();

    Presence presenceOf(PersonId person) {
        return inside.get(person);
    }

    boolean isKnown(PersonId person) {
        return inside.containsKey(person) || offSite.contains(person);
    }

    /** The person is believed inside {@code area} (directly or in an area nested in it). */
    boolean believedInside(PersonId person, AreaId area, AccessSnapshot snapshot) {
        Presence presence = inside.get(person);
        return presence != null && snapshot.isWithin(presence.area(), area);
    }

    /** The person is believed outside {@code area}: known off the site, or inside an area not within it. */
    boolean believedOutside(PersonId person, AreaId area, AccessSnapshot snapshot) {
        if (offSite.contains(person)) {
            return true;
        }
        Presence presence = inside.get(person);
        return presence != null && !snapshot.isWithin(presence.area(), area);
    }

    /** Sets the person's presence; an entry into the area is remembered for TIMED anti-passback when asked. */
    void enter(Presence presence, boolean isEntry) {
        inside.put(presence.person(), presence);
        offSite.remove(presence.person());
        if (isEntry) {
            lastEntries.computeIfAbsent(presence.person(), p -> new HashMap<>(4)).put(presence.area(), presence.since());
        }
    }

    void leaveSite(PersonId person) {
        inside.remove(person);
        offSite.add(person);
    }

    /** Forgets everything about the person: presence, off-site knowledge and last entries. */
    void forget(PersonId person) {
        inside.remove(person);
        offSite.remove(person);
        lastEntries.remove(person);
    }

    /** The person's last entry into exactly {@code area}, or null. */
    Instant lastEntry(PersonId person, AreaId area) {
        Map<AreaId, Instant> entries = lastEntries.get(person);
        return entries == null ? null : entries.get(area);
    }

    /**
     * How many <em>members</em> are believed inside {@code area} (nested areas included), not counting
     * {@code except*}. A member is a person who is ACTIVE and not a visitor in {@code snapshot}: only members count for
     * the two-person rule (a terminated, suspended or unknown person, or a visitor, is nobody's second person).
     */
    int countMembers(AreaId area, AccessSnapshot snapshot, PersonId except, PersonId except2) {
        int count = 0;
        for (Presence presence : inside.values()) {
            if (!presence.person().equals(except) && !presence.person().equals(except2)
                    && snapshot.isWithin(presence.area(), area) && isMember(presence.person(), snapshot)) {
                count++;
            }
        }
        return count;
    }

    /** The one member believed inside {@code area}, or null when there is not exactly one (see {@link #countMembers}). */
    PersonId loneMember(AreaId area, AccessSnapshot snapshot) {
        PersonId found = null;
        for (Presence presence : inside.values()) {
            if (snapshot.isWithin(presence.area(), area) && isMember(presence.person(), snapshot)) {
                if (found != null) {
                    return null;
                }
                found = presence.person();
            }
        }
        return found;
    }

    /** ACTIVE and not a visitor in {@code snapshot}: counts for the two-person rule. */
    static boolean isMember(PersonId id, AccessSnapshot snapshot) {
        Person person = snapshot.personOrNull(id);
        return person != null && person.status() == PersonStatus.ACTIVE && person.kind() != PersonKind.VISITOR;
    }

    /** Everybody believed inside, sorted by person id. */
    List<Presence> presences() {
        List<Presence> all = new ArrayList<>(inside.values());
        all.sort((a, b) -> a.person().compareTo(b.person()));
        return all;
    }

    void clear() {
        inside.clear();
        offSite.clear();
        lastEntries.clear();
    }
}
