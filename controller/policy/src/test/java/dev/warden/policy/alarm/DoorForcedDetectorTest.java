package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies door-forced detection at the edges of grant windows (with their grace) and lock reports. */
class DoorForcedDetectorTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    final DoorForcedDetector forced = new DoorForcedDetector(Duration.ofSeconds(2));

    @Test
    void openingWithoutAnyPermitIsForced() {
        var raise = forced.contact("d", true, T);
        assertThat(raise).get().satisfies(t -> {
            assertThat(t).isInstanceOf(AlarmTrigger.Raise.class);
            assertThat(t.type()).isEqualTo(AlarmType.DOOR_FORCED);
            assertThat(t.place().key()).isEqualTo("door:d");
            assertThat(t.place().doorId()).isEqualTo("d");
            assertThat(t.at()).isEqualTo(T);
        });
    }

    @Test
    void aGrantWindowCoversItsUnlockTimePlusGraceOnBothSides() {
        forced.permit("d", T, T.plusSeconds(5));
        assertThat(forced.permitted("d", T.minusSeconds(2))).as("grace before").isTrue();
        assertThat(forced.permitted("d", T.minusSeconds(2).minusMillis(1))).isFalse();
        assertThat(forced.permitted("d", T.plusSeconds(7))).as("unlock + grace").isTrue();
        assertThat(forced.permitted("d", T.plusSeconds(7).plusMillis(1))).isFalse();
    }

    @Test
    void openingAtTheWindowsLastInstantIsFineAndAfterItIsForced() {
        forced.permit("d", T, T.plusSeconds(5));
        assertThat(forced.contact("d", true, T.plusSeconds(7))).isEmpty();
        assertThat(forced.contact("d", false, T.plusSeconds(9))).isEmpty();
        assertThat(forced.contact("d", true, T.plusSeconds(7).plusMillis(1).plusSeconds(10))).isPresent();
    }

    @Test
    void everyOpenReportOutsideAPermitIsJudged() {
        assertThat(forced.contact("d", true, T)).isPresent();
        assertThat(forced.contact("d", false, T.plusSeconds(2))).isEmpty();
        assertThat(forced.contact("d", true, T.plusSeconds(3))).isPresent();
    }

    /** Verifies M2: a permitted OPEN whose CLOSED was lost never silences a later forcing of the door. */
    @Test
    void aLostClosedNeverSilencesTheDoor() {
        forced.permit("d", T, T.plusSeconds(5));
        assertThat(forced.contact("d", true, T.plusSeconds(1))).isEmpty();
        var forcedLater = forced.contact("d", true, T.plusSeconds(3600), T.plusSeconds(3590));
        assertThat(forcedLater).get().satisfies(t -> {
            assertThat(t.at()).isEqualTo(T.plusSeconds(3600));
            assertThat(t.detail()).as("M3: the agent's time in the detail").contains(T.plusSeconds(3590).toString());
        });
    }

    /** Verifies H1: doors remembered are bounded; beyond it permits are not kept (counted). */
    @Test
    void doorsRememberedAreBounded() {
        DoorForcedDetector small = new DoorForcedDetector(Duration.ofSeconds(2), 1);
        small.permit("a", T, T.plusSeconds(5));
        small.permit("b", T, T.plusSeconds(5));
        assertThat(small.refusedCount()).isEqualTo(1);
        assertThat(small.permitted("a", T)).isTrue();
        assertThat(small.permitted("b", T)).isFalse();
    }

    @Test
    void aLockReportingUnlockedPermitsUntilItReportsLocked() {
        forced.lock("d", true, T);
        assertThat(forced.contact("d", true, T.plusSeconds(3600))).isEmpty();
        forced.contact("d", false, T.plusSeconds(3601));
        forced.lock("d", false, T.plusSeconds(3602));
        assertThat(forced.contact("d", true, T.plusSeconds(3603))).isPresent();
    }

    @Test
    void lockedEndsTheWindowEarlyButAStaleLockedDoesNot() {
        forced.permit("d", T, T.plusSeconds(30));
        forced.lock("d", false, T.minusSeconds(10));
        assertThat(forced.permitted("d", T.plusSeconds(20))).as("a LOCKED from before the grant").isTrue();
        forced.lock("d", false, T.plusSeconds(5));
        assertThat(forced.permitted("d", T.plusSeconds(7))).as("relock + grace").isTrue();
        assertThat(forced.permitted("d", T.plusSeconds(8))).isFalse();
    }

    @Test
    void overlappingGrantsExtendTheWindowAndAnOlderOneNeverShortensIt() {
        forced.permit("d", T, T.plusSeconds(5));
        forced.permit("d", T.plusSeconds(4), T.plusSeconds(9));
        assertThat(forced.permitted("d", T.plusSeconds(10))).isTrue();
        assertThat(forced.permitted("d", T)).isTrue();
        forced.permit("d", T.minusSeconds(100), T.minusSeconds(95));
        assertThat(forced.permitted("d", T.plusSeconds(10))).isTrue();
    }

    @Test
    void doorsAreIndependent() {
        forced.permit("a", T, T.plusSeconds(5));
        assertThat(forced.contact("a", true, T.plusSeconds(1))).isEmpty();
        assertThat(forced.contact("b", true, T.plusSeconds(1))).isPresent();
    }
}
