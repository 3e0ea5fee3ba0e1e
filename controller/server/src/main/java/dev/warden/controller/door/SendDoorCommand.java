package dev.warden.controller.door;

import dev.warden.contract.DoorCommand;

/** Port: sends a command for a door to the edge agent that serves it. */
public interface SendDoorCommand {
    /**
     * Sends {@code command} to agent {@code agentId}.
     *
     * @throws RuntimeException when it could not be sent now (MQTT disabled or the broker unreachable)
     */
    void send(String agentId, DoorCommand command);
}
