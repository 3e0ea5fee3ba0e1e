package dev.warden.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies the lockout arithmetic of SignInThrottle on a clock the test moves by hand. */
class SignInThrottleTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    final SignInThrottle throttle = new SignInThrottle(clock, 2);

    @Test
    void lockoutGrowsExponentiallyPerUserName() {
        for (int i = 0; i < SignInThrottle.FREE_PER_USER - 1; i++) {
            throttle.failed("ann", "10.0.0.1");
            assertThat(throttle.lockedFor("ann", "10.0.0.1")).isZero();
        }
        throttle.failed("ann", "10.0.0.1");
        assertThat(throttle.lockedFor("ann", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("ann", "10.0.0.9")).isZero();
        throttle.failed("ann", "10.0.0.1");
        assertThat(throttle.lockedFor("ann", "10.0.0.9")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("ann", "10.0.0.1");
        assertThat(throttle.lockedFor("ann", "10.0.0.9")).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.lockedFor("bob", "10.0.0.9")).as("other names, other addresses are free").isZero();

        throttle.succeeded("ann");
        assertThat(throttle.lockedFor("ann", "10.0.0.9")).isZero();
    }

    @Test
    void lockoutIsCappedAndForgotten() {
        for (int i = 0; i < 60; i++) {
            throttle.failed("eve", "10.0.0.2");
        }
        assertThat(throttle.lockedFor("eve", "10.0.0.3")).isEqualTo(SignInThrottle.MAX_LOCK);
        clock.advance(SignInThrottle.FORGET);
        assertThat(throttle.lockedFor("eve", "10.0.0.2")).isZero();
    }

    @Test
    void oneAddressTryingManyNamesIsLockedToo() {
        for (int i = 0; i < SignInThrottle.FREE_PER_CLIENT; i++) {
            throttle.failed("name-" + i, "10.0.0.4");
        }
        assertThat(throttle.lockedFor("fresh-name", "10.0.0.4")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("fresh-name", "10.0.0.5")).isZero();
    }

    @Test
    void trackedKeysAreBounded() {
        for (int i = 0; i < SignInThrottle.MAX_KEYS + 500; i++) {
            throttle.failed("u" + i, "a" + i);
        }
        assertThat(throttle.trackedKeys()).isEqualTo(2 * SignInThrottle.MAX_KEYS);
    }

    @Test
    void verificationsAreBounded() throws InterruptedException {
        assertThat(throttle.acquireVerification()).isTrue();
        assertThat(throttle.acquireVerification()).isTrue();
        long started = System.nanoTime();
        assertThat(throttle.acquireVerification()).as("no third permit").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        throttle.releaseVerification();
        assertThat(throttle.acquireVerification()).isTrue();
    }
}
