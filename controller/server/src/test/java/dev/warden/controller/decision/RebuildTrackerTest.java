package dev.warden.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies when the access index counts as stale: a committed change not applied within 30 s. */
class RebuildTrackerTest {
    static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    final MutableClock clock = new MutableClock(T);
    final RebuildTracker tracker = new RebuildTracker(clock);

    @Test
    void failingRebuildsTurnStaleAfterThirtySeconds() {
        tracker.requested();
        tracker.started();
        tracker.failed(new IllegalStateException("database gone"));
        clock.advance(Duration.ofSeconds(30));
        assertThat(tracker.status().stale()).isFalse();
        tracker.started();
        tracker.failed(new IllegalStateException("database gone"));
        clock.advance(Duration.ofSeconds(1));
        RebuildTracker.Status s = tracker.status();
        assertThat(s.stale()).isTrue();
        assertThat(s.oldestPending()).isEqualTo(T);
        assertThat(s.lastError()).isEqualTo("IllegalStateException: database gone");

        tracker.started();
        tracker.succeeded();
        assertThat(tracker.status().stale()).isFalse();
        assertThat(tracker.status().lastError()).isNull();
        assertThat(tracker.status().oldestPending()).isNull();
    }

    @Test
    void aChangeRequestedDuringARebuildStaysPending() {
        tracker.requested();
        tracker.started();
        clock.advance(Duration.ofSeconds(1));
        tracker.requested();
        tracker.succeeded();
        assertThat(tracker.status().oldestPending()).isEqualTo(T.plusSeconds(1));
        clock.advance(Duration.ofSeconds(31));
        assertThat(tracker.status().stale()).as("never rebuilt since").isTrue();
        tracker.started();
        tracker.succeeded();
        assertThat(tracker.status().stale()).isFalse();
    }

    @Test
    void nothingPendingIsNeverStale() {
        clock.advance(Duration.ofDays(3));
        assertThat(tracker.status().stale()).isFalse();
    }
}
