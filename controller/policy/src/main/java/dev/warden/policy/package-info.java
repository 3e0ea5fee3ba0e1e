/**
 * The pure access-decision core of Warden: who may pass which door, when, and who is inside.
 *
 * <p>Owns the access model (sites with threat level, lockdown and escort rules; nested areas with lockdown,
 * anti-passback and two-person rules; doors and gates with their second factor, free-access schedule and threat
 * marking; persons with clearance, escort right, lockdown exemption and salted PIN / duress PIN hashes; credentials;
 * enrolled fingerprints; schedules with weekly windows, holidays and dated exceptions in a site time zone; access
 * levels and their assignments; visits; one id record per entity), the immutable indexed
 * {@link dev.warden.policy.AccessSnapshot} a decision reads, and two deciders:
 * <ul>
 *   <li>{@link dev.warden.policy.AccessPolicy} — the stateless rules 1–10, answering an
 *       {@link dev.warden.policy.AccessRequest} with a sealed {@link dev.warden.policy.Decision} (granted with its
 *       {@link dev.warden.policy.GrantBasis} and {@link dev.warden.policy.Factor}s, or denied with a
 *       {@link dev.warden.policy.DenyReason}) and reporting duress ({@link dev.warden.policy.PolicyVerdict});
 *       thread-safe, usable offline at the edge;</li>
 *   <li>{@link dev.warden.policy.AccessEngine} — the policy plus the stateful rules 11–13 and the presence model,
 *       answering with an {@link dev.warden.policy.AccessResult} (decision, {@link dev.warden.policy.PresenceChange}s,
 *       {@link dev.warden.policy.Signal}s); not thread-safe, callers serialise.</li>
 * </ul>
 *
 * <p>Rule order (first denial wins), one small class per rule:
 * <ol>
 *   <li>door known ({@code UNKNOWN_DOOR})</li>
 *   <li>credential known ({@code UNKNOWN_CREDENTIAL})</li>
 *   <li>credential status ({@code CREDENTIAL_SUSPENDED, _REVOKED, _LOST, _SURRENDERED})</li>
 *   <li>credential validity ({@code CREDENTIAL_NOT_YET_VALID, CREDENTIAL_EXPIRED})</li>
 *   <li>person status, terminated before suspended ({@code PERSON_TERMINATED, PERSON_SUSPENDED})</li>
 *   <li>visit of a visitor ({@code NO_ACTIVE_VISIT})</li>
 *   <li>lockdown, ENTRY only ({@code LOCKDOWN})</li>
 *   <li>threat level at marked doors, ENTRY only ({@code THREAT_LEVEL})</li>
 *   <li>second factor, ENTRY only: card + PIN ({@code PIN_REQUIRED, PIN_MISMATCH}; the duress PIN passes and is
 *       reported), card + fingerprint ({@code SECOND_FACTOR_REQUIRED, SECOND_FACTOR_MISMATCH})</li>
 *   <li>entitlement: free access, visit, or access level and schedule ({@code NO_ACCESS_LEVEL,
 *       OUTSIDE_SCHEDULE})</li>
 *   <li>anti-passback per area ({@code PASSBACK}) — engine</li>
 *   <li>visitor escort ({@code ESCORT_REQUIRED, ESCORT_CAPACITY}) — engine</li>
 *   <li>two-person areas ({@code TWO_PERSON_PENDING, TWO_PERSON_EXIT}) — engine</li>
 * </ol>
 * The full text with worked examples is {@code docs/policy.md}; why the engine is separate is
 * {@code docs/decisions/003-stateful-rules-in-an-engine.md}.
 *
 * <p>Depends on {@code java.*} only: no framework, no I/O, no logging, no clock (an ArchUnit test enforces the
 * first three; time always comes in the arguments). Frameworks build these objects explicitly in their own
 * factories. The subpackage {@code alarm} holds the pure alarm core.
 */
package dev.warden.policy;
