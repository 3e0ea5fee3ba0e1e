package dev.warden.policy;

import static dev.warden.policy.EngineWorld.ALICE;
import static dev.warden.policy.EngineWorld.BOB;
import static dev.warden.policy.EngineWorld.CAGE_A;
import static dev.warden.policy.EngineWorld.CAGE_DOOR;
import static dev.warden.policy.EngineWorld.CAROL;
import static dev.warden.policy.EngineWorld.HALL_1;
import static dev.warden.policy.EngineWorld.T0;
import static dev.warden.policy.EngineWorld.entry;
import static dev.warden.policy.EngineWorld.exit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verifies rule 13 (two-person areas): the pairing window's edge, distinct people, the exit that would leave one
 * person alone, re-checking the held person, and the lone-occupant signal.
 */
class TwoPersonRuleTest {

    private final AccessEngine engine = new AccessEngine();
    private final EngineWorld world = new EngineWorld();

    private String decide(AccessRequest request, AccessSnapshot snapshot) {
        return engine.decide(request, snapshot).decision().reasonCode();
    }

    private static List<PersonId> entered(AccessResult result) {
        return result.changes().stream().filter(c -> c instanceof PresenceChange.Entered).map(PresenceChange::person)
                .toList();
    }

    private List<PersonId> inCage() {
        return engine.presences().stream().filter(p -> p.area().equals(CAGE_A)).map(Presence::person).toList();
    }

