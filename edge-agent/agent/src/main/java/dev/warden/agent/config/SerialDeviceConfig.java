package dev.warden.agent.config;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** A device on a {@link SerialBusConfig serial bus}; which kind depends on the bus protocol. */
public sealed interface SerialDeviceConfig {

    String id();

    /**
     * An OSDP reader at {@code address} (0..126). {@code relays} maps relay ids (a door's lock) to the reader's
     * output numbers. {@code installMode}: the reader may be reached once with the published install key (SCBK-D)
     * to be given its own key.
     */
    record OsdpReader(String id, int address, boolean installMode, Map<String, Integer> relays) implements SerialDeviceConfig {
        public OsdpReader {
            relays = Map.copyOf(relays);
        }
    }

    /** A UART fingerprint module (ZFM/R30x/AS608). The password is a device secret: {@link #toString()} hides it. */
    record FingerprintModule(String id, long address, long password) implements SerialDeviceConfig {
        @Override
        public String toString() {
            return "FingerprintModule[id=" + id + ", address=0x" + HexFormat.of().toHexDigits((int) address) + ", password=***]";
        }
    }

    /**
     * A Modbus RTU device at unit {@code address} (1..247), polled every {@code poll}; either a standard
     * {@code profile} (TURNSTILE, ENVIRONMENT) or an explicit list of {@code points}.
     */
    record ModbusDevice(String id, int address, Duration poll, String profile, List<ModbusPoint> points) implements SerialDeviceConfig {
        public ModbusDevice {
            points = List.copyOf(points);
        }
    }

    /** One Modbus point: a coil, discrete input or register, with scaling for registers. */
    record ModbusPoint(String name, String table, int register, double scale, String unit, boolean signed, boolean counter) {}
}
