package dev.warden.policy;

import static dev.warden.policy.EngineWorld.BUILDING;
import static dev.warden.policy.EngineWorld.CAGE_A;
import static dev.warden.policy.EngineWorld.CAGE_DOOR;
import static dev.warden.policy.EngineWorld.HALL_1;
import static dev.warden.policy.EngineWorld.HALL_1_DOOR;
import static dev.warden.policy.EngineWorld.HALL_2_DOOR;
import static dev.warden.policy.EngineWorld.MAIN;
import static dev.warden.policy.EngineWorld.T0;
import static dev.warden.policy.EngineWorld.VIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Verifies rule 6 (a visitor needs an active approved visit covering the door's area) at its boundaries. */
class VisitPolicyTest {

    private static final Instant FROM = T0.minus(Duration.ofHours(1));
    private static final Instant UNTIL = T0.plus(Duration.ofHours(1));

    private final VisitPolicy rule = new VisitPolicy();

    private String check(VisitStatus status, Set<AreaId> areas, DoorId door, Instant at) {
        EngineWorld world = new EngineWorld();
        world.visits.clear();
        world.visits.add(new Visit(VisitId.of("v"), VIC, EngineWorld.ALICE, status, FROM, UNTIL, areas));
        AccessSnapshot snapshot = world.snapshot();
        Person vic = snapshot.person(VIC).orElseThrow();
        Credential credential = snapshot.credentialFor(EngineWorld.card(VIC)).orElseThrow();
        return rule.check(vic, credential, snapshot.door(door).orElseThrow(), at, snapshot)
                .map(Decision.Denied::reasonCode).orElse("PASS");
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        Set<AreaId> building = Set.of(BUILDING);
        assertThat(check(VisitStatus.APPROVED, building, MAIN, FROM.minusSeconds(1))).isEqualTo("NO_ACTIVE_VISIT");
        assertThat(check(VisitStatus.APPROVED, building, MAIN, FROM.minusNanos(1))).isEqualTo("NO_ACTIVE_VISIT");
        assertThat(check(VisitStatus.APPROVED, building, MAIN, FROM)).isEqualTo("PASS");
        assertThat(check(VisitStatus.APPROVED, building, MAIN, UNTIL.minusSeconds(1))).isEqualTo("PASS");
        assertThat(check(VisitStatus.APPROVED, building, MAIN, UNTIL)).isEqualTo("NO_ACTIVE_VISIT");
        assertThat(check(VisitStatus.APPROVED, building, MAIN, UNTIL.plusSeconds(1))).isEqualTo("NO_ACTIVE_VISIT");
    }

    @Test
    void onlyAnApprovedVisitCounts() {
        for (VisitStatus status : VisitStatus.values()) {
            assertThat(check(status, Set.of(BUILDING), MAIN, T0)).as("%s", status)
                    .isEqualTo(status == VisitStatus.APPROVED ? "PASS" : "NO_ACTIVE_VISIT");
        }
    }

    @Test
    void anAllowedAreaAllowsEverythingNestedInItButNotItsParentOrSiblings() {
        assertThat(check(VisitStatus.APPROVED, Set.of(HALL_1), HALL_1_DOOR, T0)).isEqualTo("PASS");
        assertThat(check(VisitStatus.APPROVED, Set.of(HALL_1), CAGE_DOOR, T0)).as("cage-a is in hall-1").isEqualTo("PASS");
        assertThat(check(VisitStatus.APPROVED, Set.of(HALL_1), MAIN, T0)).as("the building is hall-1's parent")
                .isEqualTo("NO_ACTIVE_VISIT");
        assertThat(check(VisitStatus.APPROVED, Set.of(HALL_1), HALL_2_DOOR, T0)).isEqualTo("NO_ACTIVE_VISIT");
        assertThat(check(VisitStatus.APPROVED, Set.of(CAGE_A), HALL_1_DOOR, T0)).isEqualTo("NO_ACTIVE_VISIT");
        assertThat(check(VisitStatus.APPROVED, Set.of(), MAIN, T0)).isEqualTo("NO_ACTIVE_VISIT");
    }

    @Test
    void employeesPassUntouchedAndVisitorsAreDeadOutsideTheWindowOnExitToo() {
        EngineWorld world = new EngineWorld();
        AccessSnapshot snapshot = world.snapshot();
        AccessPolicy policy = new AccessPolicy();
        Instant afterVisit = T0.plus(Duration.ofHours(8));
        assertThat(policy.decide(EngineWorld.exit(VIC, MAIN, afterVisit.minusSeconds(1)), snapshot).granted()).isTrue();
        assertThat(policy.decide(EngineWorld.exit(VIC, MAIN, afterVisit), snapshot).reasonCode())
                .isEqualTo("NO_ACTIVE_VISIT");
        assertThat(policy.decide(EngineWorld.entry(EngineWorld.BOB, MAIN, afterVisit), snapshot).granted()).isTrue();
        Decision visitor = policy.decide(EngineWorld.entry(VIC, MAIN, T0), snapshot);
        assertThat(visitor).isInstanceOfSatisfying(Decision.Granted.class, g -> {
            assertThat(g.basis()).isEqualTo(GrantBasis.VISIT);
            assertThat(g.level()).isNull();
        });
    }
}
