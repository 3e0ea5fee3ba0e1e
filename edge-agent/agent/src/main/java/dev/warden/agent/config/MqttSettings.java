package dev.warden.agent.config;

/**
 * How the agent reaches the broker. {@code username}/{@code password} are absent for brokers without
 * authentication. {@link #toString()} never shows the password.
 */
public record MqttSettings(String uri, String username, String password) {
    @Override
    public String toString() {
        return "MqttSettings[uri=" + uri + ", username=" + username + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
