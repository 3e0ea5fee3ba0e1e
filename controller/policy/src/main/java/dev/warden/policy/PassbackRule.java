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
 */
final class PassbackRule {

    enum Outcome { PASS, DENY, SIGNAL }

    Outcome check(Area area, Direction direction, PersonId person, Instant at, PresenceBook book,
                  AccessSnapshot snapshot) {
        return switch (area.antiPassback()) {
            case NONE -> Outcome.PASS;
            case HARD -> violates(area, direction, person, book, snapshot) ? Outcome.DENY : Outcome.PASS;
            case SOFT -> violates(area, direction, person, book, snapshot) ? Outcome.SIGNAL : Outcome.PASS;
            case TIMED -> {
                if (direction == Direction.EXIT) {
                    yield Outcome.PASS;
                }
                Instant last = book.lastEntry(person, area.id());
                yield last != null && within(last, at, area.passbackReentry()) ? Outcome.DENY : Outcome.PASS;
            }
        };
    }

    /** {@code at < last + reentry}, without overflow; a read dated before the last entry counts as within. */
    private static boolean within(Instant last, Instant at, Duration reentry) {
        return at.isBefore(last) || Duration.between(last, at).compareTo(reentry) < 0;
    }

    private static boolean violates(Area area, Direction direction, PersonId person, PresenceBook book,
                                    AccessSnapshot snapshot) {
        return direction == Direction.ENTRY
                ? book.believedInside(person, area.id(), snapshot)
                : book.believedOutside(person, area.id(), snapshot);
    }
}
