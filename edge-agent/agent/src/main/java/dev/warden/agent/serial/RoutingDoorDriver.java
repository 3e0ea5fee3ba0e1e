package dev.warden.agent.serial;

import dev.warden.agent.door.DriveDoor;
import java.time.Duration;

/**
 * The door logic's {@link DriveDoor}: devices on serial buses are driven by their bus, every other device over
 * MQTT. Like both of them, it never throws and never blocks.
 */
public final class RoutingDoorDriver implements DriveDoor {

    private final SerialDevices serial;
    private final DriveDoor mqtt;

    public RoutingDoorDriver(SerialDevices serial, DriveDoor mqtt) {
        this.serial = serial;
        this.mqtt = mqtt;
    }

    @Override
    public void unlock(String lockId, Duration duration) {
        if (serial.drivesRelay(lockId)) {
            serial.pulse(lockId, duration);
        } else {
            mqtt.unlock(lockId, duration);
        }
    }

    @Override
    public void lock(String lockId) {
        if (serial.drivesRelay(lockId)) {
            serial.release(lockId);
        } else {
            mqtt.lock(lockId);
        }
    }

    @Override
    public void led(String readerId, String color, Duration duration) {
        if (serial.drivesReader(readerId)) {
            serial.led(readerId, color, duration);
        } else {
            mqtt.led(readerId, color, duration);
        }
    }

    @Override
    public void buzz(String readerId, Duration duration) {
        if (serial.drivesReader(readerId)) {
            serial.buzz(readerId, duration);
        } else {
            mqtt.buzz(readerId, duration);
        }
    }
}
