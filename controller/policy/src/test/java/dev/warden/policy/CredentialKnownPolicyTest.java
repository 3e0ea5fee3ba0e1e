package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialKnownPolicyTest {

    private final CredentialKnownPolicy rule = new CredentialKnownPolicy();
    private final PolicyFixtures.Scenario employee = PolicyFixtures.employeeWithDataHallAccess();

    @Test
    void theCardOfACredentialPasses() {
        assertThat(rule.check(employee.credential().card(), employee.snapshot())).isEmpty();
        assertThat(rule.check(new CardKey("H10301", 1, 1001), employee.snapshot())).isEmpty();
    }

    @Test
    void aCardDifferingInAnyPartIsUnknown() {
        Decision.Denied unknown = Decision.Denied.of(DenyReason.UNKNOWN_CREDENTIAL);
        assertThat(rule.check(new CardKey("H10301", 1, 1000), employee.snapshot())).contains(unknown);
        assertThat(rule.check(new CardKey("H10301", 2, 1001), employee.snapshot())).contains(unknown);
        assertThat(rule.check(new CardKey("H10306", 1, 1001), employee.snapshot())).contains(unknown);
    }

    @Test
    void anEmptySnapshotKnowsNoCard() {
        assertThat(rule.check(employee.credential().card(), AccessSnapshot.empty()))
                .hasValueSatisfying(denied -> {
                    assertThat(denied.reason()).isEqualTo(DenyReason.UNKNOWN_CREDENTIAL);
                    assertThat(denied.personOpt()).isEmpty();
                    assertThat(denied.credentialOpt()).isEmpty();
                });
    }
}
