package dev.warden.agent.mqtt;

import dev.warden.agent.door.DriveDoor;
import dev.warden.agent.health.Counters;
import dev.warden.contract.ContractJson;
import dev.warden.contract.DeviceCommand;
import dev.warden.contract.DoorCommand;
import dev.warden.contract.Topics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DriveDoor} for MQTT-native devices: a {@link DeviceCommand} on {@code devices/{id}/command}, QoS 1.
 * Commands are never buffered while the broker is unreachable: an unlock delivered late would open a door for
 * nobody. A command that cannot be sent is logged and counted; the door stays as it is (locked).
 */
final class MqttDoorDriver implements DriveDoor {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDoorDriver.class);

    private final PahoConnection connection;
    private final Counters counters;

    MqttDoorDriver(PahoConnection connection, Counters counters) {
        this.connection = connection;
        this.counters = counters;
    }

    @Override
    public void unlock(String lockId, Duration duration) {
        send(lockId, new DeviceCommand(DoorCommand.Action.UNLOCK, duration.toMillis(), null));
    }

    @Override
    public void lock(String lockId) {
        send(lockId, new DeviceCommand(DoorCommand.Action.LOCK, 0, null));
    }

    @Override
    public void led(String readerId, String color, Duration duration) {
        send(readerId, new DeviceCommand(DoorCommand.Action.LED, duration.toMillis(), color));
    }

    @Override
    public void buzz(String readerId, Duration duration) {
        send(readerId, new DeviceCommand(DoorCommand.Action.BUZZER, duration.toMillis(), null));
    }

    private void send(String deviceId, DeviceCommand command) {
        LOG.debug("{} -> {}", command, deviceId);
        connection
                .publish(Topics.deviceCommand(deviceId), ContractJson.write(command), 1, false, PahoConnection.WhenOffline.DROP, null)
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        counters.increment("device-command.failed");
                        LOG.warn("{} to {} not delivered: {}", command.action(), deviceId, PahoConnection.describe(e));
                    }
                });
    }
}
