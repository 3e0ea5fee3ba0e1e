package dev.warden.policy;

import java.time.Instant;

/**
 * A read held by {@link AccessEngine} until a partner arrives (package-private): a visitor waiting for an escort
 * (rule 12), or the first of a two-person pair (rule 13). Before it may enter, its request is decided again at the
 * instant of its release, against the snapshot of that moment, and must still be granted to the same person on the
 * same credential.
 *
 * @param person     the holder
 * @param credential the credential the read was granted on (rules 1–10) when it was held
 * @param request    the read as received
 * @param expiresAt  when it is dropped
 */
record Pending(PersonId person, CredentialId credential, AccessRequest request, Instant expiresAt) {

    Instant at() {
        return request.at();
    }
}
