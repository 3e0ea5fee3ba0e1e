package dev.warden.policy;

import static dev.warden.policy.EngineWorld.ALICE;
import static dev.warden.policy.EngineWorld.BOB;
import static dev.warden.policy.EngineWorld.BUILDING;
import static dev.warden.policy.EngineWorld.CAGE_A;
import static dev.warden.policy.EngineWorld.CAGE_DOOR;
import static dev.warden.policy.EngineWorld.CAROL;
import static dev.warden.policy.EngineWorld.HALL_1;
import static dev.warden.policy.EngineWorld.HALL_1_DOOR;
import static dev.warden.policy.EngineWorld.MAIN;
import static dev.warden.policy.EngineWorld.T0;
import static dev.warden.policy.EngineWorld.TERRY;
import static dev.warden.policy.EngineWorld.VIC;
import static dev.warden.policy.EngineWorld.entry;
import static dev.warden.policy.EngineWorld.exit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios through the whole engine: a working day, the signals, presence, restore, the order of the rules. */
class AccessEngineTest {

    private final AccessEngine engine = new AccessEngine();
    private final EngineWorld world = new EngineWorld();

    @Test
    void aDayInTheDataCenterMovesPresenceThroughNestedAreas() {
        AccessSnapshot snapshot = world.snapshot();
        assertThat(engine.decide(entry(BOB, MAIN, T0), snapshot).changes()).containsExactly(
                new PresenceChange.Entered(new Presence(BOB, BUILDING, T0, MAIN, null)));
        engine.decide(entry(BOB, HALL_1_DOOR, T0.plusSeconds(60)), snapshot);
        engine.decide(entry(ALICE, MAIN, T0.plusSeconds(61)), snapshot);
        engine.decide(entry(ALICE, HALL_1_DOOR, T0.plusSeconds(62)), snapshot);
        engine.decide(entry(ALICE, CAGE_DOOR, T0.plusSeconds(120)), snapshot);
        engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(125)), snapshot);
        assertThat(engine.presences()).extracting(Presence::person, Presence::area).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ALICE, CAGE_A), org.assertj.core.groups.Tuple.tuple(BOB, CAGE_A));
        engine.decide(exit(BOB, CAGE_DOOR, T0.plusSeconds(600)), snapshot);
        AccessResult out = engine.decide(exit(ALICE, CAGE_DOOR, T0.plusSeconds(610)), snapshot);
        assertThat(out.changes()).containsExactly(
                new PresenceChange.Left(BOB, CAGE_A, CAGE_DOOR, T0.plusSeconds(610)),
                new PresenceChange.Entered(new Presence(BOB, HALL_1, T0.plusSeconds(610), CAGE_DOOR, null)),
                new PresenceChange.Left(ALICE, CAGE_A, CAGE_DOOR, T0.plusSeconds(610)),
                new PresenceChange.Entered(new Presence(ALICE, HALL_1, T0.plusSeconds(610), CAGE_DOOR, null)));
        AccessResult offSite = engine.decide(exit(BOB, MAIN, T0.plusSeconds(700)), snapshot);
        assertThat(offSite.changes()).containsExactly(new PresenceChange.Left(BOB, BUILDING, MAIN, T0.plusSeconds(700)));
        assertThat(engine.presences()).extracting(Presence::person).containsExactly(ALICE);
    }

    @Test
    void aTerminatedPersonsCredentialIsSignalledWhateverDeniesIt() {
        AccessSnapshot snapshot = world.snapshot();
        AccessResult terry = engine.decide(entry(TERRY, MAIN, T0), snapshot);
        assertThat(terry.decision().reasonCode()).isEqualTo("PERSON_TERMINATED");
        assertThat(terry.changes()).isEmpty();
        assertThat(terry.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.TERMINATED_CREDENTIAL);
            assertThat(s.person()).isEqualTo(TERRY);
            assertThat(s.credential()).isEqualTo(CredentialId.of("cred-terry"));
            assertThat(s.door()).isEqualTo(MAIN);
            assertThat(s.area()).isEqualTo(BUILDING);
            assertThat(s.at()).isEqualTo(T0);
        });
        AccessResult unknownDoor = engine.decide(entry(TERRY, DoorId.of("nowhere"), T0), snapshot);
        assertThat(unknownDoor.decision().reasonCode()).isEqualTo("UNKNOWN_DOOR");
        assertThat(unknownDoor.signals()).extracting(Signal::type).containsExactly(SignalType.TERMINATED_CREDENTIAL);
        assertThat(engine.decide(entry(BOB, MAIN, T0), snapshot).signals()).isEmpty();
    }

    @Test
    void aDuressPinOpensTheDoorAndSignalsSilently() {
        AccessSnapshot snapshot = world.door(new Door(MAIN, BUILDING, "Main", SecondFactor.PIN))
                .editPerson(BOB, p -> new Person(p.id(), p.displayName(), p.kind(), p.status(), 0, false, false,
                        PinHash.of("1111", new byte[] {1}), PinHash.of("9999", new byte[] {2}))).snapshot();
        AccessResult duress = engine.decide(new AccessRequest(EngineWorld.card(BOB), MAIN, Direction.ENTRY, T0, null,
                "9999"), snapshot);
        assertThat(duress.decision().granted()).isTrue();
        assertThat(duress.changes()).hasSize(1);
        assertThat(duress.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.DURESS);
            assertThat(s.person()).isEqualTo(BOB);
            assertThat(s.detail()).doesNotContain("9999");
        });
        AccessResult normal = engine.decide(new AccessRequest(EngineWorld.card(BOB), MAIN, Direction.EXIT,
                T0.plusSeconds(1), null, "1111"), snapshot);
        assertThat(normal.signals()).isEmpty();
    }

    @Test
    void statelessDenialsComeBeforeTheStatefulRulesAndMoveNothing() {
        AccessSnapshot snapshot = world.antiPassback(BUILDING, AntiPassback.HARD, null)
                .status(CAROL, PersonStatus.SUSPENDED).snapshot();
        engine.restore(List.of(new Presence(CAROL, BUILDING, T0, MAIN, null)));
        assertThat(engine.decide(entry(CAROL, MAIN, T0.plusSeconds(1)), snapshot).decision().reasonCode())
                .isEqualTo("PERSON_SUSPENDED");
        world.visits.clear();
        AccessResult vic = engine.decide(entry(VIC, MAIN, T0), world.snapshot());
        assertThat(vic.decision().reasonCode()).isEqualTo("NO_ACTIVE_VISIT");
        assertThat(engine.presences()).extracting(Presence::person).containsExactly(CAROL);
    }

    @Test
    void passbackComesBeforeTheEscortRule() {
        AccessSnapshot snapshot = world.antiPassback(BUILDING, AntiPassback.HARD, null).snapshot();
        engine.restore(List.of(new Presence(VIC, BUILDING, T0, MAIN, null)));
        assertThat(engine.decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot).decision().reasonCode())
                .isEqualTo("PASSBACK");
        // a visitor denied by passback never waits: the escort does not take them in
        AccessResult alice = engine.decide(entry(ALICE, MAIN, T0.plusSeconds(2)), snapshot);
        assertThat(alice.changes()).extracting(PresenceChange::person).containsExactly(ALICE);
    }

    @Test
    void restoreReplacesEverythingAndPresencesIsASortedCopy() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot); // held for two-person
        engine.restore(List.of(new Presence(CAROL, HALL_1, T0, HALL_1_DOOR, null),
                new Presence(VIC, HALL_1, T0, HALL_1_DOOR, CAROL), new Presence(BOB, BUILDING, T0, MAIN, null)));
        List<Presence> presences = engine.presences();
        assertThat(presences).extracting(Presence::person).containsExactly(BOB, CAROL, VIC);
        presences.clear();
        assertThat(engine.presences()).hasSize(3);
        // the held read was dropped: Bob at the cage is held himself
        assertThat(engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(1)), snapshot).decision().reasonCode())
                .isEqualTo("TWO_PERSON_PENDING");
        // the restored escort is attached again: Carol leaving hall 1 leaves Vic unescorted
        assertThat(engine.decide(exit(CAROL, HALL_1_DOOR, T0.plusSeconds(2)), snapshot).signals())
                .extracting(Signal::type, Signal::person)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SignalType.UNESCORTED_VISITOR, VIC));
    }

    @Test
    void nullArgumentsAreRejected() {
        AccessSnapshot snapshot = world.snapshot();
        assertThatThrownBy(() -> engine.decide(null, snapshot)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> engine.decide(entry(BOB, MAIN, T0), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> engine.passage(null, T0, snapshot)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> engine.forgive(BOB, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> engine.restore(java.util.Arrays.asList((Presence) null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theResultListsAreImmutable() {
        AccessResult result = engine.decide(entry(BOB, MAIN, T0), world.snapshot());
        assertThatThrownBy(() -> result.changes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.signals().add(null)).isInstanceOf(RuntimeException.class);
    }
}
