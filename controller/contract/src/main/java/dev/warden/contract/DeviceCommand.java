package dev.warden.contract;

/**
 * Agent → MQTT device. For a lock relay: UNLOCK for {@code durationMs} or LOCK. For a reader: LED in
 * {@code color} (GREEN, RED, AMBER) and/or BUZZER for {@code durationMs}.
 */
public record DeviceCommand(DoorCommand.Action action, long durationMs, String color) {
    public DeviceCommand {
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        if (durationMs < 0 || durationMs > DoorCommand.MAX_DURATION_MS) {
            throw new IllegalArgumentException("durationMs must be 0.." + DoorCommand.MAX_DURATION_MS);
        }
    }
}