    @Test
    void theFirstPersonWaitsAndASecondWithinTheWindowInclusiveLetsBothIn() {
        AccessSnapshot snapshot = world.snapshot();
        AccessResult alice = engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        assertThat(alice.decision().reasonCode()).isEqualTo("TWO_PERSON_PENDING");
        assertThat(alice.changes()).isEmpty();
        assertThat(alice.admits()).isZero();
        AccessResult bob = engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(30)), snapshot);
        assertThat(bob.decision().granted()).isTrue();
        assertThat(bob.admits()).as("one unlock lets the pair through").isEqualTo(2);
        assertThat(entered(bob)).containsExactly(ALICE, BOB);
        assertThat(bob.signals()).isEmpty();
        assertThat(inCage()).containsExactly(ALICE, BOB);
    }

    @Test
    void aSecondPersonOneSecondTooLateIsHeldInstead() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        assertThat(decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(31)), snapshot)).isEqualTo("TWO_PERSON_PENDING");
        assertThat(decide(entry(CAROL, CAGE_DOOR, T0.plusSeconds(40)), snapshot)).isEqualTo("GRANTED");
        assertThat(inCage()).containsExactly(BOB, CAROL);
    }

    @Test
    void theSamePersonTwiceIsNoPair() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        assertThat(decide(entry(ALICE, CAGE_DOOR, T0.plusSeconds(1)), snapshot)).isEqualTo("TWO_PERSON_PENDING");
        assertThat(inCage()).isEmpty();
    }

    @Test
    void aPersonIsHeldAtOneDoorOnly() {
        DoorId back = DoorId.of("door-cage-a-back");
        AccessSnapshot snapshot = world.door(new Door(back, CAGE_A, "Cage A back")).snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        engine.decide(entry(ALICE, back, T0.plusSeconds(1)), snapshot); // now held at the back door only
        assertThat(decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(2)), snapshot)).isEqualTo("TWO_PERSON_PENDING");
        assertThat(decide(entry(CAROL, back, T0.plusSeconds(3)), snapshot)).isEqualTo("GRANTED");
        assertThat(inCage()).containsExactly(ALICE, CAROL);
    }

    @Test
    void thePairMustReadAtTheSameDoor() {
        DoorId back = DoorId.of("door-cage-a-back");
        AccessSnapshot snapshot = world.door(new Door(back, CAGE_A, "Cage A back")).snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        assertThat(decide(entry(BOB, back, T0.plusSeconds(1)), snapshot)).isEqualTo("TWO_PERSON_PENDING");
    }

    @Test
    void aHeldPersonTerminatedMeanwhileDoesNotEnterAndTheSecondIsHeld() {
        engine.decide(entry(ALICE, CAGE_DOOR, T0), world.snapshot());
        AccessSnapshot after = world.status(ALICE, PersonStatus.TERMINATED).snapshot();
        AccessResult bob = engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(5)), after);
        assertThat(bob.decision().reasonCode()).isEqualTo("TWO_PERSON_PENDING");
        assertThat(bob.changes()).isEmpty();
        assertThat(decide(entry(CAROL, CAGE_DOOR, T0.plusSeconds(6)), after)).isEqualTo("GRANTED");
        assertThat(inCage()).containsExactly(BOB, CAROL);
    }

    @Test
    void leavingOnePersonAloneIsHeldUntilTheSecondLeavesWithinTheWindow() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(1)), snapshot);
        AccessResult aliceOut = engine.decide(exit(ALICE, CAGE_DOOR, T0.plusSeconds(100)), snapshot);
        assertThat(aliceOut.decision().reasonCode()).isEqualTo("TWO_PERSON_EXIT");
        assertThat(inCage()).containsExactly(ALICE, BOB);
        AccessResult bobOut = engine.decide(exit(BOB, CAGE_DOOR, T0.plusSeconds(130)), snapshot);
        assertThat(bobOut.decision().granted()).isTrue();
        assertThat(bobOut.changes()).filteredOn(c -> c instanceof PresenceChange.Left).extracting(PresenceChange::person)
                .containsExactly(ALICE, BOB);
        assertThat(inCage()).isEmpty();
        assertThat(engine.presences()).extracting(Presence::area).containsOnly(HALL_1);
        assertThat(bobOut.signals()).isEmpty();
    }

    @Test
    void aVisitorIsNeverHeldOnExitAndIsNeverTheSecondPerson() {
        AccessSnapshot snapshot = world.snapshot();
        engine.restore(List.of(new Presence(EngineWorld.VIC, CAGE_A, T0, CAGE_DOOR, ALICE),
                new Presence(BOB, CAGE_A, T0, CAGE_DOOR, null), new Presence(ALICE, CAGE_A, T0, CAGE_DOOR, null)));
        assertThat(decide(exit(BOB, CAGE_DOOR, T0.plusSeconds(10)), snapshot)).as("Alice would be left with Vic only")
                .isEqualTo("TWO_PERSON_EXIT");
        assertThat(decide(exit(EngineWorld.VIC, CAGE_DOOR, T0.plusSeconds(11)), snapshot)).isEqualTo("GRANTED");
        assertThat(inCage()).containsExactly(ALICE, BOB);
    }

    @Test
    void theSecondExitOneSecondTooLateIsHeldToo() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(1)), snapshot);
        engine.decide(exit(ALICE, CAGE_DOOR, T0.plusSeconds(100)), snapshot);
        assertThat(decide(exit(BOB, CAGE_DOOR, T0.plusSeconds(131)), snapshot)).isEqualTo("TWO_PERSON_EXIT");
        assertThat(inCage()).containsExactly(ALICE, BOB);
    }

    @Test
    void withThreeInsideOneMayLeaveAloneAndTheLastMayLeaveAlone() {
        AccessSnapshot snapshot = world.snapshot();
        engine.restore(List.of(new Presence(ALICE, CAGE_A, T0, CAGE_DOOR, null),
                new Presence(BOB, CAGE_A, T0, CAGE_DOOR, null), new Presence(CAROL, CAGE_A, T0, CAGE_DOOR, null)));
        assertThat(decide(exit(CAROL, CAGE_DOOR, T0.plusSeconds(1)), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(exit(BOB, CAGE_DOOR, T0.plusSeconds(2)), snapshot)).isEqualTo("TWO_PERSON_EXIT");
        engine.restore(List.of(new Presence(ALICE, CAGE_A, T0, CAGE_DOOR, null)));
        AccessResult lastOut = engine.decide(exit(ALICE, CAGE_DOOR, T0.plusSeconds(3)), snapshot);
        assertThat(lastOut.decision().granted()).isTrue();
        assertThat(lastOut.signals()).isEmpty();
    }

    @Test
    void presenceShowingOnePersonAloneSignalsLoneOccupant() {
        AccessSnapshot snapshot = world.snapshot();
        engine.restore(List.of(new Presence(ALICE, CAGE_A, T0, CAGE_DOOR, null),
                new Presence(BOB, CAGE_A, T0, CAGE_DOOR, null)));
        // Bob's exit from the cage was never read: he badges into hall 2, so the cage now shows Alice alone
        AccessResult bob = engine.decide(entry(BOB, EngineWorld.HALL_2_DOOR, T0.plusSeconds(10)), snapshot);
        assertThat(bob.decision().granted()).isTrue();
        assertThat(bob.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.LONE_OCCUPANT);
            assertThat(s.person()).isEqualTo(ALICE);
            assertThat(s.area()).isEqualTo(CAGE_A);
            assertThat(s.at()).isEqualTo(T0.plusSeconds(10));
        });
        // Alice leaving alone is allowed (nobody else is known inside) and raises nothing more
        AccessResult alice = engine.decide(exit(ALICE, CAGE_DOOR, T0.plusSeconds(20)), snapshot);
        assertThat(alice.decision().granted()).isTrue();
        assertThat(alice.signals()).isEmpty();
    }

    @Test
    void movingInsideANestedAreaOfTheCageKeepsBothCounted() {
        DoorId rack = DoorId.of("door-rack");
        AreaId rackArea = AreaId.of("rack-row");
        AccessSnapshot withRack = new EngineWorld().area(Area.inside(rackArea, EngineWorld.SITE, CAGE_A, "Rack row"))
                .door(new Door(rack, rackArea, "Rack row")).snapshot();
        engine.restore(List.of(new Presence(ALICE, CAGE_A, T0, CAGE_DOOR, null),
                new Presence(BOB, rackArea, T0, rack, null)));
        assertThat(engine.decide(exit(ALICE, CAGE_DOOR, T0.plusSeconds(1)), withRack).decision().reasonCode())
                .as("Bob in the rack row is inside the cage").isEqualTo("TWO_PERSON_EXIT");
        AccessResult bobOut = engine.decide(exit(BOB, rack, T0.plusSeconds(4)), withRack);
        assertThat(bobOut.decision().granted()).isTrue();
        assertThat(bobOut.signals()).isEmpty();
        assertThat(engine.decide(entry(ALICE, rack, T0.plusSeconds(5)), withRack).signals()).isEmpty();
    }

    @Test
    void aGateIntoATwoPersonAreaSignalsLoneOccupantBetweenThePassages() {
        DoorId gate = DoorId.of("gate-vault");
        AccessSnapshot snapshot = world.door(new Door(gate, CAGE_A, "Vault gate", SecondFactor.NONE, PortalKind.GATE,
                null, false)).snapshot();
        engine.decide(entry(ALICE, gate, T0), snapshot);
        assertThat(engine.decide(entry(BOB, gate, T0.plusSeconds(2)), snapshot).changes()).isEmpty();
        PassageResult first = engine.applyPassage(gate, T0.plusSeconds(3), snapshot);
        assertThat(first.changes()).extracting(PresenceChange::person).containsExactly(ALICE);
        assertThat(first.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.LONE_OCCUPANT);
            assertThat(s.person()).isEqualTo(ALICE);
            assertThat(s.area()).isEqualTo(CAGE_A);
        });
        assertThat(engine.passage(gate, T0.plusSeconds(4), snapshot)).isEmpty();
        assertThat(inCage()).containsExactly(ALICE, BOB);
    }

    // --- review findings H1, M1, H2, M2 -----------------------------------------------------------------------

    @Test
    void aHeldPartnerIsNotEnteredWithACredentialThatExpiredWhileWaiting() {
        AccessSnapshot base = world.snapshot();
        List<Credential> credentials = new ArrayList<>();
        for (Credential c : base.credentials()) {
            credentials.add(c.holder().equals(ALICE)
                    ? new Credential(c.id(), c.card(), c.holder(), c.status(), null, T0.plusSeconds(10)) : c);
        }
        AccessSnapshot snapshot = rebuild(base, credentials, 50);
        assertThat(decide(entry(ALICE, CAGE_DOOR, T0.plusSeconds(5)), snapshot)).isEqualTo("TWO_PERSON_PENDING");
        assertThat(new AccessPolicy().decide(entry(ALICE, CAGE_DOOR, T0.plusSeconds(30)), snapshot).reasonCode())
                .isEqualTo("CREDENTIAL_EXPIRED");
        AccessResult bob = engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(30)), snapshot);
        assertThat(bob.decision().reasonCode()).as("Alice is decided again at 12:00:30").isEqualTo("TWO_PERSON_PENDING");
        assertThat(bob.changes()).isEmpty();
        assertThat(inCage()).isEmpty();
    }

    @Test
    void theNewHolderOfTheHeldCardIsNoSecondPerson() {
        AccessSnapshot before = world.snapshot();
        assertThat(decide(entry(ALICE, CAGE_DOOR, T0), before)).isEqualTo("TWO_PERSON_PENDING");
        List<Credential> credentials = new ArrayList<>();
        for (Credential c : before.credentials()) {
            credentials.add(c.holder().equals(ALICE)
                    ? new Credential(CredentialId.of("cred-bob-2"), c.card(), BOB, CredentialStatus.ACTIVE, null, null)
                    : c);
        }
        AccessSnapshot after = rebuild(before, credentials, 60);
        AccessResult bob = engine.decide(entry(ALICE, CAGE_DOOR, T0.plusSeconds(10)), after); // card(ALICE): Bob's now
        assertThat(bob.decision().reasonCode()).isEqualTo("TWO_PERSON_PENDING");
        assertThat(bob.changes()).isEmpty();
        assertThat(inCage()).isEmpty();
    }

    @Test
    void aHeldReadOfAnotherCredentialOfTheSamePersonIsDropped() {
        AccessSnapshot before = world.snapshot();
        assertThat(decide(entry(ALICE, CAGE_DOOR, T0), before)).isEqualTo("TWO_PERSON_PENDING");
        // Alice's card is re-registered under a new credential id (same holder): the held read is of the old one
        List<Credential> credentials = new ArrayList<>();
        for (Credential c : before.credentials()) {
            credentials.add(c.holder().equals(ALICE)
                    ? new Credential(CredentialId.of("cred-alice-2"), c.card(), ALICE, CredentialStatus.ACTIVE, null,
                    null) : c);
        }
        AccessSnapshot after = rebuild(before, credentials, 61);
        assertThat(decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(5)), after)).isEqualTo("TWO_PERSON_PENDING");
        assertThat(inCage()).isEmpty();
    }

    @Test
    void aVisitorIsNotLetAloneIntoATwoPersonCage() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        assertThat(decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(1)), snapshot)).isEqualTo("GRANTED");
        engine.decide(exit(ALICE, CAGE_DOOR, T0.plusSeconds(5)), snapshot);
        assertThat(decide(exit(BOB, CAGE_DOOR, T0.plusSeconds(6)), snapshot)).isEqualTo("GRANTED");
        assertThat(inCage()).isEmpty();
        AccessResult vic = engine.decide(entry(EngineWorld.VIC, CAGE_DOOR, T0.plusSeconds(20)), snapshot);
        assertThat(vic.decision().granted()).as("visitor alone into the two-person cage").isFalse();
        assertThat(inCage()).isEmpty();
    }

    @Test
    void aVisitorEntersTheCageWithAPairThatHasTheirEscort() {
        AccessSnapshot snapshot = world.snapshot();
        // visitor first: waits; the pair comes and takes him along
        assertThat(decide(entry(EngineWorld.VIC, CAGE_DOOR, T0), snapshot)).isEqualTo("ESCORT_REQUIRED");
        assertThat(decide(entry(ALICE, CAGE_DOOR, T0.plusSeconds(1)), snapshot)).isEqualTo("TWO_PERSON_PENDING");
        AccessResult bob = engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(2)), snapshot);
        assertThat(bob.decision().granted()).isTrue();
        assertThat(entered(bob)).containsExactly(ALICE, BOB, EngineWorld.VIC);
        // escort first: the pair inside, the visitor follows within the window
        AccessEngine other = new AccessEngine();
        other.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        other.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(1)), snapshot);
        assertThat(other.decide(entry(EngineWorld.VIC, CAGE_DOOR, T0.plusSeconds(10)), snapshot).decision()
                .reasonCode()).isEqualTo("GRANTED");
    }

    @Test
    void aVisitorWithTheEscortAloneInsideIsHeldAsTwoPersonPending() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(1)), snapshot);
        // Bob's exit read is missed: he badges into hall 2, Alice is alone in the cage
        engine.decide(entry(BOB, EngineWorld.HALL_2_DOOR, T0.plusSeconds(3)), snapshot);
        assertThat(decide(entry(EngineWorld.VIC, CAGE_DOOR, T0.plusSeconds(5)), snapshot))
                .isEqualTo("TWO_PERSON_PENDING");
    }

    @Test
    void aTerminatedGhostDoesNotLetTheSecondToLastLeaveAlone() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, CAGE_DOOR, T0), snapshot);
        engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(1)), snapshot);
        engine.decide(entry(CAROL, CAGE_DOOR, T0.plusSeconds(10)), snapshot);
        engine.decide(entry(BOB, CAGE_DOOR, T0.plusSeconds(11)), snapshot);
        assertThat(inCage()).containsExactly(ALICE, BOB, CAROL);
        AccessSnapshot after = world.status(CAROL, PersonStatus.TERMINATED).snapshot();
        assertThat(decide(exit(BOB, CAGE_DOOR, T0.plus(Duration.ofMinutes(5))), after)).isEqualTo("TWO_PERSON_EXIT");
        // a missed exit read of Bob now leaves Alice as the one active person: lone occupant
        AccessResult bob = engine.decide(entry(BOB, EngineWorld.HALL_2_DOOR, T0.plus(Duration.ofMinutes(6))), after);
        assertThat(bob.signals()).extracting(Signal::type, Signal::person)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SignalType.LONE_OCCUPANT, ALICE));
        assertThat(inCage()).as("the ghost stays on the muster list").containsExactly(ALICE, CAROL);
    }

    @Test
    void aSuspendedOrUnknownPersonInsideIsNoSecondPerson() {
        AccessSnapshot snapshot = world.status(CAROL, PersonStatus.SUSPENDED).snapshot();
        engine.restore(List.of(new Presence(ALICE, CAGE_A, T0, CAGE_DOOR, null),
                new Presence(BOB, CAGE_A, T0, CAGE_DOOR, null), new Presence(CAROL, CAGE_A, T0, CAGE_DOOR, null),
                new Presence(PersonId.of("ghost"), CAGE_A, T0, CAGE_DOOR, null)));
        assertThat(decide(exit(BOB, CAGE_DOOR, T0.plusSeconds(1)), snapshot)).isEqualTo("TWO_PERSON_EXIT");
    }

    private static AccessSnapshot rebuild(AccessSnapshot base, List<Credential> credentials, long version) {
        return AccessSnapshot.builder(version).sites(base.sites()).areas(base.areas()).doors(base.doors())
                .persons(base.persons()).credentials(credentials).schedules(base.schedules()).levels(base.levels())
                .assignments(base.assignments()).visits(base.visits()).build();
    }
}
