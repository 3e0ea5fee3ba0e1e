package dev.warden.controller.decision;

import dev.warden.policy.AccessSnapshot;
import java.time.Instant;
import java.util.Map;

/**
 * One immutable version of everything the hot path reads.
 *
 * @param snapshot    the policy's view of people, credentials, doors, schedules, levels, assignments
 * @param readers     reader id → binding
 * @param doorNames   door id → name (for event views)
 * @param personNames person id → display name (for event views)
 * @param builtAt     when this version was built
 */
public record IndexView(
        AccessSnapshot snapshot,
        Map<String, ReaderBinding> readers,
        Map<String, String> doorNames,
        Map<String, String> personNames,
        Instant builtAt) {

    static final IndexView EMPTY = new IndexView(AccessSnapshot.empty(), Map.of(), Map.of(), Map.of(), Instant.EPOCH);

    public long version() {
        return snapshot.version();
    }
}
