package dev.warden.policy;

import static dev.warden.policy.EngineWorld.ALICE;
import static dev.warden.policy.EngineWorld.BOB;
import static dev.warden.policy.EngineWorld.BUILDING;
import static dev.warden.policy.EngineWorld.T0;
import static dev.warden.policy.EngineWorld.TURNSTILE;
import static dev.warden.policy.EngineWorld.VIC;
import static dev.warden.policy.EngineWorld.entry;
import static dev.warden.policy.EngineWorld.exit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Verifies that a grant at a gate moves presence only on the gate's next passage, oldest first, within 60 s. */
class GateMovesTest {

    private final AccessEngine engine = new AccessEngine();
    private final EngineWorld world = new EngineWorld();

    @Test
    void aGateGrantWaitsForThePassage() {
        AccessSnapshot snapshot = world.snapshot();
        AccessResult granted = engine.decide(entry(ALICE, TURNSTILE, T0), snapshot);
        assertThat(granted.decision().granted()).isTrue();
        assertThat(granted.changes()).isEmpty();
        assertThat(engine.presences()).isEmpty();
        PassageResult passage = engine.applyPassage(TURNSTILE, T0.plusSeconds(2), snapshot);
        assertThat(passage.changes()).singleElement().isInstanceOfSatisfying(PresenceChange.Entered.class, e -> {
            assertThat(e.presence().person()).isEqualTo(ALICE);
            assertThat(e.presence().area()).isEqualTo(BUILDING);
            assertThat(e.presence().since()).as("the passage time").isEqualTo(T0.plusSeconds(2));
            assertThat(e.presence().door()).isEqualTo(TURNSTILE);
        });
        assertThat(engine.applyPassage(TURNSTILE, T0.plusSeconds(3), snapshot).changes()).as("nothing waits").isEmpty();
    }

    @Test
    void passagesApplyTheOldestGrantFirst() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, TURNSTILE, T0), snapshot);
        engine.decide(entry(BOB, TURNSTILE, T0.plusSeconds(1)), snapshot);
        assertThat(engine.applyPassage(TURNSTILE, T0.plusSeconds(2), snapshot).changes())
                .extracting(PresenceChange::person).containsExactly(ALICE);
        assertThat(engine.applyPassage(TURNSTILE, T0.plusSeconds(3), snapshot).changes())
                .extracting(PresenceChange::person).containsExactly(BOB);
    }

    @Test
    void aGrantWaitsSixtySecondsAndNotOneMore() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, TURNSTILE, T0), snapshot);
        assertThat(engine.applyPassage(TURNSTILE, T0.plusSeconds(60), snapshot).changes()).hasSize(1);
        engine.decide(entry(BOB, TURNSTILE, T0.plusSeconds(100)), snapshot);
        assertThat(engine.applyPassage(TURNSTILE, T0.plusSeconds(161), snapshot).changes()).isEmpty();
        assertThat(engine.presences()).extracting(Presence::person).containsExactly(ALICE);
    }

    @Test
    void aPassageAtAnotherGateOrADoorMovesNobody() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, TURNSTILE, T0), snapshot);
        assertThat(engine.applyPassage(EngineWorld.MAIN, T0.plusSeconds(1), snapshot).changes()).isEmpty();
        assertThat(engine.passage(DoorId.of("gate-elsewhere"), T0.plusSeconds(1), snapshot)).isEmpty();
        assertThat(engine.applyPassage(TURNSTILE, T0.plusSeconds(2), snapshot).changes()).hasSize(1);
    }

    @Test
    void anExitThroughTheGateLeavesTheSiteOnThePassage() {
        AccessSnapshot snapshot = world.snapshot();
        engine.restore(java.util.List.of(new Presence(ALICE, BUILDING, T0, EngineWorld.MAIN, null)));
        engine.decide(exit(ALICE, TURNSTILE, T0.plusSeconds(5)), snapshot);
        assertThat(engine.presences()).hasSize(1);
        assertThat(engine.applyPassage(TURNSTILE, T0.plusSeconds(6), snapshot).changes())
                .containsExactly(new PresenceChange.Left(ALICE, BUILDING, TURNSTILE, T0.plusSeconds(6)));
        assertThat(engine.presences()).isEmpty();
    }

    @Test
    void aPersonTerminatedBetweenGrantAndPassageNeverEntersAndBecomesUnknown() {
        engine.decide(entry(ALICE, TURNSTILE, T0), world.snapshot());
        AccessSnapshot after = world.status(ALICE, PersonStatus.TERMINATED).snapshot();
        PassageResult passage = engine.applyPassage(TURNSTILE, T0.plusSeconds(1), after);
        assertThat(passage.changes()).containsExactly(new PresenceChange.Forgotten(ALICE, T0.plusSeconds(1)));
        assertThat(engine.presences()).isEmpty();
    }

    @Test
    void forgivingDropsAWaitingGateMove() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, TURNSTILE, T0), snapshot);
        engine.forgive(ALICE, T0.plusSeconds(1));
        assertThat(engine.applyPassage(TURNSTILE, T0.plusSeconds(2), snapshot).changes()).isEmpty();
    }

    @Test
    void aVisitorPassingTheGateAfterTheVisitEndedNeverEntersAndIsSignalled() {
        world.visits.removeIf(v -> v.visitor().equals(VIC));
        world.visits.add(new Visit(VisitId.of("visit-vic"), VIC, ALICE, VisitStatus.APPROVED, T0.minusSeconds(3600),
                T0.plusSeconds(10), Set.of(BUILDING)));
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, TURNSTILE, T0), snapshot);
        assertThat(engine.decide(entry(VIC, TURNSTILE, T0.plusSeconds(5)), snapshot).decision().granted()).isTrue();
        assertThat(engine.applyPassage(TURNSTILE, T0.plusSeconds(6), snapshot).changes())
                .extracting(PresenceChange::person).containsExactly(ALICE);
        PassageResult vic = engine.applyPassage(TURNSTILE, T0.plusSeconds(12), snapshot);
        assertThat(vic.changes()).containsExactly(new PresenceChange.Forgotten(VIC, T0.plusSeconds(12)));
        assertThat(vic.signals()).extracting(Signal::type, Signal::person)
                .containsExactly(Tuple.tuple(SignalType.VISIT_OVERSTAY, VIC));
        assertThat(engine.presences()).extracting(Presence::person).containsExactly(ALICE);
    }
}
