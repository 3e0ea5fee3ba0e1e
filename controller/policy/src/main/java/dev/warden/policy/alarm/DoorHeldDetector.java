package dev.warden.policy.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Door held open: a door that opened with a permit (after a grant or an unlock) and is still open more than
 * {@code heldOpen} after it opened. The alarm is raised once per opening, by {@link #tick} (strictly after
 * {@code opened + heldOpen}), and cleared when the contact reports CLOSED. A door that opened without a permit is
 * a forced door ({@link DoorForcedDetector}), not a held one. Opening times and ticks are both the controller's
 * time (receipt of the report, the ticker's clock).
 *
 * <p>An OPEN report while the door is already open starts a new opening: the agent reports only changes, so it
 * means a CLOSED was lost, and a lost report must never silence the door (the new opening is timed afresh; an alarm
 * still open from the earlier opening is still cleared by the next CLOSED).
 *
 * <p>Not thread-safe. Remembers only the doors that are open now, at most {@code maxDoors} (an opening beyond that is
 * not timed: {@link #refusedCount()}).
 */
public final class DoorHeldDetector {
    private final Duration heldOpen;
    /** Default bound on open doors remembered. */
    public static final int MAX_DOORS = 50_000;

    private final Map<String, Opening> open = new HashMap<>();
    private final int maxDoors;
    private long refused;

    private static final class Opening {
        final Instant since;
        final boolean permitted;
        /** Raised for this opening. */
        boolean raised;
        /** An alarm of an earlier opening (whose CLOSED was lost) may still be open: clear it on CLOSED. */
        final boolean earlierRaised;

        Opening(Instant since, boolean permitted, boolean earlierRaised) {
            this.since = since;
            this.permitted = permitted;
            this.earlierRaised = earlierRaised;
        }
    }

    public DoorHeldDetector(Duration heldOpen) {
        this(heldOpen, MAX_DOORS);
    }

    public DoorHeldDetector(Duration heldOpen, int maxDoors) {
        if (maxDoors < 1) {
            throw new IllegalArgumentException("maxDoors must be >= 1");
        }
        this.maxDoors = maxDoors;
        Objects.requireNonNull(heldOpen, "heldOpen");
        if (heldOpen.isNegative() || heldOpen.isZero()) {
            throw new IllegalArgumentException("heldOpen must be positive");
        }
        this.heldOpen = heldOpen;
    }

    /**
     * The contact reported OPEN or CLOSED at {@code at}; {@code permitted} says whether the opening was allowed.
     * Returns a DOOR_HELD clear when the door closes after the alarm was raised.
     */
    public Optional<AlarmTrigger> contact(String doorId, boolean isOpen, Instant at, boolean permitted) {
        Objects.requireNonNull(doorId, "doorId");
        Objects.requireNonNull(at, "at");
        if (isOpen) {
            Opening before = open.get(doorId);
            if (before == null && open.size() >= maxDoors) {
                refused++;
                return Optional.empty();
            }
            boolean earlier = before != null && (before.raised || before.earlierRaised);
            open.put(doorId, new Opening(at, permitted, earlier));
            return Optional.empty();
        }
        Opening was = open.remove(doorId);
        if (was != null && (was.raised || was.earlierRaised)) {
            return Optional.of(new AlarmTrigger.Clear(AlarmType.DOOR_HELD, AlarmPlace.door(doorId), at,
                    "door closed at " + at));
        }
        return Optional.empty();
    }

    /** Raises DOOR_HELD for every permitted opening now open longer than the held-open time (once each). */
    public List<AlarmTrigger> tick(Instant now) {
        Objects.requireNonNull(now, "now");
        List<AlarmTrigger> raised = new ArrayList<>();
        open.forEach((door, o) -> {
            if (o.permitted && !o.raised && now.isAfter(o.since.plus(heldOpen))) {
                o.raised = true;
                raised.add(new AlarmTrigger.Raise(AlarmType.DOOR_HELD, AlarmPlace.door(door), now,
                        "open since " + o.since + ", longer than " + heldOpen.toSeconds() + " s"));
            }
        });
        raised.sort((a, b) -> a.place().key().compareTo(b.place().key()));
        return raised;
    }

    /** Openings not timed because {@code maxDoors} doors were already open. */
    public long refusedCount() {
        return refused;
    }

    /** Doors currently known to be open. */
    public int openDoors() {
        return open.size();
    }
}
