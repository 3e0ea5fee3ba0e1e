package dev.warden.agent.testing;

import dev.warden.agent.door.DriveDoor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link DriveDoor} that remembers what it was told to do, in order. */
public final class RecordingDoor implements DriveDoor {

    /** One thing the door hardware was told to do. */
    public record Act(String deviceId, String action, String color, Duration duration) {}

    private final List<Act> acts = new ArrayList<>();

    @Override
    public synchronized void unlock(String lockId, Duration duration) {
        acts.add(new Act(lockId, "UNLOCK", null, duration));
    }

    @Override
    public synchronized void lock(String lockId) {
        acts.add(new Act(lockId, "LOCK", null, Duration.ZERO));
    }

    @Override
    public synchronized void led(String readerId, String color, Duration duration) {
        acts.add(new Act(readerId, "LED", color, duration));
    }

    @Override
    public synchronized void buzz(String readerId, Duration duration) {
        acts.add(new Act(readerId, "BUZZER", null, duration));
    }

    public synchronized List<Act> acts() {
        return List.copyOf(acts);
    }

    public synchronized boolean unlocked() {
        return acts.stream().anyMatch(a -> a.action().equals("UNLOCK"));
    }
}
