package dev.warden.policy;

import static dev.warden.policy.PolicyFixtures.CAGE;
import static dev.warden.policy.PolicyFixtures.LOBBY;
import static dev.warden.policy.PolicyFixtures.finger;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Verifies rule 6 (second factor) at its boundaries, on its own. */
class SecondFactorPolicyTest {

    private final SecondFactorPolicy rule = new SecondFactorPolicy();
    private final PolicyFixtures.Scenario technician = PolicyFixtures.cageTechnicianWithEnrolledFinger();
    private final Door cage = technician.snapshot().door(CAGE).orElseThrow();
    private final Door lobby = technician.snapshot().door(LOBBY).orElseThrow();

    @Test
    void aDoorWithoutSecondFactorPassesWithOrWithoutAFinger() {
        assertThat(lobby.secondFactor()).isEqualTo(SecondFactor.NONE);
        assertThat(rule.check(technician.credential(), lobby, null, technician.snapshot())).isEmpty();
        assertThat(rule.check(technician.credential(), lobby, finger(999), technician.snapshot())).isEmpty();
    }

    @Test
    void theHoldersActiveEnrolledFingerPasses() {
        assertThat(rule.check(technician.credential(), cage, finger(7), technician.snapshot())).isEmpty();
    }

    @Test
    void noFingerAtAFingerprintDoorIsSecondFactorRequiredNamingTheCard() {
        assertThat(rule.check(technician.credential(), cage, null, technician.snapshot()))
                .contains(new Decision.Denied(DenyReason.SECOND_FACTOR_REQUIRED, technician.person().id(),
                        technician.credential().id()));
    }

    @Test
    void anUnenrolledPageOrAnotherModuleIsAMismatch() {
        for (FingerprintKey other : new FingerprintKey[] {finger(6), finger(8), finger(0), finger(65535),
            new FingerprintKey("fp-elsewhere", 7)}) {
            assertThat(rule.check(technician.credential(), cage, other, technician.snapshot())).as("%s", other)
                    .contains(mismatch());
        }
    }

    @Test
    void aFingerThatIsNotActiveIsAMismatch() {
        for (FingerprintStatus status : FingerprintStatus.values()) {
            AccessSnapshot snapshot = PolicyFixtures.site().person(technician.person())
                    .credential(technician.credential())
                    .fingerprint(new Fingerprint(FingerprintId.of("f"), finger(7), technician.person().id(), status))
                    .build();
            assertThat(rule.check(technician.credential(), cage, finger(7), snapshot).isEmpty()).as("%s", status)
                    .isEqualTo(status == FingerprintStatus.ACTIVE);
        }
    }

    @Test
    void anotherPersonsFingerIsAMismatchNamingTheCardHolderNotTheFingersOwner() {
        Person colleague = new Person(PersonId.of("colleague"), "Colleague", PersonKind.EMPLOYEE,
                PersonStatus.ACTIVE);
        AccessSnapshot snapshot = PolicyFixtures.site().person(technician.person()).person(colleague)
                .credential(technician.credential())
                .fingerprint(new Fingerprint(FingerprintId.of("f-col"), finger(3), colleague.id(),
                        FingerprintStatus.ACTIVE))
                .build();
        assertThat(rule.check(technician.credential(), cage, finger(3), snapshot)).contains(mismatch());
    }

    private Decision.Denied mismatch() {
        return new Decision.Denied(DenyReason.SECOND_FACTOR_MISMATCH, technician.person().id(),
                technician.credential().id());
    }
}
