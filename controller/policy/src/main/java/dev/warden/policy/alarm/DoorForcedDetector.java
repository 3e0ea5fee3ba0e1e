package dev.warden.policy.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Door forced open: the door contact reports OPEN while nothing allowed the door to open: no permit window (a grant,
 * an executed unlock command) covers the moment, and the lock does not report itself unlocked. Only the change to
 * OPEN counts (a repeated OPEN report is not a second forcing). Each permit window is widened by {@code grace} on
 * both sides, since the contact's time comes from the agent's clock and the grant's from the controller's.
 *
 * <p>Not thread-safe. Remembers per door one window, the lock state and the last contact state.
 */
public final class DoorForcedDetector {
    private final Duration grace;
    private final Map<String, DoorFacts> doors = new HashMap<>();

    private static final class DoorFacts {
        Instant permitFrom;
        Instant permitUntil;
        boolean lockReportsUnlocked;
        boolean open;
    }

    public DoorForcedDetector(Duration grace) {
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
        d.lockReportsUnlocked = unlocked;
        if (!unlocked && d.permitUntil != null && !at.isBefore(d.permitFrom) && at.isBefore(d.permitUntil)) {
            Instant end = at.plus(grace);
            d.permitUntil = end.isBefore(d.permitUntil) ? end : d.permitUntil;
        }
    }

    /**
     * The door contact reported OPEN ({@code open}) or CLOSED. Returns a DOOR_FORCED raise when the door changed to
     * open outside every permit.
     */
    public Optional<AlarmTrigger> contact(String doorId, boolean open, Instant at) {
        Objects.requireNonNull(at, "at");
        DoorFacts d = facts(doorId);
        boolean wasOpen = d.open;
        d.open = open;
        if (!open || wasOpen || permitted(d, at)) {
            return Optional.empty();
        }
        return Optional.of(new AlarmTrigger.Raise(AlarmType.DOOR_FORCED, AlarmPlace.door(doorId), at,
                "door opened at " + at + " without a grant or unlock"));
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

    private DoorFacts facts(String doorId) {
        Objects.requireNonNull(doorId, "doorId");
        return doors.computeIfAbsent(doorId, k -> new DoorFacts());
    }
}
