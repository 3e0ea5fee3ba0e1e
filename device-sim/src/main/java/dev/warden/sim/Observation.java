package dev.warden.sim;

import dev.warden.sim.walker.ReadKind;
import java.time.Duration;

/**
 * What a simulated reader observed after a card was presented.
 *
 * @param requestId the id the simulated reader put in its read
 * @param ledColor the LED color the edge agent commanded (readers behind an agent), or {@code null}
 * @param unlockMs how long the door's lock was released (from the lock's UNLOCK command, or from a standalone
 *     reader's decision); 0 if it was not
 * @param reason the controller's reason code (standalone readers), or {@code null} when the reader cannot know it
 * @param latency from sending the read to observing the outcome
 */
public record Observation(
        String readerId,
        String requestId,
        ReadKind kind,
        Outcome outcome,
        String ledColor,
        long unlockMs,
        String reason,
        Duration latency) {

    /** The outcome as the reader saw it. */
    public enum Outcome {
        /** Green LED / GRANT decision. */
        GRANTED,
        /** Red LED / DENY decision. */
        DENIED,
        /** The controller rejected the read as unusable (standalone readers only). */
        REJECTED,
        /** Nothing came back in time. */
        NO_RESPONSE,
        /** Nothing was expected: a malformed payload to an edge agent, which drops it (and counts it). */
        IGNORED
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(outcome);
        if (ledColor != null) {
            sb.append(" led=").append(ledColor);
        }
        if (unlockMs > 0) {
            sb.append(" unlock=").append(unlockMs).append("ms");
        }
        if (reason != null) {
            sb.append(" reason=").append(reason);
        }
        return sb.append(" in ").append(latency.toMillis()).append(" ms").toString();
    }
}
