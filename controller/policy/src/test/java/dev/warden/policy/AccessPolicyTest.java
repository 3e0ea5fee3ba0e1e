package dev.warden.policy;

import static dev.warden.policy.PolicyFixtures.DATA_HALL;
import static dev.warden.policy.PolicyFixtures.DATA_HALL_OFFICE_HOURS;
import static dev.warden.policy.PolicyFixtures.LOBBY;
import static dev.warden.policy.PolicyFixtures.LOBBY_ALWAYS;
import static dev.warden.policy.PolicyFixtures.SATURDAY_NOON;
import static dev.warden.policy.PolicyFixtures.UNKNOWN_DOOR;
import static dev.warden.policy.PolicyFixtures.WEDNESDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Verifies the composition order of the rules: when several would deny, the earlier one gives the reason. */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    @Test
    void anEntitledEmployeeIsGrantedThroughTheLevelThatOpensTheDoor() {
        PolicyFixtures.Scenario employee = PolicyFixtures.employeeWithDataHallAccess();
        Decision decision = employee.decide(DATA_HALL, WEDNESDAY_NOON);
        assertThat(decision).isEqualTo(new Decision.Granted(employee.person().id(), employee.credential().id(),
                DATA_HALL_OFFICE_HOURS));
        assertThat(decision.granted()).isTrue();
        assertThat(decision.reasonCode()).isEqualTo("GRANTED");
        assertThat(employee.decide(LOBBY, SATURDAY_NOON)).isEqualTo(new Decision.Granted(employee.person().id(),
                employee.credential().id(), LOBBY_ALWAYS));
    }

    @Test
    void unknownDoorComesFirstEvenForAnUnknownCard() {
        Decision decision = policy.decide(new AccessRequest(PolicyFixtures.card(4711), UNKNOWN_DOOR, WEDNESDAY_NOON),
                PolicyFixtures.employeeWithDataHallAccess().snapshot());
        assertThat(decision).isEqualTo(Decision.Denied.of(DenyReason.UNKNOWN_DOOR));
        assertThat(decision.reasonCode()).isEqualTo("UNKNOWN_DOOR");
        assertThat(decision.granted()).isFalse();
    }

    @Test
    void unknownCardAtAKnownDoorIsUnknownCredential() {
        Decision decision = policy.decide(new AccessRequest(PolicyFixtures.card(4711), LOBBY, WEDNESDAY_NOON),
                PolicyFixtures.employeeWithDataHallAccess().snapshot());
        assertThat(decision).isEqualTo(Decision.Denied.of(DenyReason.UNKNOWN_CREDENTIAL));
    }

    @Test
    void credentialStatusComesBeforeValidityAndPersonStatus() {
        PolicyFixtures.Scenario lostExpiredTerminated = PolicyFixtures.person("p", PersonKind.EMPLOYEE,
                PersonStatus.TERMINATED, 2001, CredentialStatus.REVOKED, null,
                WEDNESDAY_NOON.minus(1, ChronoUnit.DAYS));
        assertThat(lostExpiredTerminated.decide(LOBBY, WEDNESDAY_NOON).reasonCode()).isEqualTo("CREDENTIAL_REVOKED");
        assertThat(PolicyFixtures.employeeWithLostBadge().decide(LOBBY, WEDNESDAY_NOON).reasonCode())
                .isEqualTo("CREDENTIAL_LOST");
    }

    @Test
    void validityComesBeforePersonStatus() {
        PolicyFixtures.Scenario expiredAndTerminated = PolicyFixtures.person("p", PersonKind.CONTRACTOR,
                PersonStatus.TERMINATED, 2002, CredentialStatus.ACTIVE, null,
                WEDNESDAY_NOON.minus(1, ChronoUnit.DAYS), LOBBY_ALWAYS);
        assertThat(expiredAndTerminated.decide(LOBBY, WEDNESDAY_NOON).reasonCode()).isEqualTo("CREDENTIAL_EXPIRED");
        PolicyFixtures.Scenario notYetValid = PolicyFixtures.person("q", PersonKind.VISITOR, PersonStatus.SUSPENDED,
                2003, CredentialStatus.ACTIVE, WEDNESDAY_NOON.plusNanos(1), null, LOBBY_ALWAYS);
        assertThat(notYetValid.decide(LOBBY, WEDNESDAY_NOON).reasonCode()).isEqualTo("CREDENTIAL_NOT_YET_VALID");
    }

    @Test
    void personStatusComesBeforeAccessLevels() {
        PolicyFixtures.Scenario terminatedWithoutLevels = PolicyFixtures.person("p", PersonKind.EMPLOYEE,
                PersonStatus.TERMINATED, 2004, CredentialStatus.ACTIVE, null, null);
        assertThat(terminatedWithoutLevels.decide(DATA_HALL, SATURDAY_NOON).reasonCode())
                .isEqualTo("PERSON_TERMINATED");
        assertThat(PolicyFixtures.suspendedEmployee().decide(DATA_HALL, SATURDAY_NOON).reasonCode())
                .isEqualTo("PERSON_SUSPENDED");
    }

    @Test
    void aTerminatedEmployeeStillHoldingAnActiveBadgeIsDeniedEverywhereAlways() {
        PolicyFixtures.Scenario terminated = PolicyFixtures.terminatedEmployeeStillHoldingBadge();
        for (DoorId door : new DoorId[] {LOBBY, DATA_HALL}) {
            for (Instant at : new Instant[] {WEDNESDAY_NOON, SATURDAY_NOON}) {
                assertThat(terminated.decide(door, at)).isEqualTo(new Decision.Denied(DenyReason.PERSON_TERMINATED,
                        terminated.person().id(), terminated.credential().id()));
            }
        }
    }

    @Test
    void contractorWithExpiredBadgeIsDeniedAsExpiredNamingHimAndTheBadge() {
        PolicyFixtures.Scenario contractor = PolicyFixtures.contractorWithExpiredBadge();
        Decision decision = contractor.decide(DATA_HALL, WEDNESDAY_NOON);
        assertThat(decision).isInstanceOfSatisfying(Decision.Denied.class, denied -> {
            assertThat(denied.reason()).isEqualTo(DenyReason.CREDENTIAL_EXPIRED);
            assertThat(denied.personOpt()).contains(contractor.person().id());
            assertThat(denied.credentialOpt()).contains(contractor.credential().id());
            assertThat(denied.description()).isEqualTo("Credential expired");
        });
        // the same badge was fine before it expired
        assertThat(contractor.decide(DATA_HALL, WEDNESDAY_NOON.minus(2, ChronoUnit.DAYS)).granted()).isTrue();
    }

    @Test
    void levelsComeLastNoLevelThenSchedule() {
        PolicyFixtures.Scenario contractor = PolicyFixtures.contractorWithLobbyOnlyBadge();
        assertThat(contractor.decide(DATA_HALL, WEDNESDAY_NOON).reasonCode()).isEqualTo("NO_ACCESS_LEVEL");
        assertThat(PolicyFixtures.employeeWithDataHallAccess().decide(DATA_HALL, SATURDAY_NOON).reasonCode())
                .isEqualTo("OUTSIDE_SCHEDULE");
        assertThat(DenyReason.OUTSIDE_SCHEDULE.description()).isEqualTo("Outside the access schedule");
    }

    @Test
    void extremeInstantsAreDecidedWithoutThrowing() {
        PolicyFixtures.Scenario employee = PolicyFixtures.employeeWithDataHallAccess();
        assertThat(employee.decide(DATA_HALL, Instant.MAX).reasonCode()).isEqualTo("OUTSIDE_SCHEDULE");
        assertThat(employee.decide(LOBBY, Instant.MAX).reasonCode()).isEqualTo("OUTSIDE_SCHEDULE");
        assertThat(employee.decide(LOBBY, Instant.MIN)).isNotNull();
        assertThat(PolicyFixtures.contractorWithExpiredBadge().decide(LOBBY, Instant.MIN).reasonCode())
                .isEqualTo("CREDENTIAL_NOT_YET_VALID");
    }

    @Test
    void theEmptySnapshotDeniesEverything() {
        assertThat(policy.decide(new AccessRequest(PolicyFixtures.card(1), LOBBY, WEDNESDAY_NOON),
                AccessSnapshot.empty())).isEqualTo(Decision.Denied.of(DenyReason.UNKNOWN_DOOR));
    }

    @Test
    void nullArgumentsAreRejected() {
        AccessRequest request = new AccessRequest(PolicyFixtures.card(1), LOBBY, WEDNESDAY_NOON);
        assertThatThrownBy(() -> policy.decide(null, AccessSnapshot.empty())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> policy.decide(request, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyDenyReasonHasADescriptionAndItsNameAsCode() {
        for (DenyReason reason : DenyReason.values()) {
            Decision denied = Decision.Denied.of(reason);
            assertThat(denied.reasonCode()).isEqualTo(reason.name());
            assertThat(denied.description()).isEqualTo(reason.description()).isNotBlank();
        }
    }

    // --- card + fingerprint (rule 6) -------------------------------------------------------------------

    @Test
    void aCageTechnicianIsGrantedWithCardAndOwnFingerAndDeniedWithoutOrWithAnother() {
        PolicyFixtures.Scenario technician = PolicyFixtures.cageTechnicianWithEnrolledFinger();
        assertThat(technician.decide(PolicyFixtures.CAGE, SATURDAY_NOON, PolicyFixtures.finger(7)))
                .isEqualTo(new Decision.Granted(technician.person().id(), technician.credential().id(),
                        PolicyFixtures.CAGE_ALWAYS, java.util.Set.of(Factor.CARD, Factor.FINGERPRINT),
                        GrantBasis.ACCESS_LEVEL));
        assertThat(technician.decide(PolicyFixtures.CAGE, SATURDAY_NOON, null).reasonCode())
                .isEqualTo("SECOND_FACTOR_REQUIRED");
        assertThat(technician.decide(PolicyFixtures.CAGE, SATURDAY_NOON, PolicyFixtures.finger(8)).reasonCode())
                .isEqualTo("SECOND_FACTOR_MISMATCH");
        assertThat(technician.decide(LOBBY, SATURDAY_NOON, null).granted())
                .as("a door without second factor needs no finger").isTrue();
    }

    @Test
    void personStatusComesBeforeTheSecondFactor() {
        PolicyFixtures.Scenario terminated = PolicyFixtures.terminatedEmployeeStillHoldingBadge();
        assertThat(terminated.decide(PolicyFixtures.CAGE, WEDNESDAY_NOON, null).reasonCode())
                .isEqualTo("PERSON_TERMINATED");
        assertThat(PolicyFixtures.contractorWithExpiredBadge()
                .decide(PolicyFixtures.CAGE, WEDNESDAY_NOON, PolicyFixtures.finger(1)).reasonCode())
                .isEqualTo("CREDENTIAL_EXPIRED");
    }

    @Test
    void aVisitorWithoutAVisitIsDeniedBeforeTheSecondFactorAndTheLevels() {
        PolicyFixtures.Scenario visitor = PolicyFixtures.visitorWithLobbyOnlyBadge();
        assertThat(visitor.decide(LOBBY, WEDNESDAY_NOON).reasonCode()).isEqualTo("NO_ACTIVE_VISIT");
        assertThat(visitor.decide(PolicyFixtures.CAGE, WEDNESDAY_NOON, null).reasonCode())
                .isEqualTo("NO_ACTIVE_VISIT");
    }

    @Test
    void theSecondFactorComesBeforeAccessLevels() {
        PolicyFixtures.Scenario contractor = PolicyFixtures.contractorWithLobbyOnlyBadge();
        assertThat(contractor.decide(PolicyFixtures.CAGE, WEDNESDAY_NOON, null).reasonCode())
                .isEqualTo("SECOND_FACTOR_REQUIRED");
        assertThat(contractor.decide(PolicyFixtures.CAGE, WEDNESDAY_NOON, PolicyFixtures.finger(7)).reasonCode())
                .isEqualTo("SECOND_FACTOR_MISMATCH");
    }
}
