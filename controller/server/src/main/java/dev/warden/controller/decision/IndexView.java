package dev.warden.controller.decision;

import dev.warden.policy.AccessSnapshot;
import java.time.Instant;
import java.util.Map;

/**
 * One immutable version of everything the hot path reads.
 *
 * @param snapshot    the policy's view of sites, areas, people (with PINs and flags), credentials, doors, schedules
 *                    (with holidays and exceptions), levels, assignments, fingerprints and visits
 * @param readers     reader id → binding
 * @param doorNames   door id → name (for event views)
 * @param personNames person id → display name (for event views)
 * @param builtAt     when this version was built
 * @param doorAgents  door id → id of the edge agent serving it (doors read by standalone readers are absent): where
 *                    door commands for it go
 */
public record IndexView(
        AccessSnapshot snapshot,
        Map<String, ReaderBinding> readers,
        Map<String, String> doorNames,
        Map<String, String> personNames,
        Instant builtAt,
        Map<String, String> doorAgents) {

    static final IndexView EMPTY = new IndexView(AccessSnapshot.empty(), Map.of(), Map.of(), Map.of(), Instant.EPOCH);

    public IndexView {
        doorAgents = Map.copyOf(doorAgents);
    }

    /** A view without door agents. */
    public IndexView(AccessSnapshot snapshot, Map<String, ReaderBinding> readers, Map<String, String> doorNames,
                     Map<String, String> personNames, Instant builtAt) {
        this(snapshot, readers, doorNames, personNames, builtAt, Map.of());
    }

    public long version() {
        return snapshot.version();
    }
}
