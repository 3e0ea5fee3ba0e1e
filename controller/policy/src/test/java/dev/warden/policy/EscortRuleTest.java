package dev.warden.policy;

import static dev.warden.policy.EngineWorld.ALICE;
import static dev.warden.policy.EngineWorld.BOB;
import static dev.warden.policy.EngineWorld.BUILDING;
import static dev.warden.policy.EngineWorld.CAROL;
import static dev.warden.policy.EngineWorld.HALL_1;
import static dev.warden.policy.EngineWorld.HALL_1_DOOR;
import static dev.warden.policy.EngineWorld.HALL_2_DOOR;
import static dev.warden.policy.EngineWorld.MAIN;
import static dev.warden.policy.EngineWorld.T0;
import static dev.warden.policy.EngineWorld.VERA;
import static dev.warden.policy.EngineWorld.VIC;
import static dev.warden.policy.EngineWorld.entry;
import static dev.warden.policy.EngineWorld.exit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Verifies rule 12 (visitor escort): the window edges either way round, the Nth visitor of an escort, who may escort,
 * the waiting visitor entering with the escort, and the unescorted-visitor signal.
 */
class EscortRuleTest {

    private static final PersonId WALT = PersonId.of("walt");

    private final AccessEngine engine = new AccessEngine();
    private final EngineWorld world = new EngineWorld();

    private String decide(AccessRequest request, AccessSnapshot snapshot) {
        return engine.decide(request, snapshot).decision().reasonCode();
    }

    private static List<PersonId> entered(AccessResult result) {
        return result.changes().stream().filter(c -> c instanceof PresenceChange.Entered).map(PresenceChange::person)
                .toList();
    }

    @Test
    void escortFirstTheVisitorPassesUpToTheWindowInclusive() {
        AccessSnapshot snapshot = world.snapshot();
        assertThat(decide(entry(ALICE, MAIN, T0), snapshot)).isEqualTo("GRANTED");
        AccessResult vic = engine.decide(entry(VIC, MAIN, T0.plusSeconds(30)), snapshot);
        assertThat(vic.decision().reasonCode()).isEqualTo("GRANTED");
        assertThat(vic.changes()).singleElement().isInstanceOfSatisfying(PresenceChange.Entered.class,
                e -> assertThat(e.presence().escort()).isEqualTo(ALICE));
        assertThat(decide(entry(VERA, MAIN, T0.plusSeconds(31)), snapshot)).as("a second too late")
                .isEqualTo("ESCORT_REQUIRED");
    }

