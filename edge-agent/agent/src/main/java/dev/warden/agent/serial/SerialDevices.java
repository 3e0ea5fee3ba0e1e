package dev.warden.agent.serial;

import dev.warden.agent.config.SerialBusConfig;
import dev.warden.agent.config.SerialDeviceConfig;
import dev.warden.agent.device.DeviceEvents;
import dev.warden.agent.device.FingerprintScanner;
import dev.warden.agent.device.ReaderOutputs;
import dev.warden.agent.device.RelayOutputs;
import dev.warden.agent.fingerprint.FingerprintBus;
import dev.warden.agent.fingerprint.FingerprintModuleSettings;
import dev.warden.agent.modbus.ModbusBus;
import dev.warden.agent.modbus.ModbusDeviceSettings;
import dev.warden.agent.modbus.ModbusPoint;
import dev.warden.agent.modbus.ModbusTable;
import dev.warden.agent.modbus.ModbusTiming;
import dev.warden.agent.osdp.OsdpBus;
import dev.warden.agent.osdp.OsdpBusSettings;
import dev.warden.agent.osdp.OsdpReaderSettings;
import dev.warden.agent.osdp.ReaderKeys;
import dev.warden.serial.LinkOpener;
import dev.warden.serial.SerialPorts;
import dev.warden.serial.SerialSettings;
import dev.warden.serial.TcpLinks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's serial buses, each run by its protocol's driver on its own thread, and the routing of the door
 * logic's outputs to them: a reader's LED and buzzer go to the OSDP bus that polls it, a lock relay to the OSDP
 * reader output or the Modbus gate that drives it, an identification to the fingerprint bus of that module.
 * Built in two steps: {@link #plan} reads the configuration (so the door logic can be wired to the routing), then
 * {@link #start} opens the lines.
 */
public final class SerialDevices implements ReaderOutputs, RelayOutputs, FingerprintScanner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDevices.class);
    static final Duration TCP_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final List<SerialBusConfig> buses;
    private final Map<String, String> busOfReader = new HashMap<>();
    private final Map<String, String> busOfRelay = new HashMap<>();
    private final Map<String, String> busOfModule = new HashMap<>();
    private final Map<String, OsdpBus> osdp = new HashMap<>();
    private final Map<String, ModbusBus> modbus = new HashMap<>();
    private final Map<String, FingerprintBus> fingerprint = new HashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();

    private SerialDevices(List<SerialBusConfig> buses) {
        this.buses = List.copyOf(buses);
        for (SerialBusConfig bus : buses) {
            for (SerialDeviceConfig device : bus.devices()) {
                switch (device) {
                    case SerialDeviceConfig.OsdpReader r -> {
                        busOfReader.put(r.id(), bus.id());
                        r.relays().keySet().forEach(relay -> busOfRelay.put(relay, bus.id()));
                    }
                    case SerialDeviceConfig.FingerprintModule f -> busOfModule.put(f.id(), bus.id());
                    case SerialDeviceConfig.ModbusDevice m -> busOfRelay.put(m.id(), bus.id());
                }
            }
        }
    }

    /** The routing of the configured buses; nothing is opened yet. */
    public static SerialDevices plan(List<SerialBusConfig> buses) {
        return new SerialDevices(buses);
    }

    /**
     * Opens every bus with its driver; lines that are missing are retried by the drivers with backoff. {@code dataDir}
     * keeps which OSDP readers have been given their own key (so install mode is used once per reader).
     */
    public synchronized void start(DeviceEvents events, ReaderKeys keys, Clock clock, Path dataDir) {
        for (SerialBusConfig bus : buses) {
            LinkOpener opener = opener(bus);
            switch (bus.protocol()) {
                case OSDP -> {
                    List<OsdpReaderSettings> readers = bus.devices().stream()
                            .map(d -> (SerialDeviceConfig.OsdpReader) d)
                            .map(r -> new OsdpReaderSettings(r.id(), r.address(), r.installMode(), r.relays()))
                            .toList();
                    OsdpBus b = OsdpBus.start(new OsdpBusSettings(bus.id(), bus.secureChannelRequired(), readers), opener, events, keys, clock, dataDir);
                    osdp.put(bus.id(), b);
                    running.add(b);
                }
                case FINGERPRINT -> {
                    List<FingerprintModuleSettings> modules = bus.devices().stream()
                            .map(d -> (SerialDeviceConfig.FingerprintModule) d)
                            .map(f -> new FingerprintModuleSettings(f.id(), f.address(), f.password()))
                            .toList();
                    FingerprintBus b = FingerprintBus.start(bus.id(), modules, opener, events, clock);
                    fingerprint.put(bus.id(), b);
                    running.add(b);
                }
                case MODBUS -> {
                    List<ModbusDeviceSettings> devices = bus.devices().stream()
                            .map(d -> (SerialDeviceConfig.ModbusDevice) d)
                            .map(SerialDevices::modbusDevice)
                            .toList();
                    ModbusBus b = ModbusBus.start(bus.id(), devices, opener, events, clock, ModbusTiming.forBaud(bus.baud()));
                    modbus.put(bus.id(), b);
                    running.add(b);
                }
            }
            LOG.info("serial bus {} ({}, {} device(s)) on {}", bus.id(), bus.protocol(), bus.devices().size(), opener.describe());
        }
    }

    static LinkOpener opener(SerialBusConfig bus) {
        if (bus.port() != null) {
            SerialSettings.Parity parity = switch (bus.parity()) {
                case NONE -> SerialSettings.Parity.NONE;
                case EVEN -> SerialSettings.Parity.EVEN;
                case ODD -> SerialSettings.Parity.ODD;
            };
            return SerialPorts.opener(new SerialSettings(bus.port(), bus.baud(), 8, parity, bus.stopBits(), bus.rs485()));
        }
        return TcpLinks.opener(bus.tcpHost(), bus.tcpPort(), TCP_CONNECT_TIMEOUT);
    }

    static ModbusDeviceSettings modbusDevice(SerialDeviceConfig.ModbusDevice m) {
        if (m.profile() != null) {
            return switch (m.profile()) {
                case "TURNSTILE" -> ModbusDeviceSettings.turnstile(m.id(), m.address(), m.poll());
                case "ENVIRONMENT" -> ModbusDeviceSettings.environment(m.id(), m.address(), m.poll());
                default -> throw new IllegalArgumentException("unknown Modbus profile " + m.profile());
            };
        }
        List<ModbusPoint> points = m.points().stream()
                .map(p -> new ModbusPoint(p.name(), ModbusTable.valueOf(p.table()), p.register(), p.scale(), p.unit(), p.signed(), p.counter()))
                .toList();
        return new ModbusDeviceSettings(m.id(), m.address(), m.poll(), points);
    }

    /** True if the reader is on a serial bus (its LED and buzzer are driven here, not over MQTT). */
    public boolean drivesReader(String readerId) {
        return busOfReader.containsKey(readerId);
    }

    /** True if the relay (a lock) is an OSDP reader output or a Modbus gate. */
    public boolean drivesRelay(String relayId) {
        return busOfRelay.containsKey(relayId);
    }

    @Override
    public void led(String readerId, String color, Duration duration) {
        OsdpBus bus = osdp.get(busOfReader.get(readerId));
        if (bus != null) {
            bus.led(readerId, color, duration);
        }
    }

    @Override
    public void buzz(String readerId, Duration duration) {
        OsdpBus bus = osdp.get(busOfReader.get(readerId));
        if (bus != null) {
            bus.buzz(readerId, duration);
        }
    }

    @Override
    public void pulse(String relayId, Duration duration) {
        relayBus(relayId).ifPresent(r -> r.pulse(relayId, duration));
    }

    @Override
    public void release(String relayId) {
        relayBus(relayId).ifPresent(r -> r.release(relayId));
    }

    private Optional<RelayOutputs> relayBus(String relayId) {
        String busId = busOfRelay.get(relayId);
        if (busId == null) {
            return Optional.empty();
        }
        RelayOutputs bus = osdp.containsKey(busId) ? osdp.get(busId) : modbus.get(busId);
        return Optional.ofNullable(bus);
    }

    @Override
    public CompletionStage<FingerprintResult> identify(String moduleId, Duration waitForFinger) {
        FingerprintBus bus = fingerprint.get(busOfModule.get(moduleId));
        if (bus == null) {
            return CompletableFuture.completedFuture(new FingerprintResult.Failed("NO_SUCH_MODULE"));
        }
        return bus.identify(moduleId, waitForFinger);
    }

    /** The fingerprint bus of a module, for enrolment and deletion. */
    public Optional<FingerprintBus> fingerprintBusOf(String moduleId) {
        return Optional.ofNullable(fingerprint.get(busOfModule.get(moduleId)));
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable bus : running) {
            try {
                bus.close();
            } catch (Exception e) {
                LOG.warn("closing a serial bus failed: {}", e.toString());
            }
        }
        running.clear();
    }
}
