package dev.warden.controller.decision;

import dev.warden.contract.Verdict;

/**
 * The answer to a {@link ReaderAttempt}.
 *
 * @param verdict  GRANT or DENY
 * @param reason   {@code GRANTED}, a policy {@code DenyReason} name, {@code UNKNOWN_READER},
 *                 {@code READER_DOOR_MISMATCH}, {@code AGENT_DOOR_MISMATCH}, {@code READER_NOT_STANDALONE} or
 *                 {@code INTERNAL_ERROR}
 * @param unlockMs how long to release the lock: the door's unlock time when granted, else 0
 * @param doorId   the door the reader serves, null for an unknown reader
 * @param personId the card holder when known
 */
public record Outcome(Verdict verdict, String reason, long unlockMs, String doorId, String personId) {}
