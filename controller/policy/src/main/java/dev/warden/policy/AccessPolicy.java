package dev.warden.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stateless access decision: the composition of the rules of this package, in this order (the first rule that
 * denies gives the answer). The stateful rules 11–13 follow in {@link AccessEngine}; see {@code docs/policy.md}.
 * <ol>
 *   <li>{@link DoorKnownPolicy} — the door is in the snapshot, else {@code UNKNOWN_DOOR};</li>
 *   <li>{@link CredentialKnownPolicy} — a credential exists for the card, else {@code UNKNOWN_CREDENTIAL};</li>
 *   <li>{@link CredentialStatusPolicy} — the credential is ACTIVE, else {@code CREDENTIAL_SUSPENDED /
 *       REVOKED / LOST / SURRENDERED};</li>
 *   <li>{@link CredentialValidityPolicy} — {@code validFrom <= at < validUntil}, else
 *       {@code CREDENTIAL_NOT_YET_VALID / CREDENTIAL_EXPIRED};</li>
 *   <li>{@link PersonStatusPolicy} — the holder is ACTIVE: {@code PERSON_TERMINATED} is checked before
 *       {@code PERSON_SUSPENDED};</li>
 *   <li>{@link VisitPolicy} — a VISITOR has an active approved visit covering the door's area, else
 *       {@code NO_ACTIVE_VISIT} (ENTRY and EXIT);</li>
 *   <li>{@link LockdownPolicy} — no ENTRY into a locked-down area or site unless lockdown-exempt, else
 *       {@code LOCKDOWN};</li>
 *   <li>{@link ThreatLevelPolicy} — at a threat-marked door the holder's clearance reaches the site's threat level,
 *       else {@code THREAT_LEVEL} (ENTRY);</li>
 *   <li>{@link SecondFactorPolicy} — the door's PIN or fingerprint confirms the holder, else {@code PIN_REQUIRED /
 *       PIN_MISMATCH / SECOND_FACTOR_REQUIRED / SECOND_FACTOR_MISMATCH} (ENTRY);</li>
 *   <li>entitlement — {@link FreeAccessPolicy} (ENTRY while the door's free-access schedule is open: basis
 *       FREE_ACCESS), else a VISITOR (basis VISIT, rule 6 checked the area), else {@link AccessLevelSchedulePolicy}
 *       ({@code NO_ACCESS_LEVEL / OUTSIDE_SCHEDULE}, basis ACCESS_LEVEL naming the first granting level by id);</li>
 *   <li>{@link Decision.Granted} with the factors checked: CARD always, PIN when a typed PIN matched (the duress PIN
 *       included), FINGERPRINT when a presented finger matched the holder.</li>
 * </ol>
 * Duress (the holder's duress PIN typed) is reported by {@link #evaluate} and {@link #isDuress}, never in the
 * decision. Never throws for any snapshot or request contents (only null arguments are rejected); stateless and
 * thread-safe. Cost: a few hash look-ups, one pass over the holder's assignments (and visits), a walk up the area
 * tree, and SHA-256 only when a PIN was typed; no streams.
 */
public final class AccessPolicy {

    private static final Set<Factor> CARD_PIN = Set.of(Factor.CARD, Factor.PIN);
    private static final Set<Factor> CARD_FINGERPRINT = Set.of(Factor.CARD, Factor.FINGERPRINT);
    private static final Set<Factor> CARD_PIN_FINGERPRINT = Set.of(Factor.CARD, Factor.PIN, Factor.FINGERPRINT);

    private final DoorKnownPolicy doorKnown = new DoorKnownPolicy();
    private final CredentialKnownPolicy credentialKnown = new CredentialKnownPolicy();
    private final CredentialStatusPolicy credentialStatus = new CredentialStatusPolicy();
    private final CredentialValidityPolicy credentialValidity = new CredentialValidityPolicy();
    private final PersonStatusPolicy personStatus = new PersonStatusPolicy();
    private final VisitPolicy visit = new VisitPolicy();
    private final LockdownPolicy lockdown = new LockdownPolicy();
    private final ThreatLevelPolicy threatLevel = new ThreatLevelPolicy();
    private final SecondFactorPolicy secondFactor = new SecondFactorPolicy();
    private final FreeAccessPolicy freeAccess = new FreeAccessPolicy();
    private final AccessLevelSchedulePolicy accessLevelSchedule = new AccessLevelSchedulePolicy();

    /**
     * Decides {@code request} against {@code snapshot} (rules 1–10).
     *
     * @throws NullPointerException when an argument is null
     */
    public Decision decide(AccessRequest request, AccessSnapshot snapshot) {
        return evaluate(request, snapshot).decision();
    }

    /**
     * {@code true} when the request's PIN is the duress PIN of the holder of its (known) credential, whatever the
     * decision. Costs one SHA-256 when a PIN was typed and the holder has a duress PIN.
     *
     * @throws NullPointerException when an argument is null
     */
    public boolean isDuress(AccessRequest request, AccessSnapshot snapshot) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(snapshot, "snapshot");
        if (request.pin() == null) {
            return false;
        }
        Credential credential = snapshot.credentialOrNull(request.card());
        Person holder = credential == null ? null : snapshot.personOrNull(credential.holder());
        return holder != null && holder.duressPin() != null && holder.duressPin().matches(request.pin());
    }

    /**
     * The decision of rules 1–10 and whether the holder's duress PIN was typed.
     *
     * @throws NullPointerException when an argument is null
     */
    public PolicyVerdict evaluate(AccessRequest request, AccessSnapshot snapshot) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(snapshot, "snapshot");

        Optional<Decision.Denied> denied = doorKnown.check(request.door(), snapshot);
        if (denied.isPresent()) {
            return new PolicyVerdict(denied.get(), false);
        }
        denied = credentialKnown.check(request.card(), snapshot);
        if (denied.isPresent()) {
            return new PolicyVerdict(denied.get(), false);
        }
        Credential credential = snapshot.credentialOrNull(request.card());
        Person holder = snapshot.personOrNull(credential.holder());
        PinCheck pin = holder == null ? PinCheck.NOT_TYPED : PinCheck.of(holder, request.pin());
        boolean duress = pin == PinCheck.DURESS;

        denied = credentialStatus.check(credential);
        if (denied.isEmpty()) {
            denied = credentialValidity.check(credential, request.at());
        }
        if (denied.isEmpty()) {
            denied = personStatus.check(credential, snapshot);
        }
        if (denied.isPresent()) {
            return new PolicyVerdict(denied.get(), duress);
        }
        Door door = snapshot.doorOrNull(request.door());
        denied = visit.check(holder, credential, door, request.at(), snapshot);
        if (denied.isEmpty()) {
            denied = lockdown.check(holder, credential, door, request.direction(), snapshot);
        }
        if (denied.isEmpty()) {
            denied = threatLevel.check(holder, credential, door, request.direction(), snapshot);
        }
        if (denied.isEmpty()) {
            denied = secondFactor.checkWith(credential, door, request.direction(), request.fingerprint(), pin,
                    snapshot);
        }
        if (denied.isPresent()) {
            return new PolicyVerdict(denied.get(), duress);
        }
        Set<Factor> factors = factors(pin.matched(),
                SecondFactorPolicy.fingerMatches(credential, request.fingerprint(), snapshot));
        Decision decision;
        if (freeAccess.isOpen(door, request.direction(), request.at(), snapshot)) {
            decision = new Decision.Granted(holder.id(), credential.id(), null, factors, GrantBasis.FREE_ACCESS);
        } else if (holder.kind() == PersonKind.VISITOR) {
            decision = new Decision.Granted(holder.id(), credential.id(), null, factors, GrantBasis.VISIT);
        } else {
            decision = accessLevelSchedule.evaluate(credential, request.door(), request.at(), snapshot, factors);
        }
        return new PolicyVerdict(decision, duress);
    }

    private static Set<Factor> factors(boolean pin, boolean finger) {
        if (pin) {
            return finger ? CARD_PIN_FINGERPRINT : CARD_PIN;
        }
        return finger ? CARD_FINGERPRINT : Decision.Granted.CARD_ONLY;
    }
}
