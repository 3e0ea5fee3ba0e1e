/**
 * The pure access-decision core of Warden: who may pass which door, when.
 *
 * <p>Owns the access model (persons, credentials, enrolled fingerprints, doors with their second factor, weekly
 * schedules in a site time zone, access levels and their assignments, one id record per entity), the immutable indexed {@link dev.warden.policy.AccessSnapshot}
 * a decision reads, and {@link dev.warden.policy.AccessPolicy}, which answers an
 * {@link dev.warden.policy.AccessRequest} with a sealed {@link dev.warden.policy.Decision}: granted through an
 * access level, or denied with a {@link dev.warden.policy.DenyReason}.
 *
 * <p>Rule order (first denial wins), one small policy class per concern:
 * <ol>
 *   <li>door known ({@code UNKNOWN_DOOR})</li>
 *   <li>credential known ({@code UNKNOWN_CREDENTIAL})</li>
 *   <li>credential status ({@code CREDENTIAL_SUSPENDED, _REVOKED, _LOST, _SURRENDERED})</li>
 *   <li>credential validity ({@code CREDENTIAL_NOT_YET_VALID, CREDENTIAL_EXPIRED})</li>
 *   <li>person status, terminated before suspended ({@code PERSON_TERMINATED, PERSON_SUSPENDED})</li>
 *   <li>second factor of the door: card + fingerprint ({@code SECOND_FACTOR_REQUIRED, SECOND_FACTOR_MISMATCH})</li>
 *   <li>access level and schedule ({@code NO_ACCESS_LEVEL, OUTSIDE_SCHEDULE})</li>
 *   <li>granted, naming the first granting level by id order</li>
 * </ol>
 *
 * <p>Depends on {@code java.*} only: no framework, no I/O, no logging (an ArchUnit test enforces it).
 * Frameworks build these objects explicitly in their own factories.
 */
package dev.warden.policy;
