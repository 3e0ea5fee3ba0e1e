package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies held-open detection a tick before and after the held-open time, once per opening, cleared on CLOSED. */
class DoorHeldDetectorTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    final DoorHeldDetector held = new DoorHeldDetector(Duration.ofSeconds(30));

    @Test
    void raisedOnlyStrictlyAfterTheHeldOpenTimeAndOnce() {
        held.contact("d", true, T, true);
        assertThat(held.tick(T.plusSeconds(29))).isEmpty();
        assertThat(held.tick(T.plusSeconds(30))).as("exactly the held-open time is not past it").isEmpty();
        var raised = held.tick(T.plusSeconds(30).plusMillis(1));
        assertThat(raised).singleElement().satisfies(t -> {
            assertThat(t).isInstanceOf(AlarmTrigger.Raise.class);
            assertThat(t.type()).isEqualTo(AlarmType.DOOR_HELD);
            assertThat(t.place().key()).isEqualTo("door:d");
        });
        assertThat(held.tick(T.plusSeconds(60))).as("once per opening").isEmpty();
    }

    @Test
    void closingClearsARaisedAlarmAndEndsTheOpening() {
        held.contact("d", true, T, true);
        held.tick(T.plusSeconds(31));
        var cleared = held.contact("d", false, T.plusSeconds(40), true);
        assertThat(cleared).get().isInstanceOf(AlarmTrigger.Clear.class)
                .extracting(AlarmTrigger::type).isEqualTo(AlarmType.DOOR_HELD);
        assertThat(held.openDoors()).isZero();
        held.contact("d", true, T.plusSeconds(50), true);
        assertThat(held.tick(T.plusSeconds(81))).as("a new opening is timed afresh").hasSize(1);
    }

    @Test
    void closingBeforeTheTimeRaisesAndClearsNothing() {
        held.contact("d", true, T, true);
        assertThat(held.contact("d", false, T.plusSeconds(29), true)).isEmpty();
        assertThat(held.tick(T.plusSeconds(100))).isEmpty();
    }

    @Test
    void aForcedOpeningIsNotAHeldDoor() {
        held.contact("d", true, T, false);
        assertThat(held.tick(T.plusSeconds(100))).isEmpty();
        assertThat(held.contact("d", false, T.plusSeconds(101), false)).isEmpty();
    }

    /** Verifies M2: an OPEN while open means a CLOSED was lost; it starts a new opening, timed afresh. */
    @Test
    void aRepeatedOpenReportStartsANewOpening() {
        held.contact("d", true, T, true);
        held.contact("d", true, T.plusSeconds(20), true);
        assertThat(held.tick(T.plusSeconds(31))).as("the new opening is 11 s old").isEmpty();
        assertThat(held.tick(T.plusSeconds(51))).hasSize(1);
    }

    /** Verifies M2: after a DOOR_HELD whose CLOSED was lost, the next day's opening raises again and CLOSED clears. */
    @Test
    void aLostClosedAfterAHeldDoorNeverSilencesIt() {
        held.contact("d", true, T, true);
        assertThat(held.tick(T.plusSeconds(31))).hasSize(1);
        Instant nextDay = T.plus(Duration.ofDays(1));
        held.contact("d", true, nextDay, true);
        assertThat(held.tick(nextDay.plusSeconds(31))).as("the next day's opening raises").hasSize(1);
        assertThat(held.contact("d", false, nextDay.plusSeconds(40), true)).get()
                .isInstanceOf(AlarmTrigger.Clear.class);
    }

    /** Verifies M2: an unraised earlier opening with a lost CLOSED: the new one still clears only its own alarm. */
    @Test
    void anEarlierRaisedOpeningIsStillClearedByTheNextClosed() {
        held.contact("d", true, T, true);
        held.tick(T.plusSeconds(31));
        held.contact("d", true, T.plusSeconds(40), false);
        assertThat(held.contact("d", false, T.plusSeconds(45), false)).as("the earlier alarm clears").isPresent();
    }

    @Test
    void openDoorsAreBounded() {
        DoorHeldDetector small = new DoorHeldDetector(Duration.ofSeconds(30), 1);
        small.contact("a", true, T, true);
        small.contact("b", true, T, true);
        assertThat(small.refusedCount()).isEqualTo(1);
        assertThat(small.openDoors()).isEqualTo(1);
    }

    @Test
    void theHeldOpenTimeMustBePositive() {
        assertThatThrownBy(() -> new DoorHeldDetector(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
