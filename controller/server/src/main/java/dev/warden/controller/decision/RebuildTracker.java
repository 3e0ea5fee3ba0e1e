package dev.warden.controller.decision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tracks whether committed access changes have reached the index: the time of the oldest rebuild request that no
 * successful rebuild has covered yet, and the last rebuild error. A rebuild covers every request made before it
 * started (requests come after their transaction committed); a request made while it runs may have been missed and
 * stays pending. Thread-safe; pure (no I/O), time from the injected {@link Clock}.
 */
final class RebuildTracker {
    /** A committed change not applied for longer than this makes the index stale. */
    static final Duration MAX_LAG = Duration.ofSeconds(30);

    /** What {@link AccessIndexHealth} reports. */
    record Status(boolean stale, Instant oldestPending, String lastError, Instant lastFailure, Instant lastSuccess) {}

    private final Clock clock;
    private Instant oldestPending;
    private Instant firstDuringRebuild;
    private boolean rebuilding;
    private String lastError;
    private Instant lastFailure;
    private Instant lastSuccess;

    RebuildTracker(Clock clock) {
        this.clock = clock;
    }

    synchronized void requested() {
        Instant now = clock.instant();
        if (oldestPending == null) {
            oldestPending = now;
        }
        if (rebuilding && firstDuringRebuild == null) {
            firstDuringRebuild = now;
        }
    }

    synchronized void started() {
        rebuilding = true;
        firstDuringRebuild = null;
    }

    synchronized void succeeded() {
        rebuilding = false;
        oldestPending = firstDuringRebuild;
        firstDuringRebuild = null;
        lastError = null;
        lastSuccess = clock.instant();
    }

    synchronized void failed(Throwable error) {
        rebuilding = false;
        if (oldestPending == null) {
            oldestPending = firstDuringRebuild != null ? firstDuringRebuild : clock.instant();
        }
        firstDuringRebuild = null;
        String message = error.getMessage();
        lastError = error.getClass().getSimpleName() + (message == null ? "" : ": " + clip(message));
        lastFailure = clock.instant();
    }

    synchronized Status status() {
        boolean stale = oldestPending != null && clock.instant().isAfter(oldestPending.plus(MAX_LAG));
        return new Status(stale, oldestPending, lastError, lastFailure, lastSuccess);
    }

    private static String clip(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
