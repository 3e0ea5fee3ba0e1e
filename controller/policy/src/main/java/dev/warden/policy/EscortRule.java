package dev.warden.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rule 12, visitor escort (package-private state and logic; {@link AccessEngine} applies it to every VISITOR ENTRY
 * that passed rules 1–11).
 *
 * <p>An authorised escort is a person who is ACTIVE, {@link Person#mayEscort() may escort} and is not a visitor, in
 * the snapshot of the moment. The rule remembers each escort's ENTRY grants per door, the visitors waiting at each
 * door, and which escort each visitor inside is attached to:
 * <ul>
 *   <li>{@link #find}: among the authorised escorts granted an ENTRY at the same door within the site's
 *       {@code escortWindow} of the visitor's read (before or after, inclusive) <em>who are still present</em>
 *       (believed inside the door's area, or with their ENTRY still waiting at that gate), the most recent one whose
 *       load (visitors attached, or on their way in with them, other than this one) is below
 *       {@code maxVisitorsPerEscort}; none in the window → {@link DenyReason#ESCORT_REQUIRED}, some but all full →
 *       {@link DenyReason#ESCORT_CAPACITY};</li>
 *   <li>a visitor denied {@code ESCORT_REQUIRED} waits at the door ({@link #hold}) until the window has passed; an
 *       escort's later grant there takes the waiting visitors in, oldest first, as long as capacity lasts
 *       ({@link #waitingAt});</li>
 *   <li>{@link #attach} happens when the visitor's move is applied (at once at a door, on the passage at a gate);
 *       {@link #visitorsOf} / {@link #detach}: when an escort is no longer inside a visitor's area, the visitor is
 *       unescorted (the engine signals it and detaches them).</li>
 * </ul>
 */
final class EscortRule {

    /** The outcome of {@link #find}: an escort, or the reason there is none. */
    record Match(PersonId escort, DenyReason reason) {
    }

    private record EscortGrant(PersonId escort, Instant at, Instant expiresAt) {
    }

    private final Map<DoorId, List<EscortGrant>> grants = new HashMap<>();
    private final Map<DoorId, List<Pending>> waiting = new HashMap<>();
    private final Map<PersonId, PersonId> escortOfVisitor = new HashMap<>();

    /** {@code true} when {@code id} is an authorised escort in {@code snapshot}. */
    static boolean isAuthorisedEscort(PersonId id, AccessSnapshot snapshot) {
        Person person = snapshot.personOrNull(id);
        return person != null && person.status() == PersonStatus.ACTIVE && person.mayEscort()
                && person.kind() != PersonKind.VISITOR;
    }

    /** What {@link #find} needs to know about an escort besides the grants this rule remembers. */
    interface Availability {
        /** The escort is still present: believed inside the door's area, or their ENTRY waits at that gate. */
        boolean present(PersonId escort);

        /** How many visitors the escort has (attached, or on their way in with them), not counting {@code except}. */
        int load(PersonId escort, PersonId except);
    }

    Match find(DoorId door, PersonId visitor, Instant at, Site site, AccessSnapshot snapshot,
               Availability availability) {
        List<EscortGrant> atDoor = grants.get(door);
        boolean sawFull = false;
        EscortGrant best = null;
        if (atDoor != null) {
            for (int i = 0, n = atDoor.size(); i < n; i++) {
                EscortGrant grant = atDoor.get(i);
                if (!Windows.within(grant.at(), at, site.escortWindow())
                        || !isAuthorisedEscort(grant.escort(), snapshot) || !availability.present(grant.escort())) {
                    continue;
                }
                if (availability.load(grant.escort(), visitor) >= site.maxVisitorsPerEscort()) {
                    sawFull = true;
                } else if (best == null || !grant.at().isBefore(best.at())) {
                    best = grant;
                }
            }
        }
        if (best != null) {
            return new Match(best.escort(), null);
        }
        return new Match(null, sawFull ? DenyReason.ESCORT_CAPACITY : DenyReason.ESCORT_REQUIRED);
    }

    /** Remembers an escort's ENTRY grant at {@code door}, for visitors reading within {@code window}. */
    void recordGrant(DoorId door, PersonId escort, Instant at, Duration window) {
        grants.computeIfAbsent(door, d -> new ArrayList<>(4)).add(new EscortGrant(escort, at, Windows.plus(at,
                window)));
    }

    /** A visitor waits at {@code door}, and only there (replacing any earlier wait of the same visitor). */
    void hold(DoorId door, Pending visitor) {
        stopWaiting(visitor.person());
        waiting.computeIfAbsent(door, d -> new ArrayList<>(4)).add(visitor);
    }

    /** The person waits nowhere any more (granted somewhere, or forgiven). */
    void stopWaiting(PersonId person) {
        if (waiting.isEmpty()) {
            return;
        }
        for (List<Pending> list : waiting.values()) {
            list.removeIf(p -> p.person().equals(person));
        }
    }

    /** The visitors waiting at {@code door} whose reads lie within {@code window} of {@code at}, oldest first. */
    List<Pending> waitingAt(DoorId door, Instant at, Duration window) {
        List<Pending> list = waiting.get(door);
        List<Pending> found = new ArrayList<>();
        if (list != null) {
            for (Pending pending : list) {
                if (Windows.within(pending.at(), at, window)) {
                    found.add(pending);
                }
            }
        }
        found.sort((a, b) -> a.at().compareTo(b.at()));
        return found;
    }

    /** The visitor stops waiting at {@code door}. */
    void release(DoorId door, Pending visitor) {
        List<Pending> list = waiting.get(door);
        if (list != null) {
            list.remove(visitor);
        }
    }

    /** How many visitors are attached to {@code escort}, not counting {@code except}. */
    int attachedCount(PersonId escort, PersonId except) {
        int count = 0;
        for (Map.Entry<PersonId, PersonId> entry : escortOfVisitor.entrySet()) {
            if (entry.getValue().equals(escort) && !entry.getKey().equals(except)) {
                count++;
            }
        }
        return count;
    }

    void attach(PersonId visitor, PersonId escort) {
        escortOfVisitor.put(visitor, escort);
    }

    void detach(PersonId visitor) {
        escortOfVisitor.remove(visitor);
    }

    PersonId escortOf(PersonId visitor) {
        return escortOfVisitor.get(visitor);
    }

    /** The visitors attached to {@code escort}, sorted by id; empty (and no allocation) when none. */
    List<PersonId> visitorsOf(PersonId escort) {
        if (!escortOfVisitor.containsValue(escort)) {
            return List.of();
        }
        List<PersonId> visitors = new ArrayList<>();
        for (Map.Entry<PersonId, PersonId> entry : escortOfVisitor.entrySet()) {
            if (entry.getValue().equals(escort)) {
                visitors.add(entry.getKey());
            }
        }
        visitors.sort(PersonId::compareTo);
        return visitors;
    }

    /** Drops grants and waiting visitors whose window has passed at {@code now}. */
    void expire(Instant now) {
        if (grants.isEmpty() && waiting.isEmpty()) {
            return;
        }
        for (Iterator<List<EscortGrant>> it = grants.values().iterator(); it.hasNext(); ) {
            List<EscortGrant> list = it.next();
            list.removeIf(g -> g.expiresAt().isBefore(now));
            if (list.isEmpty()) {
                it.remove();
            }
        }
        for (Iterator<List<Pending>> it = waiting.values().iterator(); it.hasNext(); ) {
            List<Pending> list = it.next();
            list.removeIf(p -> p.expiresAt().isBefore(now));
            if (list.isEmpty()) {
                it.remove();
            }
        }
    }

    void clear() {
        grants.clear();
        waiting.clear();
        escortOfVisitor.clear();
    }
}
