package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialStatusPolicyTest {

    private final CredentialStatusPolicy rule = new CredentialStatusPolicy();

    @Test
    void anActiveCredentialPasses() {
        assertThat(rule.check(credential(CredentialStatus.ACTIVE))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "SUSPENDED, CREDENTIAL_SUSPENDED",
        "REVOKED, CREDENTIAL_REVOKED",
        "LOST, CREDENTIAL_LOST",
        "SURRENDERED, CREDENTIAL_SURRENDERED"
    })
    void everyOtherStatusIsDeniedWithItsOwnReasonNamingCredentialAndHolder(CredentialStatus status,
                                                                           DenyReason reason) {
        Credential credential = credential(status);
        assertThat(rule.check(credential))
                .contains(new Decision.Denied(reason, credential.holder(), credential.id()));
    }

    @Test
    void everyCredentialStatusIsDecided() {
        for (CredentialStatus status : CredentialStatus.values()) {
            assertThat(rule.check(credential(status)).isEmpty()).isEqualTo(status == CredentialStatus.ACTIVE);
        }
    }

    private static Credential credential(CredentialStatus status) {
        return new Credential(CredentialId.of("cred-7"), PolicyFixtures.card(7), PersonId.of("p-7"), status,
                null, null);
    }
}
