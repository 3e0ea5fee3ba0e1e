package dev.warden.sim.config;

import java.util.SortedMap;
import java.util.TreeMap;

/** A simulated device on a {@link SerialBusSpec serial line}. */
public sealed interface SerialDeviceSpec {

    String id();

    /** An OSDP reader at {@code address}; it starts in install mode unless the simulator saved a key for it. */
    record OsdpReader(String id, int address) implements SerialDeviceSpec {}

    /**
     * A fingerprint module; {@code library} maps page ids to finger labels (the person ids enrolled there).
     * The password is a device secret: {@link #toString()} hides it.
     */
    record FingerprintModule(String id, long address, long password, SortedMap<Integer, String> library) implements SerialDeviceSpec {
        public FingerprintModule {
            library = new TreeMap<>(library);
        }

        @Override
        public SortedMap<Integer, String> library() {
            return new TreeMap<>(library);
        }

        @Override
        public String toString() {
            return "FingerprintModule[id=" + id + ", pages=" + library.size() + ", password=***]";
        }
    }

    /** A Modbus RTU device at unit {@code address}: a TURNSTILE or an ENVIRONMENT sensor. */
    record ModbusDevice(String id, int address, Profile profile) implements SerialDeviceSpec {}

    enum Profile {
        TURNSTILE,
        ENVIRONMENT
    }
}
