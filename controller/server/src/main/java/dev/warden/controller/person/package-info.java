/**
 * People who may hold credentials (employees, contractors, visitors) with their status (active, suspended,
 * terminated), and the {@code /api/v1/people} endpoints. Terminating a person stops every credential they hold at
 * every door with the next index version: the policy denies PERSON_TERMINATED before looking at anything else
 * of theirs. Clearance and lockdown exemption are security attributes changed only by a SUPERVISOR or ADMIN with a
 * reason ({@code PUT /api/v1/people/{id}/security}); PINs are hashed with a salt keyed by the server-side
 * {@link dev.warden.controller.person.PinPepper}.
 */
package dev.warden.controller.person;
