/**
 * People who may hold credentials (employees, contractors, visitors) with their status (active, suspended,
 * terminated), and the {@code /api/v1/people} endpoints. Terminating a person stops every credential they hold at
 * every door with the next index version: the policy denies PERSON_TERMINATED before looking at anything else
 * of theirs.
 */
package dev.warden.controller.person;