    @Test
    void visitorFirstWaitsAndEntersWithTheEscortUpToTheWindowInclusive() {
        AccessSnapshot snapshot = world.snapshot();
        AccessResult vic = engine.decide(entry(VIC, MAIN, T0), snapshot);
        assertThat(vic.decision().reasonCode()).isEqualTo("ESCORT_REQUIRED");
        assertThat(vic.changes()).isEmpty();
        AccessResult alice = engine.decide(entry(ALICE, MAIN, T0.plusSeconds(30)), snapshot);
        assertThat(alice.decision().granted()).isTrue();
        assertThat(entered(alice)).containsExactly(ALICE, VIC);
        assertThat(engine.presences()).extracting(Presence::person, Presence::escort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ALICE, null),
                        org.assertj.core.groups.Tuple.tuple(VIC, ALICE));
    }

    @Test
    void aVisitorWaitingOneSecondTooLongIsNotTakenAlong() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(VIC, MAIN, T0), snapshot);
        AccessResult alice = engine.decide(entry(ALICE, MAIN, T0.plusSeconds(31)), snapshot);
        assertThat(entered(alice)).containsExactly(ALICE);
    }

    @Test
    void theEscortMustBadgeAtTheSameDoor() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, HALL_1_DOOR, T0), snapshot);
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot)).isEqualTo("ESCORT_REQUIRED");
    }

    @Test
    void theThirdVisitorOfAnEscortWithCapacityTwoIsDeniedCapacity() {
        AccessSnapshot snapshot = world.person(new Person(WALT, "Walt", PersonKind.VISITOR, PersonStatus.ACTIVE))
                .snapshot();
        world.visits.add(new Visit(VisitId.of("visit-walt"), WALT, ALICE, VisitStatus.APPROVED, T0.minusSeconds(60),
                T0.plusSeconds(3600), Set.of(BUILDING)));
        snapshot = world.snapshot();
        engine.decide(entry(ALICE, MAIN, T0), snapshot);
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(VERA, MAIN, T0.plusSeconds(2)), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(WALT, MAIN, T0.plusSeconds(3)), snapshot)).isEqualTo("ESCORT_CAPACITY");
        // a second escort at the door takes the third
        engine.decide(entry(CAROL, MAIN, T0.plusSeconds(4)), snapshot);
        assertThat(decide(entry(WALT, MAIN, T0.plusSeconds(5)), snapshot)).isEqualTo("GRANTED");
    }

    @Test
    void anEscortTakesWaitingVisitorsOnlyUpToCapacityOldestFirst() {
        EngineWorld one = new EngineWorld();
        Site s = one.site;
        AccessSnapshot snapshot = one.site(new Site(s.id(), s.zone(), s.threat(), false, s.escortWindow(), 1))
                .snapshot();
        engine.decide(entry(VERA, MAIN, T0), snapshot);
        engine.decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot);
        AccessResult alice = engine.decide(entry(ALICE, MAIN, T0.plusSeconds(2)), snapshot);
        assertThat(entered(alice)).containsExactly(ALICE, VERA);
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(3)), snapshot)).isEqualTo("ESCORT_CAPACITY");
    }

    @Test
    void aVisitorAlreadyWithTheEscortDoesNotCountAgainstTheirCapacity() {
        EngineWorld one = new EngineWorld().twoPerson(EngineWorld.CAGE_A, null);
        Site s = one.site;
        AccessSnapshot snapshot = one.site(new Site(s.id(), s.zone(), s.threat(), false, s.escortWindow(), 1))
                .snapshot();
        engine.decide(entry(ALICE, MAIN, T0), snapshot);
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot)).isEqualTo("GRANTED");
        engine.decide(entry(ALICE, HALL_1_DOOR, T0.plusSeconds(60)), snapshot);
        assertThat(decide(entry(VIC, HALL_1_DOOR, T0.plusSeconds(61)), snapshot)).isEqualTo("GRANTED");
    }

    @Test
    void onlyActivePeopleWhoMayEscortAndAreNotVisitorsEscort() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(BOB, MAIN, T0), snapshot); // Bob may not escort
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot)).isEqualTo("ESCORT_REQUIRED");
        AccessSnapshot escortingVisitor = new EngineWorld().editPerson(VERA, p -> new Person(p.id(), p.displayName(),
                p.kind(), p.status(), 0, true, false, null, null)).snapshot();
        AccessEngine other = new AccessEngine();
        other.decide(entry(ALICE, MAIN, T0), escortingVisitor);
        assertThat(other.decide(entry(VERA, MAIN, T0.plusSeconds(1)), escortingVisitor).decision().granted()).isTrue();
        assertThat(other.decide(entry(VERA, HALL_1_DOOR, T0.plusSeconds(100)), escortingVisitor).decision()
                .reasonCode()).isEqualTo("ESCORT_REQUIRED");
        assertThat(other.decide(entry(VIC, HALL_1_DOOR, T0.plusSeconds(101)), escortingVisitor).decision()
                .reasonCode()).as("a visitor never escorts").isEqualTo("ESCORT_REQUIRED");
    }

    @Test
    void anEscortSuspendedAfterBadgingEscortsNobody() {
        AccessSnapshot before = world.snapshot();
        engine.decide(entry(ALICE, MAIN, T0), before);
        AccessSnapshot after = world.status(ALICE, PersonStatus.SUSPENDED).snapshot();
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(1)), after)).isEqualTo("ESCORT_REQUIRED");
    }

    @Test
    void aWaitingVisitorTerminatedMeanwhileNeverEnters() {
        engine.decide(entry(VIC, MAIN, T0), world.snapshot());
        AccessSnapshot after = world.status(VIC, PersonStatus.TERMINATED).snapshot();
        AccessResult alice = engine.decide(entry(ALICE, MAIN, T0.plusSeconds(5)), after);
        assertThat(entered(alice)).containsExactly(ALICE);
        assertThat(engine.presences()).extracting(Presence::person).containsExactly(ALICE);
    }

    @Test
    void aVisitorWaitsAtOneDoorOnlyAndStopsWaitingOnceGrantedElsewhere() {
        AccessSnapshot snapshot = world.twoPerson(EngineWorld.CAGE_A, null).snapshot();
        engine.decide(entry(VIC, MAIN, T0), snapshot); // waits at the main door
        engine.decide(entry(CAROL, HALL_1_DOOR, T0.plusSeconds(1)), snapshot);
        assertThat(decide(entry(VIC, HALL_1_DOOR, T0.plusSeconds(2)), snapshot)).isEqualTo("GRANTED");
        AccessResult alice = engine.decide(entry(ALICE, MAIN, T0.plusSeconds(3)), snapshot);
        assertThat(entered(alice)).as("Vic no longer waits at the main door").containsExactly(ALICE);
        engine.decide(entry(VERA, MAIN, T0.plusSeconds(40)), snapshot); // waits at the main door ...
        engine.decide(entry(VERA, HALL_2_DOOR, T0.plusSeconds(41)), snapshot); // ... now at hall 2 instead
        AccessResult carol = engine.decide(entry(CAROL, MAIN, T0.plusSeconds(42)), snapshot);
        assertThat(entered(carol)).containsExactly(CAROL);
        assertThat(entered(engine.decide(entry(ALICE, HALL_2_DOOR, T0.plusSeconds(43)), snapshot)))
                .containsExactly(ALICE, VERA);
    }

    @Test
    void exitsNeedNoEscort() {
        AccessSnapshot snapshot = world.snapshot();
        assertThat(decide(exit(VIC, MAIN, T0), snapshot)).isEqualTo("GRANTED");
    }

    @Test
    void anEscortLeavingTheVisitorsAreaSignalsUnescortedAndDetaches() {
        AccessSnapshot snapshot = world.twoPerson(EngineWorld.CAGE_A, null).snapshot();
        engine.decide(entry(ALICE, MAIN, T0), snapshot);
        engine.decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot);
        engine.decide(entry(ALICE, HALL_1_DOOR, T0.plusSeconds(60)), snapshot);
        engine.decide(entry(VIC, HALL_1_DOOR, T0.plusSeconds(61)), snapshot);
        // Alice goes deeper (cage-a is inside hall-1): Vic is still escorted
        assertThat(engine.decide(entry(ALICE, EngineWorld.CAGE_DOOR, T0.plusSeconds(120)), snapshot).signals())
                .isEmpty();
        // Alice leaves cage-a into hall-1: still escorted; then leaves hall-1 into the building: Vic is alone
        assertThat(engine.decide(exit(ALICE, EngineWorld.CAGE_DOOR, T0.plusSeconds(180)), snapshot).signals())
                .isEmpty();
        AccessResult leaves = engine.decide(exit(ALICE, HALL_1_DOOR, T0.plusSeconds(240)), snapshot);
        assertThat(leaves.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.UNESCORTED_VISITOR);
            assertThat(s.person()).isEqualTo(VIC);
            assertThat(s.area()).isEqualTo(HALL_1);
            assertThat(s.door()).isEqualTo(HALL_1_DOOR);
        });
        // detached: Alice walking on raises nothing more
        assertThat(engine.decide(entry(ALICE, HALL_2_DOOR, T0.plusSeconds(300)), snapshot).signals()).isEmpty();
    }

    @Test
    void visitorFirstOutThenEscortIsTheQuietWayOut() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, MAIN, T0), snapshot);
        engine.decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot);
        assertThat(engine.decide(exit(VIC, MAIN, T0.plusSeconds(600)), snapshot).signals()).isEmpty();
        assertThat(engine.decide(exit(ALICE, MAIN, T0.plusSeconds(601)), snapshot).signals()).isEmpty();
        assertThat(engine.presences()).isEmpty();
    }

    @Test
    void aVisitorAtADoorWithoutAKnownAreaNeverFindsAnEscort() {
        AccessSnapshot snapshot = world.door(new Door(DoorId.of("door-shed"), AreaId.of("shed"), "Shed")).snapshot();
        engine.decide(entry(ALICE, DoorId.of("door-shed"), T0), snapshot);
        world.visits.add(new Visit(VisitId.of("visit-shed"), VIC, ALICE, VisitStatus.APPROVED, T0.minusSeconds(5),
                T0.plusSeconds(3600), Set.of(AreaId.of("shed"))));
        assertThat(decide(entry(VIC, DoorId.of("door-shed"), T0.plusSeconds(1)), world.snapshot()))
                .isEqualTo("ESCORT_REQUIRED");
    }

    @Test
    void theWindowComesFromTheSite() {
        EngineWorld wide = new EngineWorld();
        Site s = wide.site;
        AccessSnapshot snapshot = wide.site(new Site(s.id(), s.zone(), s.threat(), false, Duration.ofSeconds(90), 2))
                .snapshot();
        engine.decide(entry(ALICE, MAIN, T0), snapshot);
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(90)), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(VERA, MAIN, T0.plusSeconds(91)), snapshot)).isEqualTo("ESCORT_REQUIRED");
    }

    // --- review findings H1, H2, L1 ---------------------------------------------------------------------------

    @Test
    void aWaitingVisitorIsNotEnteredAfterHisVisitEnded() {
        world.visits.removeIf(v -> v.visitor().equals(VIC));
        world.visits.add(new Visit(VisitId.of("visit-vic"), VIC, ALICE, VisitStatus.APPROVED,
                T0.minusSeconds(3600), T0.plusSeconds(10), Set.of(BUILDING)));
        AccessSnapshot snapshot = world.snapshot();
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(5)), snapshot)).isEqualTo("ESCORT_REQUIRED");
        assertThat(new AccessPolicy().decide(entry(VIC, MAIN, T0.plusSeconds(30)), snapshot).reasonCode())
                .isEqualTo("NO_ACTIVE_VISIT");
        AccessResult alice = engine.decide(entry(ALICE, MAIN, T0.plusSeconds(30)), snapshot);
        assertThat(entered(alice)).as("decided again at the release, 20 s after the visit ended")
                .containsExactly(ALICE);
    }

    @Test
    void aWaitingVisitorWhoseCardNowBelongsToSomeoneElseIsDropped() {
        AccessSnapshot before = world.snapshot();
        assertThat(decide(entry(VIC, MAIN, T0), before)).isEqualTo("ESCORT_REQUIRED");
        // Vic's card is reissued to Vera (a visitor with an active visit): the held read is Vic's, not Vera's
        List<Credential> credentials = new ArrayList<>();
        for (Credential c : before.credentials()) {
            if (c.holder().equals(VERA)) {
                continue;
            }
            credentials.add(c.holder().equals(VIC)
                    ? new Credential(CredentialId.of("cred-vera-2"), c.card(), VERA, CredentialStatus.ACTIVE, null,
                    null) : c);
        }
        AccessSnapshot after = rebuild(before, credentials, 70);
        AccessResult alice = engine.decide(entry(ALICE, MAIN, T0.plusSeconds(5)), after);
        assertThat(entered(alice)).containsExactly(ALICE);
        assertThat(engine.presences()).extracting(Presence::person).containsExactly(ALICE);
    }

    @Test
    void aVisitorIsNotEscortedBySomeoneWhoAlreadyLeftTheArea() {
        AccessSnapshot snapshot = world.snapshot();
        assertThat(decide(entry(ALICE, HALL_1_DOOR, T0), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(exit(ALICE, HALL_1_DOOR, T0.plusSeconds(5)), snapshot)).isEqualTo("GRANTED");
        AccessResult vic = engine.decide(entry(VIC, HALL_1_DOOR, T0.plusSeconds(20)), snapshot);
        assertThat(vic.decision().reasonCode()).isEqualTo("ESCORT_REQUIRED");
        assertThat(vic.changes()).isEmpty();
    }

    @Test
    void anEscortWhoseGateGrantWasNeverWalkedThroughEscortsNobody() {
        AccessSnapshot snapshot = world.site(new Site(EngineWorld.SITE, EngineWorld.ZONE, ThreatLevel.NORMAL, false,
                Duration.ofSeconds(90), 2)).snapshot();
        assertThat(decide(entry(ALICE, EngineWorld.TURNSTILE, T0), snapshot)).isEqualTo("GRANTED");
        // while Alice's move waits for the turnstile she counts as on her way in
        assertThat(decide(entry(VIC, EngineWorld.TURNSTILE, T0.plusSeconds(5)), snapshot)).isEqualTo("GRANTED");
        // after 60 s her move is dropped: she never entered, so she escorts nobody, although the window is 90 s
        assertThat(decide(entry(VERA, EngineWorld.TURNSTILE, T0.plusSeconds(61)), snapshot))
                .isEqualTo("ESCORT_REQUIRED");
    }

    @Test
    void aVisitorPassingTheGateAfterTheEscortsMoveWasDroppedIsUnescorted() {
        AccessSnapshot snapshot = world.snapshot();
        engine.decide(entry(ALICE, EngineWorld.TURNSTILE, T0), snapshot);
        assertThat(decide(entry(VIC, EngineWorld.TURNSTILE, T0.plusSeconds(30)), snapshot)).isEqualTo("GRANTED");
        // Alice's move is dropped at 12:01:01 without a passage; Vic walks through at 12:01:05
        PassageResult vic = engine.applyPassage(EngineWorld.TURNSTILE, T0.plusSeconds(65), snapshot);
        assertThat(vic.changes()).singleElement().isInstanceOfSatisfying(PresenceChange.Entered.class,
                e -> assertThat(e.presence().escort()).as("not escorted, so not stored as escorted").isNull());
        assertThat(vic.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.UNESCORTED_VISITOR);
            assertThat(s.person()).isEqualTo(VIC);
        });
    }

    @Test
    void aDroppedGateMoveReleasesTheEscortsCapacity() {
        AccessSnapshot snapshot = world.site(new Site(EngineWorld.SITE, EngineWorld.ZONE, ThreatLevel.NORMAL, false,
                Duration.ofSeconds(30), 1)).snapshot();
        assertThat(decide(entry(ALICE, EngineWorld.TURNSTILE, T0), snapshot)).isEqualTo("GRANTED");
        assertThat(decide(entry(VIC, EngineWorld.TURNSTILE, T0.plusSeconds(5)), snapshot)).isEqualTo("GRANTED");
        // the slot is taken while Vic's move waits
        assertThat(decide(entry(VERA, EngineWorld.TURNSTILE, T0.plusSeconds(6)), snapshot))
                .isEqualTo("ESCORT_CAPACITY");
        engine.applyPassage(EngineWorld.TURNSTILE, T0.plusSeconds(7), snapshot); // only Alice walks through
        engine.decide(entry(ALICE, MAIN, T0.plus(Duration.ofHours(2))), snapshot);
        assertThat(decide(entry(VERA, MAIN, T0.plus(Duration.ofHours(2)).plusSeconds(5)), snapshot))
                .isEqualTo("GRANTED");
    }

    @Test
    void aVisitorWhoseVisitEndedIsDetachedAndSignalledOnce() {
        EngineWorld one = new EngineWorld();
        one.visits.removeIf(v -> v.visitor().equals(VIC));
        one.visits.add(new Visit(VisitId.of("visit-vic"), VIC, ALICE, VisitStatus.APPROVED, T0.minusSeconds(3600),
                T0.plusSeconds(600), Set.of(BUILDING)));
        AccessSnapshot snapshot = one.site(new Site(EngineWorld.SITE, EngineWorld.ZONE, ThreatLevel.NORMAL, false,
                Duration.ofSeconds(30), 1)).snapshot();
        engine.decide(entry(ALICE, MAIN, T0), snapshot);
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot)).isEqualTo("GRANTED");
        assertThat(engine.decide(entry(BOB, MAIN, T0.plusSeconds(599)), snapshot).signals()).isEmpty();
        AccessResult after = engine.decide(entry(BOB, HALL_2_DOOR, T0.plusSeconds(600)), snapshot);
        assertThat(after.signals()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.VISIT_OVERSTAY);
            assertThat(s.person()).isEqualTo(VIC);
            assertThat(s.area()).isEqualTo(BUILDING);
            assertThat(s.at()).isEqualTo(T0.plusSeconds(600));
        });
        assertThat(engine.decide(exit(BOB, HALL_2_DOOR, T0.plusSeconds(700)), snapshot).signals()).as("once")
                .isEmpty();
        assertThat(engine.presences()).as("still on the muster list").extracting(Presence::person).contains(VIC);
        // the slot is free again: Alice takes Vera
        engine.decide(entry(ALICE, MAIN, T0.plusSeconds(800)), snapshot);
        assertThat(decide(entry(VERA, MAIN, T0.plusSeconds(801)), snapshot)).isEqualTo("GRANTED");
        // Alice walking on raises nothing for Vic any more
        assertThat(engine.decide(exit(ALICE, MAIN, T0.plusSeconds(900)), snapshot).signals())
                .extracting(Signal::person).doesNotContain(VIC);
    }

    @Test
    void aForgivenVisitorStillCountsAgainstTheEscortsCapacity() {
        AccessSnapshot snapshot = world.site(new Site(EngineWorld.SITE, EngineWorld.ZONE, ThreatLevel.NORMAL, false,
                Duration.ofSeconds(30), 1)).snapshot();
        engine.decide(entry(ALICE, MAIN, T0), snapshot);
        assertThat(decide(entry(VIC, MAIN, T0.plusSeconds(1)), snapshot)).isEqualTo("GRANTED");
        engine.forgive(VIC, T0.plusSeconds(2));
        assertThat(decide(entry(VERA, MAIN, T0.plusSeconds(3)), snapshot)).isEqualTo("ESCORT_CAPACITY");
        // ... until the escort leaves the site
        engine.decide(exit(ALICE, MAIN, T0.plusSeconds(60)), snapshot);
        engine.decide(entry(ALICE, MAIN, T0.plusSeconds(70)), snapshot);
        assertThat(decide(entry(VERA, MAIN, T0.plusSeconds(71)), snapshot)).isEqualTo("GRANTED");
    }

    private static AccessSnapshot rebuild(AccessSnapshot base, List<Credential> credentials, long version) {
        return AccessSnapshot.builder(version).sites(base.sites()).areas(base.areas()).doors(base.doors())
                .persons(base.persons()).credentials(credentials).schedules(base.schedules()).levels(base.levels())
                .assignments(base.assignments()).visits(base.visits()).build();
    }
}
