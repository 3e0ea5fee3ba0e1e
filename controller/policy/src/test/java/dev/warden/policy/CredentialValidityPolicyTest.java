package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies that validity is the half-open interval {@code [validFrom, validUntil)} to the nanosecond. */
class CredentialValidityPolicyTest {

    private static final Instant FROM = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-03-31T18:00:00Z");

    private final CredentialValidityPolicy rule = new CredentialValidityPolicy();
    private final Credential bounded = credential(FROM, UNTIL);

    @Test
    void validFromIsInclusive() {
        assertThat(rule.check(bounded, FROM)).isEmpty();
        assertThat(rule.check(bounded, FROM.minusNanos(1))).contains(denied(DenyReason.CREDENTIAL_NOT_YET_VALID));
        assertThat(rule.check(bounded, FROM.minusSeconds(1))).contains(denied(DenyReason.CREDENTIAL_NOT_YET_VALID));
    }

    @Test
    void validUntilIsExclusive() {
        assertThat(rule.check(bounded, UNTIL.minusNanos(1))).isEmpty();
        assertThat(rule.check(bounded, UNTIL)).contains(denied(DenyReason.CREDENTIAL_EXPIRED));
        assertThat(rule.check(bounded, UNTIL.plusSeconds(1))).contains(denied(DenyReason.CREDENTIAL_EXPIRED));
    }

    @Test
    void nullBoundsAreUnbounded() {
        Credential forever = credential(null, null);
        assertThat(rule.check(forever, Instant.MIN)).isEmpty();
        assertThat(rule.check(forever, Instant.MAX)).isEmpty();
        assertThat(rule.check(credential(FROM, null), Instant.MAX)).isEmpty();
        assertThat(rule.check(credential(null, UNTIL), Instant.MIN)).isEmpty();
        assertThat(rule.check(credential(null, UNTIL), UNTIL)).contains(denied(DenyReason.CREDENTIAL_EXPIRED));
    }

    @Test
    void anEmptyIntervalIsNeverValid() {
        Credential empty = credential(FROM, FROM);
        assertThat(rule.check(empty, FROM.minusNanos(1))).contains(denied(DenyReason.CREDENTIAL_NOT_YET_VALID));
        assertThat(rule.check(empty, FROM)).contains(denied(DenyReason.CREDENTIAL_EXPIRED));
    }

    @Test
    void theFixtureContractorBadgeIsExpiredOnWednesday() {
        Credential badge = PolicyFixtures.contractorWithExpiredBadge().credential();
        assertThat(rule.check(badge, PolicyFixtures.WEDNESDAY_NOON))
                .contains(new Decision.Denied(DenyReason.CREDENTIAL_EXPIRED, badge.holder(), badge.id()));
    }

    private static Credential credential(Instant from, Instant until) {
        return new Credential(CredentialId.of("cred-9"), PolicyFixtures.card(9), PersonId.of("p-9"),
                CredentialStatus.ACTIVE, from, until);
    }

    private Decision.Denied denied(DenyReason reason) {
        return new Decision.Denied(reason, PersonId.of("p-9"), CredentialId.of("cred-9"));
    }
}
