package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonStatusPolicyTest {

    private final PersonStatusPolicy rule = new PersonStatusPolicy();

    @Test
    void anActiveHolderPasses() {
        PolicyFixtures.Scenario employee = PolicyFixtures.employeeWithDataHallAccess();
        assertThat(rule.check(employee.credential(), employee.snapshot())).isEmpty();
    }

    @Test
    void aTerminatedHolderIsDenied() {
        PolicyFixtures.Scenario terminated = PolicyFixtures.terminatedEmployeeStillHoldingBadge();
        assertThat(rule.check(terminated.credential(), terminated.snapshot())).contains(new Decision.Denied(
                DenyReason.PERSON_TERMINATED, terminated.person().id(), terminated.credential().id()));
    }

    @Test
    void aSuspendedHolderIsDenied() {
        PolicyFixtures.Scenario suspended = PolicyFixtures.suspendedEmployee();
        assertThat(rule.check(suspended.credential(), suspended.snapshot())).contains(new Decision.Denied(
                DenyReason.PERSON_SUSPENDED, suspended.person().id(), suspended.credential().id()));
    }

    @Test
    void theStatusOfTheHolderInThisSnapshotCountsNotAnEarlierOne() {
        PolicyFixtures.Scenario employee = PolicyFixtures.employeeWithDataHallAccess();
        Person nowTerminated = new Person(employee.person().id(), employee.person().displayName(),
                employee.person().kind(), PersonStatus.TERMINATED);
        AccessSnapshot next = PolicyFixtures.site().version(2).person(nowTerminated)
                .credential(employee.credential()).build();
        assertThat(rule.check(employee.credential(), next))
                .hasValueSatisfying(denied -> assertThat(denied.reason()).isEqualTo(DenyReason.PERSON_TERMINATED));
    }

    @Test
    void aCredentialWhoseHolderIsNotInTheSnapshotOpensNothing() {
        // AccessSnapshot.of rejects such data; the rule still fails closed if handed a foreign credential
        Credential foreign = new Credential(CredentialId.of("cred-x"), PolicyFixtures.card(99), PersonId.of("nobody"),
                CredentialStatus.ACTIVE, null, null);
        assertThat(rule.check(foreign, PolicyFixtures.site().build())).hasValueSatisfying(
                denied -> assertThat(denied.reason()).isEqualTo(DenyReason.UNKNOWN_CREDENTIAL));
    }
}
