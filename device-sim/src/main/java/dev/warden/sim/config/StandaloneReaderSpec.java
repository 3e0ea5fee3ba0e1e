package dev.warden.sim.config;

/**
 * A badge reader that talks to the controller directly ({@code warden/v1/readers/{id}/read} and {@code .../decision}).
 * {@link #toString()} never shows the password.
 */
public record StandaloneReaderSpec(String id, String doorId, String password) {
    @Override
    public String toString() {
        return "StandaloneReaderSpec[id=" + id + ", doorId=" + doorId + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
