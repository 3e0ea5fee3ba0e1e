package dev.warden.policy.alarm;

/**
 * The allowed band of a measured value: above {@code high} or below {@code low} raises; the alarm clears only once
 * the value is back inside the band by more than {@code hysteresis} (below {@code high - hysteresis}, above
 * {@code low + hysteresis}).
 */
public record Thresholds(double low, double high, double hysteresis) {
    public Thresholds {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !Double.isFinite(hysteresis)) {
            throw new IllegalArgumentException("thresholds must be finite numbers");
        }
        if (!(low < high)) {
            throw new IllegalArgumentException("low must be below high");
        }
        if (hysteresis < 0) {
            throw new IllegalArgumentException("hysteresis must not be negative");
        }
    }
}
