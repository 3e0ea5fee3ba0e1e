package dev.warden.policy;

import java.time.Instant;

/**
 * A read held by {@link AccessEngine} until a partner arrives (package-private): a visitor waiting for an escort
 * (rule 12), or the first of a two-person pair (rule 13). Its request is decided again, against the snapshot of the
 * moment, before it may enter.
 *
 * @param person    the holder
 * @param request   the read as received
 * @param escort    the escort a visitor already matched (two-person pending), or null
 * @param expiresAt when it is dropped
 */
record Pending(PersonId person, AccessRequest request, PersonId escort, Instant expiresAt) {

    Instant at() {
        return request.at();
    }
}
