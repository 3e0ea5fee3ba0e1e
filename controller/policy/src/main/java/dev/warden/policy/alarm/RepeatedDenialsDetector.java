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
 * Repeated denials at one place (a door, a credential): the {@code count}-th denial within {@code window} raises
 * REPEATED_DENIALS. "Within" means later than {@code at - window}: a denial exactly one window old no longer counts.
 * It raises at most once per window: after a raise at {@code t}, the next raise needs {@code count} denials within
 * a window and a time of at least {@code t + window}. Use one detector per kind of place.
 *
 * <p>Not thread-safe. Remembers at most {@code count} times per place and at most {@code maxTracked} places
 * ({@link #prune} forgets quiet ones); a denial at a new place beyond that is refused ({@link #refusedCount()}).
 */
public final class RepeatedDenialsDetector {
    private final int count;
    private final Duration window;
    private final Map<String, Denials> places = new HashMap<>();
    private final int maxTracked;
    private long refused;

    /** Default bound on remembered places. */
    public static final int MAX_TRACKED = 50_000;

    private static final class Denials {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        Instant lastRaise;
    }

    public RepeatedDenialsDetector(int count, Duration window) {
        this(count, window, MAX_TRACKED);
    }

    public RepeatedDenialsDetector(int count, Duration window, int maxTracked) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be >= 1");
        }
        this.maxTracked = maxTracked;
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.count = count;
        this.window = window;
    }

    /** A denial at {@code place} at {@code at}; a raise when it is the {@code count}-th within the window. */
    public Optional<AlarmTrigger> denied(AlarmPlace place, Instant at) {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(at, "at");
        Denials d = places.get(place.key());
        if (d == null) {
            if (places.size() >= maxTracked) {
                refused++;
                return Optional.empty();
            }
            d = new Denials();
            places.put(place.key(), d);
        }
        Instant time = d.times.isEmpty() || !at.isBefore(d.times.peekLast()) ? at : d.times.peekLast();
        Instant horizon = time.minus(window);
        while (!d.times.isEmpty() && !d.times.peekFirst().isAfter(horizon)) {
            d.times.pollFirst();
        }
        d.times.addLast(time);
        while (d.times.size() > count) {
            d.times.pollFirst();
        }
        boolean quietSinceLastRaise = d.lastRaise == null || !time.isBefore(d.lastRaise.plus(window));
        if (d.times.size() >= count && quietSinceLastRaise) {
            d.lastRaise = time;
            return Optional.of(new AlarmTrigger.Raise(AlarmType.REPEATED_DENIALS, place, time,
                    count + " denials within " + window.toSeconds() + " s"));
        }
        return Optional.empty();
    }

    /** Forgets places with no denial within the window before {@code now} and no raise in it. */
    public void prune(Instant now) {
        Instant horizon = now.minus(window);
        Iterator<Denials> it = places.values().iterator();
        while (it.hasNext()) {
            Denials d = it.next();
            boolean recentDenial = !d.times.isEmpty() && d.times.peekLast().isAfter(horizon);
            boolean recentRaise = d.lastRaise != null && d.lastRaise.isAfter(horizon);
            if (!recentDenial && !recentRaise) {
                it.remove();
            }
        }
    }

    /** Denials not counted because {@code maxTracked} places were already remembered. */
    public long refusedCount() {
        return refused;
    }

    /** Places currently remembered. */
    public int tracked() {
        return places.size();
    }
}
