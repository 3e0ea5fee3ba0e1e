package dev.warden.agent.device;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Port: identify a finger on a fingerprint module (capture, image to template, search the module's library).
 * The stage completes on the driver's thread; it never completes exceptionally.
 */
public interface FingerprintScanner {

    /** Waits up to {@code waitForFinger} for a finger on module {@code moduleId}, then searches its library. */
    CompletionStage<FingerprintResult> identify(String moduleId, Duration waitForFinger);

    /** The outcome of one {@link #identify}. */
    sealed interface FingerprintResult {
        /** The finger matched the template stored at {@code pageId}, with the module's {@code score}. */
        record Match(int pageId, int score) implements FingerprintResult {}

        /** A finger was read but is not in the module's library. */
        record NoMatch() implements FingerprintResult {}

        /** No usable finger within the wait (none placed, image too messy, too few features). */
        record NoFinger(String reason) implements FingerprintResult {}

        /** The module did not answer or answered with an error; {@code reason} is a short code. */
        record Failed(String reason) implements FingerprintResult {}
    }
}
