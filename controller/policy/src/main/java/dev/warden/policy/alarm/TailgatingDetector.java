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
 * Tailgating at a gate: more passages than grants. A grant lets as many passages through as people it admits
 * (one, or more when it also let in a held visitor or two-person partner) while its window lasts
 * ({@code [grant - grace, grant + unlock + grace]}); a passage that finds no unused, unexpired grant raises
 * TAILGATING at the gate. Passages use up grants oldest first.
 *
 * <p>Not thread-safe. Keeps at most {@value #MAX_PENDING} unused passages per gate (older ones are dropped first)
 * and at most {@code maxGates} gates with unused grants (a grant at a further gate is refused,
 * {@link #refusedCount()}); {@link #prune} drops expired ones.
 */
public final class TailgatingDetector {
    /** Unused passages remembered per gate (older ones are dropped first). */
    public static final int MAX_PENDING = 256;
    /** Default bound on gates with unused grants. */
    public static final int MAX_GATES = 10_000;

    private final Duration grace;
    private final int maxGates;
    private final Map<String, ArrayDeque<Window>> gates = new HashMap<>();
    private long refused;

    private record Window(Instant from, Instant until) {}

    public TailgatingDetector(Duration grace) {
        this(grace, MAX_GATES);
    }

    public TailgatingDetector(Duration grace, int maxGates) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
        if (maxGates < 1) {
            throw new IllegalArgumentException("maxGates must be >= 1");
        }
        this.grace = grace;
        this.maxGates = maxGates;
    }

    /** A grant at the gate (door) at {@code at}, open for {@code unlock}, admitting one person. */
    public void granted(String doorId, Instant at, Duration unlock) {
        granted(doorId, at, unlock, 1);
    }

    /** A grant at the gate (door) at {@code at}, open for {@code unlock}, admitting {@code admits} people (>= 1). */
    public void granted(String doorId, Instant at, Duration unlock, int admits) {
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(unlock, "unlock");
        if (admits < 1) {
            throw new IllegalArgumentException("admits must be >= 1");
        }
        ArrayDeque<Window> pending = gates.get(doorId);
        if (pending == null) {
            if (gates.size() >= maxGates) {
                refused++;
                return;
            }
            pending = new ArrayDeque<>();
            gates.put(doorId, pending);
        }
        Window w = new Window(at.minus(grace), at.plus(unlock).plus(grace));
        for (int i = 0; i < Math.min(admits, MAX_PENDING); i++) {
            pending.addLast(w);
        }
        while (pending.size() > MAX_PENDING) {
            pending.pollFirst();
        }
    }

    /** Someone passed the gate at {@code at}: uses a grant, or raises TAILGATING when none is left. */
    public Optional<AlarmTrigger> passage(String doorId, Instant at) {
        return passage(doorId, at, at);
    }

    /**
     * Someone passed the gate at {@code at} (the controller's time); {@code reportedAt} is the agent's own time,
     * kept in the alarm's detail.
     */
    public Optional<AlarmTrigger> passage(String doorId, Instant at, Instant reportedAt) {
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
                    if (pending.isEmpty()) {
                        gates.remove(doorId);
                    }
                    return Optional.empty();
                }
            }
            if (pending.isEmpty()) {
                gates.remove(doorId);
            }
        }
        return Optional.of(new AlarmTrigger.Raise(AlarmType.TAILGATING, AlarmPlace.door(doorId), at,
                "passage at " + (reportedAt == null ? at : reportedAt) + " without an unused grant"));
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

    /** Unused, not yet pruned passages at a gate. */
    public int unusedGrants(String doorId) {
        ArrayDeque<Window> pending = gates.get(doorId);
        return pending == null ? 0 : pending.size();
    }

    /** Grants not remembered because {@code maxGates} gates already had unused grants. */
    public long refusedCount() {
        return refused;
    }
}
