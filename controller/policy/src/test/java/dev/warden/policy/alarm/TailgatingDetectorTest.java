package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies that each grant lets exactly one passage through within its window, and any extra passage raises. */
class TailgatingDetectorTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration UNLOCK = Duration.ofSeconds(5);
    final TailgatingDetector gates = new TailgatingDetector(Duration.ofSeconds(2));

    @Test
    void onePassagePerGrant() {
        gates.granted("g", T, UNLOCK);
        assertThat(gates.passage("g", T.plusSeconds(1))).isEmpty();
        var tailgate = gates.passage("g", T.plusSeconds(2));
        assertThat(tailgate).get().satisfies(t -> {
            assertThat(t.type()).isEqualTo(AlarmType.TAILGATING);
            assertThat(t.place().key()).isEqualTo("door:g");
        });
    }

    @Test
    void twoGrantsTwoPassages() {
        gates.granted("g", T, UNLOCK);
        gates.granted("g", T.plusSeconds(1), UNLOCK);
        assertThat(gates.passage("g", T.plusSeconds(2))).isEmpty();
        assertThat(gates.passage("g", T.plusSeconds(3))).isEmpty();
        assertThat(gates.passage("g", T.plusSeconds(4))).isPresent();
    }

    @Test
    void theGrantWindowEndsAfterUnlockPlusGrace() {
        gates.granted("g", T, UNLOCK);
        assertThat(gates.passage("g", T.plusSeconds(7))).as("last instant of the window").isEmpty();
        gates.granted("g", T.plusSeconds(100), UNLOCK);
        assertThat(gates.passage("g", T.plusSeconds(107).plusMillis(1))).as("one ms too late").isPresent();
        assertThat(gates.unusedGrants("g")).isZero();
    }

    @Test
    void aPassageJustBeforeTheGrantWithinGraceUsesIt() {
        gates.granted("g", T, UNLOCK);
        assertThat(gates.passage("g", T.minusSeconds(2))).isEmpty();
        gates.granted("g", T.plusSeconds(50), UNLOCK);
        assertThat(gates.passage("g", T.plusSeconds(48).minusMillis(1))).isPresent();
        assertThat(gates.unusedGrants("g")).as("the early passage did not use the later grant").isEqualTo(1);
    }

    @Test
    void aPassageWithNoGrantAtAllRaisesAndGatesAreIndependent() {
        gates.granted("a", T, UNLOCK);
        assertThat(gates.passage("b", T)).isPresent();
        assertThat(gates.passage("a", T)).isEmpty();
    }

    /** Verifies M4: a grant that also let a held partner or visitor in covers as many passages as it admits. */
    @Test
    void aGrantAdmittingTwoCoversTwoPassages() {
        gates.granted("g", T, UNLOCK, 2);
        assertThat(gates.passage("g", T.plusSeconds(1))).isEmpty();
        assertThat(gates.passage("g", T.plusSeconds(2))).isEmpty();
        assertThat(gates.passage("g", T.plusSeconds(3))).as("a third person").isPresent();
    }

    @Test
    void gatesRememberedAreBounded() {
        TailgatingDetector small = new TailgatingDetector(java.time.Duration.ofSeconds(2), 1);
        small.granted("a", T, UNLOCK);
        small.granted("b", T, UNLOCK);
        assertThat(small.refusedCount()).isEqualTo(1);
        assertThat(small.unusedGrants("b")).isZero();
    }

    @Test
    void pruneDropsExpiredGrantsAndPendingGrantsAreBounded() {
        gates.granted("g", T, UNLOCK);
        gates.prune(T.plusSeconds(8));
        assertThat(gates.unusedGrants("g")).isZero();
        for (int i = 0; i < TailgatingDetector.MAX_PENDING + 10; i++) {
            gates.granted("g", T, UNLOCK);
        }
        assertThat(gates.unusedGrants("g")).isEqualTo(TailgatingDetector.MAX_PENDING);
    }
}
