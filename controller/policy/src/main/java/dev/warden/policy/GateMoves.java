package dev.warden.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves granted at gates, waiting for the gate's passages (package-private). Each passage applies the oldest move of
 * its gate that is not older than {@link #MAX_WAIT} at the passage; older moves are dropped (the person did not
 * pass). A move that waits counts as already made for anti-passback ({@link #latestOf}, {@link #lastEntryInto}), for
 * an escort's presence ({@link #entersAt}) and for an escort's capacity ({@link #visitorsOnTheWayWith}).
 */
final class GateMoves {

    /** How long a granted move waits for its passage. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final Map<DoorId, ArrayDeque<Move>> queues = new HashMap<>();
    /** The order in which the waiting moves were added (a person's latest move is the last of theirs). */
    private final Map<Move, Long> order = new IdentityHashMap<>();
    private long sequence;

    void add(Move move) {
        queues.computeIfAbsent(move.door(), d -> new ArrayDeque<>(4)).addLast(move);
        order.put(move, sequence++);
    }

    /** The oldest live move at {@code gate} for a passage at {@code at}, removed; null when none waits. */
    Move next(DoorId gate, Instant at) {
        ArrayDeque<Move> queue = queues.get(gate);
        if (queue == null) {
            return null;
        }
        Move move;
        while ((move = queue.pollFirst()) != null) {
            order.remove(move);
            if (!expired(move, at)) {
                return move;
            }
        }
        return null;
    }

    /** Drops every move older than {@link #MAX_WAIT} at {@code now}. */
    void expire(Instant now) {
        if (queues.isEmpty()) {
            return;
        }
        for (Iterator<ArrayDeque<Move>> it = queues.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Move> queue = it.next();
            for (Iterator<Move> moves = queue.iterator(); moves.hasNext(); ) {
                Move move = moves.next();
                if (expired(move, now)) {
                    moves.remove();
                    order.remove(move);
                }
            }
            if (queue.isEmpty()) {
                it.remove();
            }
        }
    }

    /** The person's most recently granted move still waiting at {@code at} (at any gate), or null. */
    Move latestOf(PersonId person, Instant at) {
        Move latest = null;
        long latestOrder = -1;
        for (ArrayDeque<Move> queue : queues.values()) {
            for (Move move : queue) {
                if (move.person().equals(person) && !expired(move, at)) {
                    long o = order.getOrDefault(move, -1L);
                    if (o > latestOrder) {
                        latest = move;
                        latestOrder = o;
                    }
                }
            }
        }
        return latest;
    }

    /** The grant instant of the person's latest waiting ENTRY into exactly {@code area}, or null. */
    Instant lastEntryInto(PersonId person, AreaId area, Instant at) {
        Instant last = null;
        for (ArrayDeque<Move> queue : queues.values()) {
            for (Move move : queue) {
                if (move.person().equals(person) && move.direction() == Direction.ENTRY
                        && move.doorArea().equals(area) && !expired(move, at)
                        && (last == null || move.at().isAfter(last))) {
                    last = move.at();
                }
            }
        }
        return last;
    }

    /** The person has an ENTRY waiting at {@code gate} (granted, not yet passed, not dropped). */
    boolean entersAt(PersonId person, DoorId gate, Instant at) {
        ArrayDeque<Move> queue = queues.get(gate);
        if (queue != null) {
            for (Move move : queue) {
                if (move.person().equals(person) && move.direction() == Direction.ENTRY && !expired(move, at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The distinct visitors, other than {@code except}, whose ENTRY with {@code escort} waits at a gate and who are not
     * already attached to that escort ({@code attachedTo}).
     */
    Set<PersonId> visitorsOnTheWayWith(PersonId escort, PersonId except, EscortRule attachedTo, Instant at) {
        Set<PersonId> found = null;
        for (ArrayDeque<Move> queue : queues.values()) {
            for (Move move : queue) {
                if (escort.equals(move.escort()) && move.direction() == Direction.ENTRY
                        && !move.person().equals(except) && !expired(move, at)
                        && !escort.equals(attachedTo.escortOf(move.person()))) {
                    if (found == null) {
                        found = new HashSet<>(4);
                    }
                    found.add(move.person());
                }
            }
        }
        return found == null ? Set.of() : found;
    }

    /** Every live ENTRY waiting at {@code at}, for a scan (usually none). */
    void forEachEntry(Instant at, Consumer<Move> action) {
        for (ArrayDeque<Move> queue : queues.values()) {
            for (Move move : queue) {
                if (move.direction() == Direction.ENTRY && !expired(move, at)) {
                    action.accept(move);
                }
            }
        }
    }

    void forget(PersonId person) {
        for (ArrayDeque<Move> queue : queues.values()) {
            for (Iterator<Move> moves = queue.iterator(); moves.hasNext(); ) {
                Move move = moves.next();
                if (move.person().equals(person)) {
                    moves.remove();
                    order.remove(move);
                }
            }
        }
    }

    void clear() {
        queues.clear();
        order.clear();
    }

    private static boolean expired(Move move, Instant at) {
        return Windows.plus(move.at(), MAX_WAIT).isBefore(at);
    }
}
