package dev.warden.policy.alarm;

/**
 * The allowed band of a measured value: above {@code high} or below {@code low} raises; the alarm clears only once
 * the value is back inside the band by more than {@code hysteresis} (below {@code high - hysteresis}, above
 * {@code low + hysteresis}). The hysteresis must be less than half the band, else a cleared value would already lie
 * past the other threshold (an alarm stuck or flipping between HIGH and LOW).
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
        if (!(2 * hysteresis < high - low)) {
            throw new IllegalArgumentException("hysteresis must be less than half the band (high - low)");
        }
    }
}
