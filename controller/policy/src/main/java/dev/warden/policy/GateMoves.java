package dev.warden.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Moves granted at gates, waiting for the gate's passages (package-private). Each passage applies the oldest move of
 * its gate that is not older than {@link #MAX_WAIT} at the passage; older moves are dropped (the person did not
 * pass).
 */
final class GateMoves {

    /** How long a granted move waits for its passage. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final Map<DoorId, ArrayDeque<Move>> queues = new HashMap<>();

    void add(Move move) {
        queues.computeIfAbsent(move.door(), d -> new ArrayDeque<>(4)).addLast(move);
    }

    /** The oldest live move at {@code gate} for a passage at {@code at}, removed; null when none waits. */
    Move next(DoorId gate, Instant at) {
        ArrayDeque<Move> queue = queues.get(gate);
        if (queue == null) {
            return null;
        }
        Move move;
        while ((move = queue.pollFirst()) != null) {
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
            queue.removeIf(m -> expired(m, now));
            if (queue.isEmpty()) {
                it.remove();
            }
        }
    }

    void forget(PersonId person) {
        for (ArrayDeque<Move> queue : queues.values()) {
            queue.removeIf(m -> m.person().equals(person));
        }
    }

    void clear() {
        queues.clear();
    }

    private static boolean expired(Move move, Instant at) {
        return Windows.plus(move.at(), MAX_WAIT).isBefore(at);
    }
}
