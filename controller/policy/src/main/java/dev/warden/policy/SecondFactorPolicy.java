package dev.warden.policy;

import java.util.Optional;

/**
 * Rule 6: the second factor the door requires must confirm the card holder.
 * <ul>
 *   <li>{@link SecondFactor#NONE}: passes (a finger presented anyway is ignored);</li>
 *   <li>{@link SecondFactor#FINGERPRINT}: no finger presented → {@link DenyReason#SECOND_FACTOR_REQUIRED}; a finger
 *       whose (module, page) is not enrolled, is not {@link FingerprintStatus#ACTIVE}, or belongs to another person
 *       than the card's holder → {@link DenyReason#SECOND_FACTOR_MISMATCH}.</li>
 * </ul>
 * Denials name the card's credential and holder, never the owner of a mismatching finger. Cost: one hash look-up.
 */
public final class SecondFactorPolicy {

    public Optional<Decision.Denied> check(Credential credential, Door door, FingerprintKey presented,
                                           AccessSnapshot snapshot) {
        return switch (door.secondFactor()) {
            case NONE -> Optional.empty();
            case FINGERPRINT -> fingerprint(credential, presented, snapshot);
        };
    }

    private static Optional<Decision.Denied> fingerprint(Credential credential, FingerprintKey presented,
                                                         AccessSnapshot snapshot) {
        if (presented == null) {
            return Optional.of(Decision.Denied.of(DenyReason.SECOND_FACTOR_REQUIRED, credential));
        }
        Fingerprint enrolled = snapshot.fingerprintOrNull(presented);
        if (enrolled == null || enrolled.status() != FingerprintStatus.ACTIVE
                || !enrolled.holder().equals(credential.holder())) {
            return Optional.of(Decision.Denied.of(DenyReason.SECOND_FACTOR_MISMATCH, credential));
        }
        return Optional.empty();
    }
}
