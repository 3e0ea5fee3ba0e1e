package dev.warden.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The access decision: the composition of the rules of this package, in this order (the first rule that denies
 * gives the answer):
 * <ol>
 *   <li>{@link DoorKnownPolicy} — the door is in the snapshot, else {@code UNKNOWN_DOOR};</li>
 *   <li>{@link CredentialKnownPolicy} — a credential exists for the card, else {@code UNKNOWN_CREDENTIAL};</li>
 *   <li>{@link CredentialStatusPolicy} — the credential is ACTIVE, else {@code CREDENTIAL_SUSPENDED /
 *       REVOKED / LOST / SURRENDERED};</li>
 *   <li>{@link CredentialValidityPolicy} — {@code validFrom <= at < validUntil}, else
 *       {@code CREDENTIAL_NOT_YET_VALID / CREDENTIAL_EXPIRED};</li>
 *   <li>{@link PersonStatusPolicy} — the holder is ACTIVE: {@code PERSON_TERMINATED} is checked before
 *       {@code PERSON_SUSPENDED};</li>
 *   <li>{@link SecondFactorPolicy} — the door's second factor confirms the card holder: at a card + fingerprint
 *       door a finger must be presented ({@code SECOND_FACTOR_REQUIRED}) and be an ACTIVE enrolled fingerprint of
 *       the card's holder ({@code SECOND_FACTOR_MISMATCH}). Identity is settled before entitlement;</li>
 *   <li>{@link AccessLevelSchedulePolicy} — an assignment valid at {@code at} gives a level containing the door,
 *       else {@code NO_ACCESS_LEVEL}; one of those levels' schedules is open at {@code at}, else
 *       {@code OUTSIDE_SCHEDULE};</li>
 *   <li>{@link Decision.Granted} naming the first level, by id order, that grants.</li>
 * </ol>
 * Never throws for any snapshot or request contents (only null arguments are rejected); stateless and thread-safe.
 * Cost: a few hash look-ups plus one pass over the holder's assignments; no streams.
 */
public final class AccessPolicy {

    private final DoorKnownPolicy doorKnown = new DoorKnownPolicy();
    private final CredentialKnownPolicy credentialKnown = new CredentialKnownPolicy();
    private final CredentialStatusPolicy credentialStatus = new CredentialStatusPolicy();
    private final CredentialValidityPolicy credentialValidity = new CredentialValidityPolicy();
    private final PersonStatusPolicy personStatus = new PersonStatusPolicy();
    private final SecondFactorPolicy secondFactor = new SecondFactorPolicy();
    private final AccessLevelSchedulePolicy accessLevelSchedule = new AccessLevelSchedulePolicy();

    /**
     * Decides {@code request} against {@code snapshot}.
     *
     * @throws NullPointerException when an argument is null
     */
    public Decision decide(AccessRequest request, AccessSnapshot snapshot) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(snapshot, "snapshot");

        Optional<Decision.Denied> denied = doorKnown.check(request.door(), snapshot);
        if (denied.isPresent()) {
            return denied.get();
        }
        denied = credentialKnown.check(request.card(), snapshot);
        if (denied.isPresent()) {
            return denied.get();
        }
        Credential credential = snapshot.credentialOrNull(request.card());
        denied = credentialStatus.check(credential);
        if (denied.isPresent()) {
            return denied.get();
        }
        denied = credentialValidity.check(credential, request.at());
        if (denied.isPresent()) {
            return denied.get();
        }
        denied = personStatus.check(credential, snapshot);
        if (denied.isPresent()) {
            return denied.get();
        }
        denied = secondFactor.check(credential, snapshot.doorOrNull(request.door()), request.fingerprint(), snapshot);
        if (denied.isPresent()) {
            return denied.get();
        }
        return accessLevelSchedule.evaluate(credential, request.door(), request.at(), snapshot);
    }
}
