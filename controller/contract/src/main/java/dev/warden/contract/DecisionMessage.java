package dev.warden.contract;

import java.time.Instant;

/**
 * The controller's answer to a {@link ReaderRead} or an {@link AccessRequest}.
 *
 * @param requestId echoes the request's id; {@code null} only when a rejected payload had none readable
 * @param decision GRANT, DENY or REJECTED
 * @param reason a reason code: {@code GRANTED}, a policy denial code such as {@code OUTSIDE_SCHEDULE}, or a
 *     rejection code such as {@code MALFORMED_JSON}
 * @param unlockMs how long to release the lock; 0 unless granted
 * @param detail a human-readable explanation for rejections; never contains secrets
 */
public record DecisionMessage(
        String requestId, Verdict decision, String reason, long unlockMs, String detail, Instant decidedAt) {
    public DecisionMessage {
        if (decision == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("decision and reason are required");
        }
        if (unlockMs < 0 || (decision != Verdict.GRANT && unlockMs != 0)) {
            throw new IllegalArgumentException("unlockMs must be >= 0, and 0 unless granted");
        }
        if (decidedAt == null) {
            throw new IllegalArgumentException("decidedAt is required");
        }
    }

    public static DecisionMessage rejected(String requestId, String reason, String detail, Instant at) {
        return new DecisionMessage(requestId, Verdict.REJECTED, reason, 0, detail, at);
    }
}
