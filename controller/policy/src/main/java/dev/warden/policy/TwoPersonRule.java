package dev.warden.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rule 13, two-person areas (package-private state; {@link AccessEngine} applies it to reads at a door whose area has
 * a {@link Area#twoPersonWindow()}):
 * <ul>
 *   <li>ENTRY of a member (ACTIVE, not a visitor; one who passed rules 1–12): the first is denied
 *       {@link DenyReason#TWO_PERSON_PENDING} and held at the door; a second, distinct member at the same door within
 *       the window (inclusive) is granted and both enter;</li>
 *   <li>EXIT of a member: when leaving would leave exactly one member believed inside, the reader is denied
 *       {@link DenyReason#TWO_PERSON_EXIT} and held; a second, distinct person's EXIT at the same door within the
 *       window lets both out (when that leaves anybody but exactly one member inside).</li>
 * </ul>
 * Visitors are handled by {@link AccessEngine} (they enter only while two members are inside or entering, and their
 * exit is never held). A held read is decided again at the instant it is let in, against the snapshot of that moment,
 * and must be granted to the same person on the same credential (see {@link AccessEngine}).
 */
final class TwoPersonRule {

    private final Map<DoorId, List<Pending>> entries = new HashMap<>();
    private final Map<DoorId, List<Pending>> exits = new HashMap<>();

    /** The oldest held read at {@code door} in {@code direction} of another person, within {@code window}, or null. */
    Pending partner(DoorId door, Direction direction, PersonId person, Instant at, Duration window) {
        List<Pending> list = held(direction).get(door);
        Pending best = null;
        if (list != null) {
            for (int i = 0, n = list.size(); i < n; i++) {
                Pending pending = list.get(i);
                if (!pending.person().equals(person) && Windows.within(pending.at(), at, window)
                        && (best == null || pending.at().isBefore(best.at()))) {
                    best = pending;
                }
            }
        }
        return best;
    }

    /** Holds a read at {@code door}; a person is held at one door at a time (any earlier hold is dropped). */
    void hold(DoorId door, Direction direction, Pending read) {
        forget(read.person());
        held(direction).computeIfAbsent(door, d -> new ArrayList<>(2)).add(read);
    }

    /** The held read leaves the queue (it passed, or no longer can). */
    void release(DoorId door, Direction direction, Pending read) {
        List<Pending> list = held(direction).get(door);
        if (list != null) {
            list.remove(read);
        }
    }

    /** Drops held reads whose window has passed at {@code now}. */
    void expire(Instant now) {
        expire(entries, now);
        expire(exits, now);
    }

    /** The person is held nowhere any more (granted somewhere, or forgiven). */
    void forget(PersonId person) {
        if (entries.isEmpty() && exits.isEmpty()) {
            return;
        }
        for (List<Pending> list : entries.values()) {
            list.removeIf(p -> p.person().equals(person));
        }
        for (List<Pending> list : exits.values()) {
            list.removeIf(p -> p.person().equals(person));
        }
    }

    void clear() {
        entries.clear();
        exits.clear();
    }

    private Map<DoorId, List<Pending>> held(Direction direction) {
        return direction == Direction.ENTRY ? entries : exits;
    }

    private static void expire(Map<DoorId, List<Pending>> map, Instant now) {
        if (map.isEmpty()) {
            return;
        }
        for (Iterator<List<Pending>> it = map.values().iterator(); it.hasNext(); ) {
            List<Pending> list = it.next();
            list.removeIf(p -> p.expiresAt().isBefore(now));
            if (list.isEmpty()) {
                it.remove();
            }
        }
    }
}
