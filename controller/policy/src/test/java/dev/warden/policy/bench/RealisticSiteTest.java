package dev.warden.policy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.AccessAssignment;
import dev.warden.policy.AccessLevelId;
import dev.warden.policy.AccessPolicy;
import dev.warden.policy.AccessRequest;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.Decision;
import dev.warden.policy.DenyReason;
import dev.warden.policy.PersonId;
import dev.warden.policy.Schedule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the benchmark site has the specified size and shape, is the same for the same seed, and that each
 * benchmark request ends as the benchmark's name says, so a change to the policy cannot silently turn a "grant"
 * benchmark into a cheap denial. The benchmarks themselves never run in the test suite.
 */
class RealisticSiteTest {

    private static RealisticSite site;
    private static AccessSnapshot snapshot;
    private static final AccessPolicy POLICY = new AccessPolicy();

    @BeforeAll
    static void generate() {
        site = RealisticSite.generate(RealisticSite.SEED);
        snapshot = site.snapshot(1);
    }

    @Test
    void hasTheSpecifiedSize() {
        assertThat(snapshot.persons()).hasSize(10_000);
        assertThat(snapshot.credentials()).hasSize(12_000);
        assertThat(snapshot.doors()).hasSize(200);
        assertThat(snapshot.levels()).hasSize(20);
        assertThat(snapshot.schedules()).hasSize(5)
                .extracting(Schedule::zone).containsOnly(RealisticSite.ZONE);
        assertThat(snapshot.schedules()).allSatisfy(s -> assertThat(s.windows()).isNotEmpty());
    }

    @Test
    void everyPersonHoldsOneToFourDistinctLevels() {
        Map<PersonId, Set<AccessLevelId>> levelsOf = new HashMap<>();
        int duplicates = 0;
        for (AccessAssignment assignment : site.assignments) {
            if (!levelsOf.computeIfAbsent(assignment.person(), p -> new HashSet<>()).add(assignment.level())) {
                duplicates++;
            }
        }
        IntSummaryStatistics perPerson = levelsOf.values().stream().mapToInt(Set::size).summaryStatistics();

        assertThat(duplicates).isZero();
        assertThat(levelsOf).hasSize(10_000);
        assertThat(perPerson.getMin()).isEqualTo(1);
        assertThat(perPerson.getMax()).isEqualTo(4);
    }

    @Test
    void isTheSameForTheSameSeedAndDiffersForAnother() {
        RealisticSite again = RealisticSite.generate(RealisticSite.SEED);
        assertThat(again.persons).isEqualTo(site.persons);
        assertThat(again.credentials).isEqualTo(site.credentials);
        assertThat(again.levels).isEqualTo(site.levels);
        assertThat(again.assignments).isEqualTo(site.assignments);
        assertThat(RealisticSite.generate(RealisticSite.SEED + 1).credentials).isNotEqualTo(site.credentials);
    }

    @Test
    void grantRequestIsGrantedThroughTheLastOfFourAssignments() {
        AccessRequest request = site.grantInsideSchedule(snapshot, POLICY);

        Decision decision = POLICY.decide(request, snapshot);

        assertThat(decision).isInstanceOf(Decision.Granted.class);
        Decision.Granted granted = (Decision.Granted) decision;
        List<AccessAssignment> held = snapshot.assignmentsOf(granted.person());
        assertThat(held).hasSize(4);
        assertThat(granted.level()).isEqualTo(held.getLast().level());
        assertThat(request.at()).isEqualTo(RealisticSite.WEDNESDAY_10_00);
    }

    @Test
    void unknownCredentialRequestIsDeniedAsUnknown() {
        Decision decision = POLICY.decide(site.denyUnknownCredential(), snapshot);

        assertThat(decision).isEqualTo(Decision.Denied.of(DenyReason.UNKNOWN_CREDENTIAL));
    }

    @Test
    void outsideScheduleRequestIsDeniedOutsideSchedule() {
        AccessRequest request = site.denyOutsideSchedule(snapshot, POLICY);

        Decision decision = POLICY.decide(request, snapshot);

        assertThat(decision).isInstanceOf(Decision.Denied.class);
        Decision.Denied denied = (Decision.Denied) decision;
        assertThat(denied.reason()).isEqualTo(DenyReason.OUTSIDE_SCHEDULE);
        assertThat(snapshot.assignmentsOf(denied.person())).hasSize(4);
    }

    @Test
    void mixedWorkloadIsRepeatableMostlyGrantedAndReachesTheCommonDenials() {
        List<AccessRequest> requests = site.mixedRequests(RealisticSite.SEED + 1, RealisticSite.MIXED_REQUESTS);

        Map<String, Integer> mix = RealisticSite.outcomeMix(requests, snapshot, POLICY);

        assertThat(requests).hasSize(4_096)
                .isEqualTo(site.mixedRequests(RealisticSite.SEED + 1, RealisticSite.MIXED_REQUESTS));
        assertThat(mix).containsKeys(Decision.Granted.CODE, "OUTSIDE_SCHEDULE", "NO_ACCESS_LEVEL",
                "UNKNOWN_CREDENTIAL", "UNKNOWN_DOOR", "CREDENTIAL_EXPIRED", "PERSON_SUSPENDED");
        int granted = mix.get(Decision.Granted.CODE);
        assertThat(mix.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(granted));
    }

    @Test
    void requestsCarryFreshKeysLikeADecodedFrame() {
        AccessRequest request = site.grantInsideSchedule(snapshot, POLICY);
        var credential = snapshot.credentialFor(request.card()).orElseThrow();

        assertThat(request.card()).isEqualTo(credential.card()).isNotSameAs(credential.card());
        assertThat(request.card().format()).isNotSameAs(credential.card().format());
    }

    @Test
    void theEngineSnapshotAddsTheAreasAndTheEngineGrantsTheGrantRequestAgainAndAgain() {
        AccessSnapshot withAreas = site.engineSnapshot(1);
        assertThat(withAreas.areas()).hasSize(RealisticSite.AREAS);
        assertThat(withAreas.sites()).hasSize(1);
        AccessRequest request = site.grantInsideSchedule(withAreas, POLICY);
        dev.warden.policy.AccessEngine engine = new dev.warden.policy.AccessEngine();
        for (int i = 0; i < 3; i++) {
            assertThat(engine.decide(request, withAreas).decision().granted()).isTrue();
        }
        assertThat(engine.presences()).hasSize(1);
    }

    @Test
    void theMixedWorkloadThroughTheEngineIsMostlyGranted() {
        AccessSnapshot withAreas = site.engineSnapshot(1);
        dev.warden.policy.AccessEngine engine = new dev.warden.policy.AccessEngine();
        Map<String, Integer> mix = new java.util.TreeMap<>();
        for (AccessRequest request : site.mixedRequests(RealisticSite.SEED + 1, RealisticSite.MIXED_REQUESTS)) {
            mix.merge(engine.decide(request, withAreas).decision().reasonCode(), 1, Integer::sum);
        }
        int granted = mix.get(Decision.Granted.CODE);
        assertThat(mix.values()).as("%s", mix).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(granted));
    }
}
