package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Devices and edge agents going offline and coming back. Going offline raises DEVICE_OFFLINE (at the device) or
 * AGENT_OFFLINE (at the agent), once per outage: a second offline report while still offline raises nothing.
 * Coming back online always yields a clear (the open alarm, if any, is cleared; after a restart the detector does not
 * know which devices were offline, the store does).
 *
 * <p>Not thread-safe. Remembers the devices and agents that are offline now.
 */
public final class OfflineDetector {
    private final Set<String> offline = new HashSet<>();

    /** A device reported offline ({@code online} false, with its reason) or online again. */
    public Optional<AlarmTrigger> device(String deviceId, String doorId, boolean online, String reason, Instant at) {
        AlarmPlace place = AlarmPlace.device(deviceId, doorId);
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
        offline.add(Objects.requireNonNull(placeKey, "placeKey"));
    }

    /** Forgets an outage (its alarm was cleared by an operator): the next offline report raises again. */
    public void forget(String placeKey) {
        offline.remove(placeKey);
    }

    public boolean isOffline(String placeKey) {
        return offline.contains(placeKey);
    }

    private Optional<AlarmTrigger> change(AlarmType type, AlarmPlace place, boolean online, Instant at,
                                          String offlineText, String onlineText) {
        Objects.requireNonNull(at, "at");
        if (online) {
            offline.remove(place.key());
            return Optional.of(new AlarmTrigger.Clear(type, place, at, onlineText));
        }
        if (!offline.add(place.key())) {
            return Optional.empty();
        }
        return Optional.of(new AlarmTrigger.Raise(type, place, at, offlineText));
    }
}
