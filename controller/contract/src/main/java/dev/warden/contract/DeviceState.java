package dev.warden.contract;

import java.time.Instant;

/**
 * MQTT device → agent, retained: a door contact reports OPEN/CLOSED, a lock relay LOCKED/UNLOCKED, any device may
 * report TAMPER.
 */
public record DeviceState(State state, Instant at) {
    public enum State {
        OPEN,
        CLOSED,
        LOCKED,
        UNLOCKED,
        TAMPER
    }

    public DeviceState {
        if (state == null || at == null) {
            throw new IllegalArgumentException("state and at are required");
        }
    }
}
