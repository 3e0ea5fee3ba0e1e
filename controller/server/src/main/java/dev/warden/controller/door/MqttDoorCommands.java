package dev.warden.controller.door;

import dev.warden.contract.DoorCommand;
import dev.warden.controller.mqtt.DoorCommandPublisher;
import jakarta.inject.Singleton;

/** {@link SendDoorCommand} over MQTT, through the {@link DoorCommandPublisher}. */
@Singleton
class MqttDoorCommands implements SendDoorCommand {
    private final DoorCommandPublisher publisher;

    MqttDoorCommands(DoorCommandPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void send(String agentId, DoorCommand command) {
        publisher.send(agentId, command);
    }
}
