package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A measured value out of its band, with hysteresis (see {@link Thresholds}). Per place (a sensor's quantity) the
 * detector is NORMAL, HIGH or LOW: from NORMAL a value strictly above {@code high} raises (level {@code HIGH}) and
 * one strictly below {@code low} raises ({@code LOW}); from HIGH only a value strictly below
 * {@code high - hysteresis} clears, from LOW only one strictly above {@code low + hysteresis}. A value that jumps
 * from one side straight past the other clears and raises. Non-finite values are ignored.
 *
 * <p>Not thread-safe. Remembers one level per place that is out of its band now, at most {@code maxTracked}
 * places: a place that would leave its band beyond that is refused (no raise, {@link #refusedCount()}).
 */
public final class ThresholdDetector {
    /** Where a value lies relative to its band. */
    public enum Level { NORMAL, HIGH, LOW }

    /** Default bound on places remembered out of their band. */
    public static final int MAX_TRACKED = 10_000;

    private final int maxTracked;
    private final Map<String, Level> levels = new HashMap<>();
    private long refused;

    public ThresholdDetector() {
        this(MAX_TRACKED);
    }

    public ThresholdDetector(int maxTracked) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be >= 1");
        }
        this.maxTracked = maxTracked;
    }

    /** Out-of-band readings not raised because {@code maxTracked} places were already out of their band. */
    public long refusedCount() {
        return refused;
    }

    /** A reading; returns the raises and clears it causes (at most a clear and a raise). */
    public List<AlarmTrigger> reading(AlarmType type, AlarmPlace place, double value, String unit,
                                      Thresholds thresholds, Instant at) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(value)) {
            return List.of();
        }
        String shown = format(value) + (unit == null || unit.isBlank() ? "" : " " + unit);
        Level level = levels.getOrDefault(place.key(), Level.NORMAL);
        boolean full = level == Level.NORMAL && levels.size() >= maxTracked;
        if (full && (value > thresholds.high() || value < thresholds.low())) {
            refused++;
            return List.of();
        }
        List<AlarmTrigger> out = new ArrayList<>(2);
        if (level == Level.HIGH && value < thresholds.high() - thresholds.hysteresis()) {
            out.add(new AlarmTrigger.Clear(type, place, at, shown + " is back below " + format(thresholds.high())));
            level = Level.NORMAL;
        } else if (level == Level.LOW && value > thresholds.low() + thresholds.hysteresis()) {
            out.add(new AlarmTrigger.Clear(type, place, at, shown + " is back above " + format(thresholds.low())));
            level = Level.NORMAL;
        }
        if (level == Level.NORMAL && value > thresholds.high()) {
            out.add(new AlarmTrigger.Raise(type, place, at, shown + " is above " + format(thresholds.high()),
                    Level.HIGH.name()));
            level = Level.HIGH;
        } else if (level == Level.NORMAL && value < thresholds.low()) {
            out.add(new AlarmTrigger.Raise(type, place, at, shown + " is below " + format(thresholds.low()),
                    Level.LOW.name()));
            level = Level.LOW;
        }
        if (level == Level.NORMAL) {
            levels.remove(place.key());
        } else {
            levels.put(place.key(), level);
        }
        return out;
    }

    /** Sets the level of a place, e.g. from an alarm still open after a restart. */
    public void restore(String placeKey, Level level) {
        Objects.requireNonNull(placeKey, "placeKey");
        Objects.requireNonNull(level, "level");
        if (level == Level.NORMAL) {
            levels.remove(placeKey);
        } else if (levels.size() < maxTracked || levels.containsKey(placeKey)) {
            levels.put(placeKey, level);
        }
    }

    public Level level(String placeKey) {
        return levels.getOrDefault(placeKey, Level.NORMAL);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
