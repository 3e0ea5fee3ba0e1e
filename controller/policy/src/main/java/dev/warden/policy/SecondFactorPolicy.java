package dev.warden.policy;

import java.util.Optional;

/**
 * Rule 9: the second factor the door requires must confirm the card holder, on ENTRY.
 * <ul>
 *   <li>{@link SecondFactor#NONE}: passes (a finger or PIN presented anyway is only recorded as a factor when it
 *       matches, and a duress PIN still signals duress);</li>
 *   <li>{@link SecondFactor#PIN}: no PIN typed → {@link DenyReason#PIN_REQUIRED}; the holder's duress PIN → passes
 *       (and {@link AccessPolicy} reports duress); the holder's PIN → passes; anything else, or a holder without an
 *       enrolled PIN → {@link DenyReason#PIN_MISMATCH};</li>
 *   <li>{@link SecondFactor#FINGERPRINT}: no finger presented → {@link DenyReason#SECOND_FACTOR_REQUIRED}; a finger
 *       whose (module, page) is not enrolled, is not {@link FingerprintStatus#ACTIVE}, or belongs to another person
 *       than the card's holder → {@link DenyReason#SECOND_FACTOR_MISMATCH}.</li>
 * </ul>
 * An EXIT read needs the card only (exit readers rarely have keypads or finger modules, and nobody may be trapped
 * inside); what was presented is still recorded as factors when it matches.
 * Denials name the card's credential and holder, never the owner of a mismatching finger. Cost: one hash look-up,
 * and one SHA-256 per PIN hash compared when a PIN was typed.
 */
public final class SecondFactorPolicy {

    /** The card and maybe a finger, no PIN, on ENTRY (the check before doors had PIN and direction). */
    public Optional<Decision.Denied> check(Credential credential, Door door, FingerprintKey presented,
                                           AccessSnapshot snapshot) {
        return check(credential, door, Direction.ENTRY, presented, null, snapshot);
    }

    /** The full check: {@code pin} is the typed PIN or null. */
    public Optional<Decision.Denied> check(Credential credential, Door door, Direction direction,
                                           FingerprintKey presented, String pin, AccessSnapshot snapshot) {
        Person holder = snapshot.personOrNull(credential.holder());
        PinCheck pinCheck = door.secondFactor() == SecondFactor.PIN && holder != null
                ? PinCheck.of(holder, pin)
                : (pin == null ? PinCheck.NOT_TYPED : PinCheck.WRONG);
        return checkWith(credential, door, direction, presented, pinCheck, snapshot);
    }

    Optional<Decision.Denied> checkWith(Credential credential, Door door, Direction direction, FingerprintKey presented,
                                    PinCheck pinCheck, AccessSnapshot snapshot) {
        if (direction == Direction.EXIT) {
            return Optional.empty();
        }
        return switch (door.secondFactor()) {
            case NONE -> Optional.empty();
            case PIN -> pin(credential, pinCheck);
            case FINGERPRINT -> fingerprint(credential, presented, snapshot);
        };
    }

    /** {@code true} when {@code presented} is an ACTIVE enrolled finger of the credential's holder. */
    static boolean fingerMatches(Credential credential, FingerprintKey presented, AccessSnapshot snapshot) {
        if (presented == null) {
            return false;
        }
        Fingerprint enrolled = snapshot.fingerprintOrNull(presented);
        return enrolled != null && enrolled.status() == FingerprintStatus.ACTIVE
                && enrolled.holder().equals(credential.holder());
    }

    private static Optional<Decision.Denied> pin(Credential credential, PinCheck pinCheck) {
        return switch (pinCheck) {
            case NOT_TYPED -> Optional.of(Decision.Denied.of(DenyReason.PIN_REQUIRED, credential));
            case PIN, DURESS -> Optional.empty();
            case WRONG -> Optional.of(Decision.Denied.of(DenyReason.PIN_MISMATCH, credential));
        };
    }

    private static Optional<Decision.Denied> fingerprint(Credential credential, FingerprintKey presented,
                                                         AccessSnapshot snapshot) {
        if (presented == null) {
            return Optional.of(Decision.Denied.of(DenyReason.SECOND_FACTOR_REQUIRED, credential));
        }
        if (!fingerMatches(credential, presented, snapshot)) {
            return Optional.of(Decision.Denied.of(DenyReason.SECOND_FACTOR_MISMATCH, credential));
        }
        return Optional.empty();
    }
}
