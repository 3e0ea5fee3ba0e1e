package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Devices and edge agents going offline and coming back. Going offline raises DEVICE_OFFLINE (at the agent's device)
 * or AGENT_OFFLINE (at the agent), once per outage: a second offline report while still offline raises nothing.
 * Coming back online always yields a clear (the open alarm, if any, is cleared; after a restart the detector does not
 * know which devices were offline, the store does).
 *
 * <p>Not thread-safe. Remembers at most {@code maxTracked} places that are offline now; an outage beyond that is
 * refused (no raise; {@link #refusedCount()}).
 */
public final class OfflineDetector {
    /** Default bound on remembered outages. */
    public static final int MAX_TRACKED = 10_000;

    private final int maxTracked;
    private final Set<String> offline = new HashSet<>();
    private long refused;

    public OfflineDetector() {
        this(MAX_TRACKED);
    }

    public OfflineDetector(int maxTracked) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be >= 1");
        }
        this.maxTracked = maxTracked;
    }

    /** A device of an agent reported offline ({@code online} false, with its reason) or online again. */
    public Optional<AlarmTrigger> device(String agentId, String deviceId, String doorId, boolean online, String reason,
                                         Instant at) {
        AlarmPlace place = AlarmPlace.device(agentId, deviceId, doorId);
        return change(AlarmType.DEVICE_OFFLINE, place, online, at,
                "device " + deviceId + " offline" + (reason == null || reason.isBlank() ? "" : ": " + reason),
                "device " + deviceId + " online again");
    }

    /** An edge agent reported offline (its Last Will, or a clean stop) or online. */
    public Optional<AlarmTrigger> agent(String agentId, boolean online, Instant at) {
        return change(AlarmType.AGENT_OFFLINE, AlarmPlace.agent(agentId), online, at,
                "agent " + agentId + " offline", "agent " + agentId + " online again");
    }

    /** Marks a place as offline without raising, e.g. from an alarm still open after a restart. */
    public void restoreOffline(String placeKey) {
        Objects.requireNonNull(placeKey, "placeKey");
        if (offline.size() < maxTracked || offline.contains(placeKey)) {
            offline.add(placeKey);
        }
    }

    /** Forgets an outage (its alarm was cleared by an operator): the next offline report raises again. */
    public void forget(String placeKey) {
        offline.remove(placeKey);
    }

    public boolean isOffline(String placeKey) {
        return offline.contains(placeKey);
    }

    /** Outages not raised because {@code maxTracked} places were already offline. */
    public long refusedCount() {
        return refused;
    }

    private Optional<AlarmTrigger> change(AlarmType type, AlarmPlace place, boolean online, Instant at,
                                          String offlineText, String onlineText) {
        Objects.requireNonNull(at, "at");
        if (online) {
            offline.remove(place.key());
            return Optional.of(new AlarmTrigger.Clear(type, place, at, onlineText));
        }
        if (offline.contains(place.key())) {
            return Optional.empty();
        }
        if (offline.size() >= maxTracked) {
            refused++;
            return Optional.empty();
        }
        offline.add(place.key());
        return Optional.of(new AlarmTrigger.Raise(type, place, at, offlineText));
    }
}
