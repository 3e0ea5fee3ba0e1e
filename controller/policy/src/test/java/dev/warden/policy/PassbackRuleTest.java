package dev.warden.policy;

import static dev.warden.policy.EngineWorld.BOB;
import static dev.warden.policy.EngineWorld.BUILDING;
import static dev.warden.policy.EngineWorld.CAGE_DOOR;
import static dev.warden.policy.EngineWorld.HALL_1;
import static dev.warden.policy.EngineWorld.HALL_1_DOOR;
import static dev.warden.policy.EngineWorld.HALL_2_DOOR;
import static dev.warden.policy.EngineWorld.MAIN;
import static dev.warden.policy.EngineWorld.T0;
import static dev.warden.policy.EngineWorld.entry;
import static dev.warden.policy.EngineWorld.exit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies rule 11 (anti-passback per area: hard, soft, timed; nested areas; unknown presence; forgiving). */
class PassbackRuleTest {

    private final AccessEngine engine = new AccessEngine();

    private String decide(AccessRequest request, AccessSnapshot snapshot) {
        return engine.decide(request, snapshot).decision().reasonCode();
    }

    @Test
    void hardDeniesASecondEntryAndAnExitBySomeoneOutsideButNeverAnUnknownPerson() {
        AccessSnapshot snapshot = new EngineWorld().antiPassback(BUILDING, AntiPassback.HARD, null).snapshot();
        assertThat(decide(exit(BOB, MAIN, T0), snapshot)).as("unknown presence never denies").isEqualTo("GRANTED");
        assertThat(decide(exit(BOB, MAIN, T0.plusSeconds(1)), snapshot)).as("known off site").isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(2)), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(3)), snapshot)).isEqualTo("PASSBACK");
        assertThat(decide(exit(BOB, MAIN, T0.plusSeconds(4)), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(5)), snapshot)).isEqualTo("GRANTED");
    }

    @Test
    void beingInsideANestedAreaMeansBeingInsideItsAncestors() {
        AccessSnapshot snapshot = new EngineWorld().antiPassback(BUILDING, AntiPassback.HARD, null)
                .antiPassback(HALL_1, AntiPassback.HARD, null).twoPerson(EngineWorld.CAGE_A, null).snapshot();
        assertThat(decide(entry(BOB, CAGE_DOOR, T0), snapshot)).isEqualTo("GRANTED"); // now in cage-a
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(1)), snapshot)).as("in cage-a = in the building")
                .isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, HALL_1_DOOR, T0.plusSeconds(2)), snapshot)).as("in cage-a = in hall-1")
                .isEqualTo("PASSBACK");
        assertThat(decide(exit(BOB, HALL_2_DOOR, T0.plusSeconds(3)), snapshot)).as("hall-2 has no anti-passback")
                .isEqualTo("GRANTED");
        // that EXIT moved Bob from hall-2 to the building: he is now outside hall-1
        assertThat(decide(exit(BOB, HALL_1_DOOR, T0.plusSeconds(4)), snapshot)).isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, HALL_1_DOOR, T0.plusSeconds(5)), snapshot)).isEqualTo("GRANTED");
    }

    @Test
    void softGrantsAndSignals() {
        AccessSnapshot snapshot = new EngineWorld().antiPassback(BUILDING, AntiPassback.SOFT, null).snapshot();
        AccessResult first = engine.decide(entry(BOB, MAIN, T0), snapshot);
        assertThat(first.signals()).isEmpty();
        AccessResult second = engine.decide(entry(BOB, MAIN, T0.plusSeconds(1)), snapshot);
        assertThat(second.decision().granted()).isTrue();
        assertThat(second.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.PASSBACK);
            assertThat(s.person()).isEqualTo(BOB);
            assertThat(s.area()).isEqualTo(BUILDING);
            assertThat(s.door()).isEqualTo(MAIN);
        });
    }

    @Test
    void timedDeniesReentryUntilTheIntervalHasPassedToTheSecond() {
        AccessSnapshot snapshot = new EngineWorld()
                .antiPassback(BUILDING, AntiPassback.TIMED, Duration.ofMinutes(5)).snapshot();
        assertThat(decide(entry(BOB, MAIN, T0), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(exit(BOB, MAIN, T0.plusSeconds(10)), snapshot)).as("exit is free").isEqualTo("GRANTED");
        Instant free = T0.plus(Duration.ofMinutes(5));
        assertThat(decide(entry(BOB, MAIN, free.minusSeconds(1)), snapshot)).isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, MAIN, free), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(BOB, MAIN, free.plusSeconds(1)), snapshot)).as("counted from the last entry")
                .isEqualTo("PASSBACK");
    }

    @Test
    void forgivingMakesPresenceUnknownSoNothingIsDenied() {
        AccessSnapshot snapshot = new EngineWorld().antiPassback(BUILDING, AntiPassback.HARD, null).snapshot();
        engine.decide(entry(BOB, MAIN, T0), snapshot);
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(1)), snapshot)).isEqualTo("PASSBACK");
        assertThat(engine.forgive(BOB, T0.plusSeconds(2)))
                .containsExactly(new PresenceChange.Forgotten(BOB, T0.plusSeconds(2)));
        assertThat(engine.presences()).isEmpty();
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(3)), snapshot)).isEqualTo("GRANTED");
    }

    @Test
    void forgivingAlsoClearsTimedState() {
        AccessSnapshot snapshot = new EngineWorld()
                .antiPassback(BUILDING, AntiPassback.TIMED, Duration.ofMinutes(5)).snapshot();
        engine.decide(entry(BOB, MAIN, T0), snapshot);
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(1)), snapshot)).isEqualTo("PASSBACK");
        engine.forgive(BOB, T0.plusSeconds(2));
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(3)), snapshot)).isEqualTo("GRANTED");
    }

    @Test
    void aRestoredPresenceCountsForHardAndTimed() {
        AccessSnapshot snapshot = new EngineWorld()
                .antiPassback(BUILDING, AntiPassback.HARD, null)
                .antiPassback(HALL_1, AntiPassback.TIMED, Duration.ofMinutes(1)).snapshot();
        engine.restore(java.util.List.of(new Presence(BOB, HALL_1, T0, HALL_1_DOOR, null)));
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(1)), snapshot)).isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, HALL_1_DOOR, T0.plusSeconds(59)), snapshot)).isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, HALL_1_DOOR, T0.plusSeconds(60)), snapshot)).isEqualTo("GRANTED");
    }

    // --- review finding H3: a move waiting at a gate counts as made ---------------------------------------------

    @Test
    void aSecondEntryBeforeThePassageIsPassback() {
        AccessSnapshot snapshot = new EngineWorld().antiPassback(BUILDING, AntiPassback.HARD, null).snapshot();
        assertThat(decide(entry(BOB, EngineWorld.TURNSTILE, T0), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(BOB, EngineWorld.TURNSTILE, T0.plusSeconds(2)), snapshot)).isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(2)), snapshot)).as("at any door").isEqualTo("PASSBACK");
        assertThat(engine.applyPassage(EngineWorld.TURNSTILE, T0.plusSeconds(3), snapshot).changes()).hasSize(1);
        assertThat(engine.applyPassage(EngineWorld.TURNSTILE, T0.plusSeconds(4), snapshot).changes())
                .as("one grant, one move").isEmpty();
        // an exit granted at the gate counts as made too
        assertThat(decide(exit(BOB, EngineWorld.TURNSTILE, T0.plusSeconds(10)), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(exit(BOB, MAIN, T0.plusSeconds(11)), snapshot)).isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(12)), snapshot)).isEqualTo("GRANTED");
    }

    @Test
    void aGateMoveThatWasNeverWalkedThroughStopsCountingWhenDropped() {
        AccessSnapshot snapshot = new EngineWorld().antiPassback(BUILDING, AntiPassback.HARD, null).snapshot();
        assertThat(decide(entry(BOB, EngineWorld.TURNSTILE, T0), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(BOB, EngineWorld.TURNSTILE, T0.plusSeconds(60)), snapshot)).isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, EngineWorld.TURNSTILE, T0.plusSeconds(61)), snapshot)).isEqualTo("GRANTED");
    }

    @Test
    void softSignalsASecondEntryBeforeThePassage() {
        AccessSnapshot snapshot = new EngineWorld().antiPassback(BUILDING, AntiPassback.SOFT, null).snapshot();
        assertThat(engine.decide(entry(BOB, EngineWorld.TURNSTILE, T0), snapshot).signals()).isEmpty();
        AccessResult again = engine.decide(entry(BOB, EngineWorld.TURNSTILE, T0.plusSeconds(2)), snapshot);
        assertThat(again.decision().granted()).isTrue();
        assertThat(again.signals()).extracting(Signal::type).containsExactly(SignalType.PASSBACK);
    }

    @Test
    void timedCountsAnEntryWaitingAtTheGateFromItsGrant() {
        AccessSnapshot snapshot = new EngineWorld()
                .antiPassback(BUILDING, AntiPassback.TIMED, Duration.ofMinutes(5)).snapshot();
        assertThat(decide(entry(BOB, EngineWorld.TURNSTILE, T0), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(BOB, EngineWorld.TURNSTILE, T0.plusSeconds(2)), snapshot)).isEqualTo("PASSBACK");
        engine.applyPassage(EngineWorld.TURNSTILE, T0.plusSeconds(3), snapshot);
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(302)), snapshot)).as("counted from the passage")
                .isEqualTo("PASSBACK");
        assertThat(decide(entry(BOB, MAIN, T0.plusSeconds(303)), snapshot)).isEqualTo("GRANTED");
    }
}
