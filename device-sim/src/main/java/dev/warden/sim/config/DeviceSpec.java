package dev.warden.sim.config;

/**
 * One MQTT-native device behind an edge agent, with its own MQTT account (username = id). {@code password} may be
 * {@code null} for brokers without authentication; {@link #toString()} never shows it.
 */
public record DeviceSpec(String id, DeviceKind kind, String doorId, String password) {
    @Override
    public String toString() {
        return "DeviceSpec[id=" + id + ", kind=" + kind + ", doorId=" + doorId + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
