package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verifies raising strictly outside the band and clearing only past the hysteresis band, on both sides. */
class ThresholdDetectorTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final Thresholds BAND = new Thresholds(10, 35, 2);
    static final AlarmPlace SENSOR = AlarmPlace.sensor("a-1", "env-1", "temperature", null);
    final ThresholdDetector detector = new ThresholdDetector();

    List<AlarmTrigger> read(double v) {
        return detector.reading(AlarmType.TEMPERATURE, SENSOR, v, "C", BAND, T);
    }

    @Test
    void exactlyHighIsFineJustAboveRaisesHigh() {
        assertThat(read(35.0)).isEmpty();
        List<AlarmTrigger> out = read(35.01);
        assertThat(out).singleElement().satisfies(t -> {
            assertThat(t).isInstanceOf(AlarmTrigger.Raise.class);
            assertThat(((AlarmTrigger.Raise) t).level()).isEqualTo("HIGH");
            assertThat(t.type()).isEqualTo(AlarmType.TEMPERATURE);
            assertThat(t.place().key()).isEqualTo("sensor:a-1/env-1/temperature");
            assertThat(t.detail()).isEqualTo("35.0 C is above 35.0");
        });
        assertThat(read(40)).as("still high: no second raise").isEmpty();
    }

    @Test
    void highClearsOnlyStrictlyBelowHighMinusHysteresis() {
        read(36);
        assertThat(read(34)).as("inside the band but within hysteresis").isEmpty();
        assertThat(read(33.0)).as("exactly high - hysteresis").isEmpty();
        assertThat(read(32.99)).singleElement().isInstanceOf(AlarmTrigger.Clear.class);
        assertThat(detector.level(SENSOR.key())).isEqualTo(ThresholdDetector.Level.NORMAL);
    }

    @Test
    void lowRaisesStrictlyBelowAndClearsStrictlyAboveLowPlusHysteresis() {
        assertThat(read(10.0)).isEmpty();
        assertThat(read(9.99)).singleElement().satisfies(t -> assertThat(((AlarmTrigger.Raise) t).level()).isEqualTo("LOW"));
        assertThat(read(12.0)).isEmpty();
        assertThat(read(12.01)).singleElement().isInstanceOf(AlarmTrigger.Clear.class);
    }

    @Test
    void aJumpFromHighToLowClearsThenRaises() {
        read(50);
        List<AlarmTrigger> out = read(0);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOf(AlarmTrigger.Clear.class);
        assertThat(out.get(1)).isInstanceOf(AlarmTrigger.Raise.class);
        assertThat(detector.level(SENSOR.key())).isEqualTo(ThresholdDetector.Level.LOW);
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        assertThat(read(Double.NaN)).isEmpty();
        assertThat(read(Double.POSITIVE_INFINITY)).isEmpty();
    }

    @Test
    void restoredLevelClearsWhenTheValueReturns() {
        detector.restore(SENSOR.key(), ThresholdDetector.Level.HIGH);
        assertThat(read(20)).singleElement().isInstanceOf(AlarmTrigger.Clear.class);
    }

    @Test
    void thresholdsAreChecked() {
        assertThatThrownBy(() -> new Thresholds(35, 35, 1)).hasMessageContaining("low must be below high");
        assertThatThrownBy(() -> new Thresholds(10, 35, -1)).hasMessageContaining("hysteresis");
        assertThatThrownBy(() -> new Thresholds(Double.NaN, 35, 1)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Thresholds(20, 30, 5)).as("L1: half the band").hasMessageContaining("half");
        assertThatThrownBy(() -> new Thresholds(20, 30, 15)).hasMessageContaining("half");
        assertThat(new Thresholds(20, 30, 4.99).hysteresis()).isEqualTo(4.99);
    }

    /** Verifies over seeded random walks that raises and clears alternate and match the band. */
    @Test
    void raisesAndClearsAlternateOnRandomWalks() {
        Random random = new Random(20260301);
        for (int run = 0; run < 200; run++) {
            ThresholdDetector d = new ThresholdDetector();
            double v = 20;
            boolean open = false;
            String side = null;
            for (int i = 0; i < 200; i++) {
                v += (random.nextDouble() - 0.5) * 8;
                for (AlarmTrigger t : d.reading(AlarmType.TEMPERATURE, SENSOR, v, "C", BAND, T)) {
                    if (t instanceof AlarmTrigger.Raise r) {
                        assertThat(open).as("raise while open").isFalse();
                        assertThat(r.level()).isEqualTo(v > 35 ? "HIGH" : "LOW");
                        assertThat(v > 35 || v < 10).isTrue();
                        open = true;
                        side = r.level();
                    } else {
                        assertThat(open).as("clear while not open").isTrue();
                        assertThat("HIGH".equals(side) ? v < 33 : v > 12).as("cleared past the hysteresis").isTrue();
                        open = false;
                    }
                }
                assertThat(open).isEqualTo(d.level(SENSOR.key()) != ThresholdDetector.Level.NORMAL);
            }
        }
    }

    /** Verifies H1: places out of their band are bounded; beyond it a raise is refused and counted. */
    @Test
    void placesOutOfTheirBandAreBounded() {
        ThresholdDetector small = new ThresholdDetector(1);
        AlarmPlace other = AlarmPlace.sensor("a-1", "env-2", "temperature", null);
        assertThat(small.reading(AlarmType.TEMPERATURE, SENSOR, 40, "C", BAND, T)).hasSize(1);
        assertThat(small.reading(AlarmType.TEMPERATURE, other, 40, "C", BAND, T)).isEmpty();
        assertThat(small.refusedCount()).isEqualTo(1);
        assertThat(small.reading(AlarmType.TEMPERATURE, other, 20, "C", BAND, T)).as("in band: nothing to keep").isEmpty();
        assertThat(small.reading(AlarmType.TEMPERATURE, SENSOR, 20, "C", BAND, T)).hasSize(1);
        assertThat(small.reading(AlarmType.TEMPERATURE, other, 40, "C", BAND, T)).hasSize(1);
    }
}
