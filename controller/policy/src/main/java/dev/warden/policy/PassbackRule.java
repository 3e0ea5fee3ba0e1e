package dev.warden.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * Rule 11, anti-passback per area (package-private; applied by {@link AccessEngine} to the door's area, for ENTRY and
 * EXIT):
 * <ul>
 *   <li>{@link AntiPassback#HARD}: an ENTRY by someone believed inside the area (in it or in an area nested in it),
 *       or an EXIT by someone believed outside it (off the site, or in an area not within it) → {@link Outcome#DENY};
 *       unknown presence never denies;</li>
 *   <li>{@link AntiPassback#SOFT}: the same cases → {@link Outcome#SIGNAL} (grant, signal {@code PASSBACK});</li>
 *   <li>{@link AntiPassback#TIMED}: an ENTRY strictly within {@code passbackReentry} of the person's last entry into
 *       exactly this area ({@code at < last + reentry}) → {@link Outcome#DENY}; EXIT is free;</li>
 *   <li>{@link AntiPassback#NONE}: always {@link Outcome#PASS}.</li>
 * </ul>
 *
 * <p>A move granted at a gate and still waiting for its passage counts as made: where the person is believed to be is
 * the target of their latest waiting move (ENTRY: the door's area; EXIT: its parent, or off the site), and for TIMED
 * a waiting ENTRY counts as an entry at its grant. So one card cannot be granted twice at a turnstile before a
 * passage (one card, two people).
 */
final class PassbackRule {

    enum Outcome { PASS, DENY, SIGNAL }

    Outcome check(Area area, Direction direction, PersonId person, Instant at, PresenceBook book, GateMoves gates,
                  AccessSnapshot snapshot) {
        return switch (area.antiPassback()) {
            case NONE -> Outcome.PASS;
            case HARD -> violates(area, direction, person, at, book, gates, snapshot) ? Outcome.DENY : Outcome.PASS;
            case SOFT -> violates(area, direction, person, at, book, gates, snapshot) ? Outcome.SIGNAL : Outcome.PASS;
            case TIMED -> {
                if (direction == Direction.EXIT) {
                    yield Outcome.PASS;
                }
                Instant last = later(book.lastEntry(person, area.id()), gates.lastEntryInto(person, area.id(), at));
                yield last != null && within(last, at, area.passbackReentry()) ? Outcome.DENY : Outcome.PASS;
            }
        };
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** {@code at < last + reentry}, without overflow; a read dated before the last entry counts as within. */
    private static boolean within(Instant last, Instant at, Duration reentry) {
        return at.isBefore(last) || Duration.between(last, at).compareTo(reentry) < 0;
    }

    private static boolean violates(Area area, Direction direction, PersonId person, Instant at, PresenceBook book,
                                    GateMoves gates, AccessSnapshot snapshot) {
        Move waiting = gates.latestOf(person, at);
        if (waiting != null) {
            AreaId target = targetOf(waiting, snapshot);
            boolean inside = target != null && snapshot.isWithin(target, area.id());
            return direction == Direction.ENTRY ? inside : !inside;
        }
        return direction == Direction.ENTRY
                ? book.believedInside(person, area.id(), snapshot)
                : book.believedOutside(person, area.id(), snapshot);
    }

    /** Where a move leads: the door's area (ENTRY), its parent (EXIT), or null for off the site. */
    static AreaId targetOf(Move move, AccessSnapshot snapshot) {
        if (move.direction() == Direction.ENTRY) {
            return move.doorArea();
        }
        Area left = snapshot.areaOrNull(move.doorArea());
        return left == null ? null : left.parent();
    }
}
