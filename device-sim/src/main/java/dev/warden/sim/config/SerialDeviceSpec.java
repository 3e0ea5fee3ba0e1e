package dev.warden.sim.config;

import java.util.SortedMap;
import java.util.TreeMap;

/** A simulated device on a {@link SerialBusSpec serial line}. */
public sealed interface SerialDeviceSpec {

    String id();

    /**
     * An OSDP reader at {@code address}; it starts in install mode unless the simulator saved a key for it.
     * {@code fingerprintModule}, when set, is the module beside it: a simulated person who presents a card here
     * also puts their finger there (card + fingerprint doors).
     */
    record OsdpReader(String id, int address, String fingerprintModule) implements SerialDeviceSpec {
        public OsdpReader(String id, int address) {
            this(id, address, null);
        }
    }

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

    /**
     * A Modbus RTU device at unit {@code address}: a TURNSTILE or an ENVIRONMENT sensor. {@code doorId}, when set,
     * is the door a turnstile stands in: a simulated person granted there walks through it.
     */
    record ModbusDevice(String id, int address, Profile profile, String doorId) implements SerialDeviceSpec {
        public ModbusDevice(String id, int address, Profile profile) {
            this(id, address, profile, null);
        }
    }

    enum Profile {
        TURNSTILE,
        ENVIRONMENT
    }
}
