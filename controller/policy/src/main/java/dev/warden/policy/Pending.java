package dev.warden.policy;

import java.time.Instant;

/**
 * A read held by {@link AccessEngine} until a partner arrives (package-private): a visitor waiting for an escort
 * (rule 12), or the first of a two-person pair (rule 13). Its request is decided again, against the snapshot of the
 * moment, before it may enter.
 *
 * @param person    the holder
 * @param request   the read as received
 * @param expiresAt when it is dropped
 */
record Pending(PersonId person, AccessRequest request, Instant expiresAt) {

    Instant at() {
        return request.at();
    }
}
