package dev.warden.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies the re-open delays: doubling from the initial value, capped, and back to the start on reset. */
class BackoffTest {

    private static List<Duration> take(Backoff backoff, int count) {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            delays.add(backoff.next());
        }
        return delays;
    }

    @Test
    void doublesUpToTheMaximumAndStaysThere() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
        assertThat(take(backoff, 8)).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void resetStartsAgainFromTheInitialDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        take(backoff, 3);
        backoff.reset();
        assertThat(take(backoff, 2)).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void isDeterministic() {
        Backoff one = new Backoff(Duration.ofMillis(30), Duration.ofMillis(1000));
        Backoff other = new Backoff(Duration.ofMillis(30), Duration.ofMillis(1000));
        assertThat(take(one, 12)).isEqualTo(take(other, 12));
    }

    @Test
    void aHugeMaximumNeverOverflows() {
        Backoff backoff = new Backoff(Duration.ofNanos(1), Duration.ofSeconds(Long.MAX_VALUE / 2));
        List<Duration> delays = take(backoff, 200);
        assertThat(delays).isSorted().allSatisfy(delay -> assertThat(delay).isPositive());
        assertThat(delays.getLast()).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE / 2));
    }

    @Test
    void equalInitialAndMaximumGiveAConstantDelay() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(take(backoff, 3)).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
