package dev.warden.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * Rule 4: the credential must be valid at the request instant ({@code validFrom <= at < validUntil});
 * before {@code validFrom} → {@link DenyReason#CREDENTIAL_NOT_YET_VALID}, from {@code validUntil} on →
 * {@link DenyReason#CREDENTIAL_EXPIRED}.
 */
public final class CredentialValidityPolicy {

    public Optional<Decision.Denied> check(Credential credential, Instant at) {
        if (credential.isNotYetValidAt(at)) {
            return Optional.of(Decision.Denied.of(DenyReason.CREDENTIAL_NOT_YET_VALID, credential));
        }
        if (credential.isExpiredAt(at)) {
            return Optional.of(Decision.Denied.of(DenyReason.CREDENTIAL_EXPIRED, credential));
        }
        return Optional.empty();
    }
}
