package dev.warden.policy;

import java.util.Optional;

/** Rule 2: a credential must exist for the card read, else {@link DenyReason#UNKNOWN_CREDENTIAL}. */
public final class CredentialKnownPolicy {

    public Optional<Decision.Denied> check(CardKey card, AccessSnapshot snapshot) {
        return snapshot.credentialOrNull(card) != null
                ? Optional.empty()
                : Optional.of(Decision.Denied.of(DenyReason.UNKNOWN_CREDENTIAL));
    }
}
