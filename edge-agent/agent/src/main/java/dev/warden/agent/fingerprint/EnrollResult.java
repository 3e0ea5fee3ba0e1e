package dev.warden.agent.fingerprint;

/** The outcome of {@link FingerprintBus#enroll}: two captures of the same finger, combined and stored at a page. */
public sealed interface EnrollResult {

    /** The template is stored at {@code pageId}. */
    record Enrolled(int pageId) implements EnrollResult {}

    /**
     * No usable finger within the wait for capture {@code capture} (1 or 2); {@code reason} such as
     * {@code NO_FINGER}, {@code IMAGE_TOO_MESSY}, {@code TOO_FEW_FEATURES}.
     */
    record NoFinger(int capture, String reason) implements EnrollResult {}

    /** The finger was not lifted between the two captures within the wait. */
    record NotLifted() implements EnrollResult {}

    /** The two captures do not combine into one template (not the same finger). */
    record Mismatch() implements EnrollResult {}

    /**
     * The module did not answer or refused; {@code reason} is a short code such as {@code NO_REPLY},
     * {@code LINK_DOWN}, {@code BAD_PASSWORD}, {@code BAD_PAGE}, {@code FLASH_ERROR}, {@code UNKNOWN_MODULE},
     * {@code CLOSED}, {@code MODULE_BUSY} (an identify or enrol for the module is queued or running),
     * {@code QUEUE_FULL}, {@code BUS_FAILED}.
     */
    record Failed(String reason) implements EnrollResult {}
}
