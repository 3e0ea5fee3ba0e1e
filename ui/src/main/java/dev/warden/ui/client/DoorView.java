package dev.warden.ui.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A door or gate with its current state. A missing state reads as {@link DoorState#UNKNOWN}; {@code lastChange}
 * is null when the controller has seen no change yet.
 */
public record DoorView(
        String id,
        String name,
        String areaId,
        DoorKind kind,
        DoorState state,
        String agentId,
        boolean agentOnline,
        Instant lastChange) {

    public DoorView {
        Objects.requireNonNull(id, "a door needs an id");
        state = state == null ? DoorState.UNKNOWN : state;
    }
}
