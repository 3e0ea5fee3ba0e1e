package dev.warden.agent.door;

import dev.warden.agent.config.DoorConfig;
import dev.warden.agent.config.ReaderConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The doors this agent serves, indexed by door id and by the id of each of their devices. */
public final class Site {

    /** A reader and the door it belongs to. */
    public record ReaderAt(DoorConfig door, ReaderConfig reader) {}

    /** A device that reports state, and its role at the door. */
    public record StateDeviceAt(DoorConfig door, Role role) {}

    public enum Role {
        LOCK,
        CONTACT,
        /** A reader reports state only to say it was tampered with. */
        READER
    }

    private final Map<String, DoorConfig> doors = new LinkedHashMap<>();
    private final Map<String, ReaderAt> readers = new LinkedHashMap<>();
    private final Map<String, StateDeviceAt> stateDevices = new LinkedHashMap<>();

    public Site(List<DoorConfig> doorConfigs) {
        for (DoorConfig door : doorConfigs) {
            doors.put(door.id(), door);
            for (ReaderConfig reader : door.readers()) {
                readers.put(reader.deviceId(), new ReaderAt(door, reader));
                stateDevices.put(reader.deviceId(), new StateDeviceAt(door, Role.READER));
            }
            stateDevices.put(door.lockId(), new StateDeviceAt(door, Role.LOCK));
            if (door.contactId() != null) {
                stateDevices.put(door.contactId(), new StateDeviceAt(door, Role.CONTACT));
            }
        }
    }

    public Optional<DoorConfig> door(String doorId) {
        return Optional.ofNullable(doors.get(doorId));
    }

    public Optional<ReaderAt> reader(String deviceId) {
        return Optional.ofNullable(readers.get(deviceId));
    }

    public Optional<StateDeviceAt> stateDevice(String deviceId) {
        return Optional.ofNullable(stateDevices.get(deviceId));
    }

    /** The door whose fingerprint module is {@code moduleId}, if any. */
    public Optional<String> doorWithFingerprintModule(String moduleId) {
        return doors.values().stream().filter(d -> moduleId.equals(d.fingerprintModuleId())).map(DoorConfig::id).findFirst();
    }

    public Set<String> readerIds() {
        return Set.copyOf(readers.keySet());
    }

    /** Locks, contacts and readers: the devices whose state topics the agent follows. */
    public Set<String> stateDeviceIds() {
        return Set.copyOf(stateDevices.keySet());
    }
}
