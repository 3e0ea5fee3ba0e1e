package dev.warden.contract;

/**
 * Controller → agent: act on a door. UNLOCK releases the lock for {@code durationMs} (then relocks);
 * LOCK locks at once; LED shows {@code color} for {@code durationMs}; BUZZER sounds for {@code durationMs}.
 */
public record DoorCommand(String commandId, String doorId, Action action, long durationMs, String color) {
    public enum Action {
        UNLOCK,
        LOCK,
        LED,
        BUZZER
    }

    public static final long MAX_DURATION_MS = 3_600_000;

    public DoorCommand {
        Messages.requireRequestId(commandId);
        Messages.requireId("doorId", doorId);
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        if (durationMs < 0 || durationMs > MAX_DURATION_MS) {
            throw new IllegalArgumentException("durationMs must be 0.." + MAX_DURATION_MS);
        }
    }
}
