package dev.warden.controller.door;

import java.time.Instant;
import java.util.List;

/**
 * Port: the free-access UNLOCKs that were sent and not yet taken back with a LOCK, kept across restarts so that the
 * {@link FreeAccessScheduler} can send every such door its correct state at start-up (a LOCK to the agent that got
 * the UNLOCK, unless the door is free and open there now). Implementations never throw for a storage failure they
 * can log; the scheduler treats the ledger as best effort and never delays a command for it.
 */
public interface FreeAccessLedger {

    /** An UNLOCK sent to {@code agentId} for {@code doorId}, running until {@code until}. */
    record Unlock(String doorId, String agentId, Instant until) {}

    /** Every outstanding UNLOCK. */
    List<Unlock> outstanding();

    /** Records (or renews) an UNLOCK sent to {@code agentId} for {@code doorId}. */
    void unlocked(String doorId, String agentId, Instant until);

    /** Forgets the UNLOCK of {@code doorId} at {@code agentId}: a LOCK reached that agent. */
    void locked(String doorId, String agentId);
}
