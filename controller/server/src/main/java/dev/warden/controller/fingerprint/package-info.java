/**
 * Enrolled fingerprints, the second factor of card + fingerprint doors: a finger stored at one page of one
 * fingerprint module's library, its holder and status, and the {@code /api/v1/fingerprints} endpoints. A module
 * reports a match as (module id, page id); the access index maps that to the person here, and the policy requires
 * it to be the card holder's (see {@code dev.warden.policy.SecondFactorPolicy}).
 */
package dev.warden.controller.fingerprint;
