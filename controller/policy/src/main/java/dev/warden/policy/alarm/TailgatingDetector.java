package dev.warden.policy.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tailgating at a gate: more passages than grants. Each grant lets exactly one passage through while its window
 * lasts ({@code [grant - grace, grant + unlock + grace]}); a passage that finds no unused, unexpired grant raises
 * TAILGATING at the gate. Passages use up grants oldest first.
 *
 * <p>Not thread-safe. Keeps at most {@value #MAX_PENDING} unused grants per gate; {@link #prune} drops expired ones.
 */
public final class TailgatingDetector {
    /** Unused grants remembered per gate (older ones are dropped first). */
    public static final int MAX_PENDING = 256;

    private final Duration grace;
    private final Map<String, ArrayDeque<Window>> gates = new HashMap<>();

    private record Window(Instant from, Instant until) {}

    public TailgatingDetector(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
        this.grace = grace;
    }

    /** A grant at the gate (door) at {@code at}, open for {@code unlock}. */
    public void granted(String doorId, Instant at, Duration unlock) {
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(unlock, "unlock");
        ArrayDeque<Window> pending = gates.computeIfAbsent(doorId, k -> new ArrayDeque<>());
        pending.addLast(new Window(at.minus(grace), at.plus(unlock).plus(grace)));
        while (pending.size() > MAX_PENDING) {
            pending.pollFirst();
        }
    }

    /** Someone passed the gate at {@code at}: uses a grant, or raises TAILGATING when none is left. */
    public Optional<AlarmTrigger> passage(String doorId, Instant at) {
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(at, "at");
        ArrayDeque<Window> pending = gates.get(doorId);
        if (pending != null) {
            Iterator<Window> it = pending.iterator();
            while (it.hasNext()) {
                Window w = it.next();
                if (w.until().isBefore(at)) {
                    it.remove();
                } else if (!at.isBefore(w.from())) {
                    it.remove();
                    return Optional.empty();
                }
            }
            if (pending.isEmpty()) {
                gates.remove(doorId);
            }
        }
        return Optional.of(new AlarmTrigger.Raise(AlarmType.TAILGATING, AlarmPlace.door(doorId), at,
                "passage at " + at + " without an unused grant"));
    }

    /** Drops grants whose window ended before {@code now}. */
    public void prune(Instant now) {
        Iterator<ArrayDeque<Window>> gatesIt = gates.values().iterator();
        while (gatesIt.hasNext()) {
            ArrayDeque<Window> pending = gatesIt.next();
            pending.removeIf(w -> w.until().isBefore(now));
            if (pending.isEmpty()) {
                gatesIt.remove();
            }
        }
    }

    /** Unused, not yet pruned grants at a gate. */
    public int unusedGrants(String doorId) {
        ArrayDeque<Window> pending = gates.get(doorId);
        return pending == null ? 0 : pending.size();
    }
}
