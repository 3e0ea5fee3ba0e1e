package dev.warden.controller.decision;

import dev.warden.contract.Verdict;
import dev.warden.policy.Factor;
import dev.warden.policy.GrantBasis;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The answer to a {@link ReaderAttempt}.
 *
 * <p>A grant under a duress PIN is indistinguishable from a normal grant here (same verdict, reason, factors and
 * basis): the duress alarm travels only to the alarms, never back to the agent or into the event stream.
 *
 * @param verdict  GRANT or DENY
 * @param reason   {@code GRANTED}, a policy {@code DenyReason} name, {@code UNKNOWN_READER},
 *                 {@code READER_DOOR_MISMATCH}, {@code AGENT_DOOR_MISMATCH}, {@code READER_NOT_STANDALONE} or
 *                 {@code INTERNAL_ERROR}
 * @param unlockMs how long to release the lock: the door's unlock time when granted, else 0
 * @param doorId   the door the reader serves, null for an unknown reader
 * @param personId the card holder when known
 * @param factors  for a grant, the factors checked (always CARD; PIN and/or FINGERPRINT when they matched); empty
 *                 for a denial
 * @param basis    for a grant, what entitled it (access level, free access, visit); null for a denial
 */
public record Outcome(Verdict verdict, String reason, long unlockMs, String doorId, String personId,
                      Set<Factor> factors, GrantBasis basis) {

    public Outcome {
        factors = factors == null || factors.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(factors));
    }

    /** No factors, no basis: a denial (or a test's short form). */
    public Outcome(Verdict verdict, String reason, long unlockMs, String doorId, String personId) {
        this(verdict, reason, unlockMs, doorId, personId, Set.of(), null);
    }

    /** The factors as the event detail writes them, in a fixed order: e.g. {@code CARD+PIN}; empty when none. */
    public String factorText() {
        StringBuilder sb = new StringBuilder();
        for (Factor f : Factor.values()) {
            if (factors.contains(f)) {
                sb.append(sb.isEmpty() ? "" : "+").append(f.name());
            }
        }
        return sb.toString();
    }
}
