package dev.warden.controller.occupancy;

import dev.warden.policy.Presence;
import dev.warden.policy.PresenceChange;
import java.util.List;

/**
 * Where the access engine's presence goes so that it survives a restart. {@link Occupancy} calls {@link #record}
 * and {@link #replace} while it holds its lock, in the order the engine made the changes; both must return at once
 * (no I/O on the caller's thread).
 */
public interface PresenceJournal {

    /** Everything stored, read once at start-up (before the first decision). */
    List<Presence> load();

    /**
     * Gives the journal a way to ask for the engine's whole presence: {@code resync} takes the occupancy lock and
     * calls {@link #replace} with it. A journal calls it when it lost changes (a full queue, a failed write) and on
     * shutdown.
     */
    void attach(Runnable resync);

    /** Changes the engine just made, in order. */
    void record(List<PresenceChange> changes);

    /** The engine's whole presence, replacing everything recorded before. */
    void replace(List<Presence> all);
}
