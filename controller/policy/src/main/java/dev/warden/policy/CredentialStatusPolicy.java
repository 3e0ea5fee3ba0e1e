package dev.warden.policy;

import java.util.Optional;

/**
 * Rule 3: the credential must be {@link CredentialStatus#ACTIVE}; otherwise the denial names its status
 * ({@code CREDENTIAL_SUSPENDED}, {@code CREDENTIAL_REVOKED}, {@code CREDENTIAL_LOST}, {@code CREDENTIAL_SURRENDERED}).
 */
public final class CredentialStatusPolicy {

    public Optional<Decision.Denied> check(Credential credential) {
        DenyReason reason = switch (credential.status()) {
            case ACTIVE -> null;
            case SUSPENDED -> DenyReason.CREDENTIAL_SUSPENDED;
            case REVOKED -> DenyReason.CREDENTIAL_REVOKED;
            case LOST -> DenyReason.CREDENTIAL_LOST;
            case SURRENDERED -> DenyReason.CREDENTIAL_SURRENDERED;
        };
        return reason == null ? Optional.empty() : Optional.of(Decision.Denied.of(reason, credential));
    }
}
