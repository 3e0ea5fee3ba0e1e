package dev.warden.controller.decision;

import dev.warden.contract.Direction;

/**
 * A reader as configured: the door it serves, which side it faces, the door's unlock time, and the edge agent
 * that serves the door ({@code null} for a door read by a standalone MQTT reader).
 */
public record ReaderBinding(String readerId, String doorId, Direction direction, long unlockMs, String agentId) {

    /** True when the door is read by a standalone MQTT reader (no edge agent serves it). */
    public boolean standalone() {
        return agentId == null;
    }
}
