package dev.warden.policy.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Door forced open: the door contact reports OPEN while nothing allowed the door to open: no permit window (a grant,
 * an executed unlock command) covers the moment, and the lock does not report itself unlocked. Every OPEN report
 * is judged: an agent reports a contact only when it changes, so a second OPEN without a CLOSED between means a
 * CLOSED was lost, and a door must never be silenced by a lost report (a repeat while the alarm is still open only
 * counts on it). All times are the controller's (a grant's decision time, a report's receipt time); each permit
 * window is widened by {@code grace} on both sides for the delivery delay.
 *
 * <p>Not thread-safe. Remembers per door one window and the lock state, for at most {@code maxDoors} doors (facts
 * of a further door are not kept: {@link #refusedCount()}).
 */
public final class DoorForcedDetector {
    private final Duration grace;
    /** Default bound on doors remembered. */
    public static final int MAX_DOORS = 50_000;
    private static final DoorFacts NOTHING = new DoorFacts();

    private final Map<String, DoorFacts> doors = new HashMap<>();
    private final int maxDoors;
    private long refused;

    private static final class DoorFacts {
        Instant permitFrom;
        Instant permitUntil;
        boolean lockReportsUnlocked;
    }

    public DoorForcedDetector(Duration grace) {
        this(grace, MAX_DOORS);
    }

    public DoorForcedDetector(Duration grace, int maxDoors) {
        if (maxDoors < 1) {
            throw new IllegalArgumentException("maxDoors must be >= 1");
        }
        this.maxDoors = maxDoors;
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
        this.grace = grace;
    }

    /** The door may open from {@code from} until {@code until} (a grant and its unlock time, an unlock command). */
    public void permit(String doorId, Instant from, Instant until) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        DoorFacts d = facts(doorId);
        if (d == null) {
            return;
        }
        Instant start = from.minus(grace);
        Instant end = until.plus(grace);
        boolean overlaps = d.permitUntil != null && !start.isAfter(d.permitUntil) && !end.isBefore(d.permitFrom);
        if (overlaps) {
            d.permitFrom = start.isBefore(d.permitFrom) ? start : d.permitFrom;
            d.permitUntil = end.isAfter(d.permitUntil) ? end : d.permitUntil;
        } else if (d.permitUntil == null || !end.isBefore(d.permitUntil)) {
            d.permitFrom = start;
            d.permitUntil = end;
        }
    }

    /**
     * The lock reported its state. UNLOCKED permits opening until the lock reports LOCKED; LOCKED at {@code at} also
     * ends a permit window that began before it (a LOCK command, the relock after a grant).
     */
    public void lock(String doorId, boolean unlocked, Instant at) {
        DoorFacts d = facts(doorId);
        if (d == null) {
            return;
        }
        d.lockReportsUnlocked = unlocked;
        if (!unlocked && d.permitUntil != null && !at.isBefore(d.permitFrom) && at.isBefore(d.permitUntil)) {
            Instant end = at.plus(grace);
            d.permitUntil = end.isBefore(d.permitUntil) ? end : d.permitUntil;
        }
    }

    /**
     * The door contact reported OPEN ({@code open}) or CLOSED. Returns a DOOR_FORCED raise when an OPEN report falls
     * outside every permit.
     */
    public Optional<AlarmTrigger> contact(String doorId, boolean open, Instant at) {
        return contact(doorId, open, at, at);
    }

    /**
     * As {@link #contact(String, boolean, Instant)}: {@code at} is the controller's time of the report (judged
     * against the permits), {@code reportedAt} the agent's own time (kept in the alarm's detail).
     */
    public Optional<AlarmTrigger> contact(String doorId, boolean open, Instant at, Instant reportedAt) {
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(at, "at");
        DoorFacts d = doors.getOrDefault(doorId, NOTHING);
        if (!open || permitted(d, at)) {
            return Optional.empty();
        }
        return Optional.of(new AlarmTrigger.Raise(AlarmType.DOOR_FORCED, AlarmPlace.door(doorId), at,
                "door opened at " + (reportedAt == null ? at : reportedAt) + " without a grant or unlock"));
    }

    /** Permits and lock reports not remembered because {@code maxDoors} doors were already remembered. */
    public long refusedCount() {
        return refused;
    }

    /** True when an opening of the door at {@code at} would be allowed. */
    public boolean permitted(String doorId, Instant at) {
        DoorFacts d = doors.get(doorId);
        return d != null && permitted(d, at);
    }

    private static boolean permitted(DoorFacts d, Instant at) {
        if (d.lockReportsUnlocked) {
            return true;
        }
        return d.permitUntil != null && !at.isBefore(d.permitFrom) && !at.isAfter(d.permitUntil);
    }

    /** The door's facts, created if there is room; null (counted) when {@code maxDoors} are already kept. */
    private DoorFacts facts(String doorId) {
        Objects.requireNonNull(doorId, "doorId");
        DoorFacts d = doors.get(doorId);
        if (d == null) {
            if (doors.size() >= maxDoors) {
                refused++;
                return null;
            }
            d = new DoorFacts();
            doors.put(doorId, d);
        }
        return d;
    }
}
