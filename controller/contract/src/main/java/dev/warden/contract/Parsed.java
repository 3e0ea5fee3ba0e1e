package dev.warden.contract;

/** The outcome of parsing a payload: a valid message, or a rejection with a reason code. Never null, never thrown. */
public sealed interface Parsed<T> {

    record Ok<T>(T value) implements Parsed<T> {}

    /**
     * @param reason {@link #PAYLOAD_TOO_LARGE}, {@link #MALFORMED_JSON} or {@link #INVALID_PAYLOAD}
     * @param detail what was wrong, for the log and the rejection message (contains no payload content)
     * @param requestId the payload's {@code requestId} when it could be read, so the sender can correlate
     */
    record Rejected<T>(String reason, String detail, String requestId) implements Parsed<T> {}

    String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    String MALFORMED_JSON = "MALFORMED_JSON";
    String INVALID_PAYLOAD = "INVALID_PAYLOAD";
}
