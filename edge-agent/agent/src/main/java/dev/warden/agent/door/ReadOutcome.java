package dev.warden.agent.door;

import java.time.Duration;

/** What the agent did about one card read. */
public sealed interface ReadOutcome {

    /** The controller granted; the lock was released for {@code unlockFor} and the LED shown green. */
    record Granted(String requestId, Duration unlockFor) implements ReadOutcome {}

    /** The controller denied or rejected the request; red LED and a short beep. */
    record Denied(String requestId, String verdict, String reason) implements ReadOutcome {}

    /** No usable answer in time: the door stayed locked (fail secure), red LED, and an event says so. */
    record FailedSecure(String requestId, String reason) implements ReadOutcome {}

    /** The read was refused at the edge before asking (e.g. Wiegand parity error); red LED, READ_REJECTED event. */
    record RejectedAtEdge(String reason, String detail) implements ReadOutcome {}

    /** The device is not a reader of any door this agent serves; nothing was done. */
    record UnknownReader(String deviceId) implements ReadOutcome {}
}
