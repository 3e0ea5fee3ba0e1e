package dev.warden.sim.serial;

import dev.warden.serial.PtyPair;
import dev.warden.serial.SerialLink;
import dev.warden.serial.TcpSerialServer;
import dev.warden.sim.config.SerialBusSpec;
import dev.warden.sim.config.SerialDeviceSpec;
import dev.warden.sim.fingerprint.SimFingerprintLine;
import dev.warden.sim.fingerprint.SimFingerprintModule;
import dev.warden.sim.modbus.SimEnvironmentSensor;
import dev.warden.sim.modbus.SimModbusDevice;
import dev.warden.sim.modbus.SimModbusLine;
import dev.warden.sim.modbus.SimTurnstile;
import dev.warden.sim.osdp.SimOsdpLine;
import dev.warden.sim.osdp.SimOsdpReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's serial devices: per configured bus, the simulated devices (OSDP readers, fingerprint modules,
 * Modbus turnstiles and sensors) served on a pseudo-terminal whose host side is linked where the agent's
 * configuration looks for it, or on a TCP serial device server. Devices keep their state when their line is
 * {@link #unplug unplugged} and {@link #replug plugged back in}. An OSDP reader's Secure Channel key, once the agent
 * has set it, is kept in {@code dataDir/osdp-keys/} like a real reader keeps it in flash.
 */
public final class SerialSimulation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialSimulation.class);

    private final Path keyDir;
    private final Map<String, Line> lines = new LinkedHashMap<>();
    private final Map<String, SimOsdpReader> osdpReaders = new LinkedHashMap<>();
    private final Map<String, SimFingerprintModule> fingerprintModules = new LinkedHashMap<>();
    private final Map<String, SimModbusDevice> modbusDevices = new LinkedHashMap<>();
    private final Map<String, String> fingerprintAtReader = new LinkedHashMap<>();
    private final Map<String, SimTurnstile> turnstileAtDoor = new LinkedHashMap<>();

    private SerialSimulation(Path dataDir) {
        this.keyDir = dataDir.resolve("osdp-keys");
    }

    /** Builds every device and serves every line; a line that cannot be opened fails the start with its reason. */
    public static SerialSimulation start(List<SerialBusSpec> buses, Path dataDir, long seed) {
        SerialSimulation sim = new SerialSimulation(dataDir);
        try {
            for (SerialBusSpec bus : buses) {
                sim.add(bus, seed);
            }
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot start serial bus: " + e.getMessage(), io) : (RuntimeException) e;
        }
        return sim;
    }

    private void add(SerialBusSpec bus, long seed) throws IOException {
        Function<SerialLink, AutoCloseable> serve = switch (bus.protocol()) {
            case OSDP -> {
                List<SimOsdpReader> readers = new ArrayList<>();
                for (SerialDeviceSpec d : bus.devices()) {
                    var spec = (SerialDeviceSpec.OsdpReader) d;
                    SimOsdpReader reader = osdpReader(spec, seed);
                    readers.add(reader);
                    osdpReaders.put(spec.id(), reader);
                    if (spec.fingerprintModule() != null) {
                        fingerprintAtReader.put(spec.id(), spec.fingerprintModule());
                    }
                }
                yield link -> SimOsdpLine.serve(bus.id(), link, readers);
            }
            case FINGERPRINT -> {
                List<SimFingerprintModule> modules = new ArrayList<>();
                for (SerialDeviceSpec d : bus.devices()) {
                    var spec = (SerialDeviceSpec.FingerprintModule) d;
                    SimFingerprintModule module = new SimFingerprintModule(spec.id(), spec.address(), spec.password());
                    spec.library().forEach(module::enroll);
                    modules.add(module);
                    fingerprintModules.put(spec.id(), module);
                }
                yield link -> SimFingerprintLine.serve(bus.id(), link, modules);
            }
            case MODBUS -> {
                List<SimModbusDevice> devices = new ArrayList<>();
                for (SerialDeviceSpec d : bus.devices()) {
                    var spec = (SerialDeviceSpec.ModbusDevice) d;
                    SimModbusDevice device = switch (spec.profile()) {
                        case TURNSTILE -> {
                            SimTurnstile gate = new SimTurnstile(spec.id(), spec.address());
                            if (spec.doorId() != null) {
                                turnstileAtDoor.put(spec.doorId(), gate);
                            }
                            yield gate;
                        }
                        case ENVIRONMENT -> {
                            SimEnvironmentSensor sensor = new SimEnvironmentSensor(spec.id(), spec.address());
                            sensor.setTemperature(22.5);
                            sensor.setHumidity(45.0);
                            yield sensor;
                        }
                    };
                    devices.add(device);
                    modbusDevices.put(spec.id(), device);
                }
                yield link -> SimModbusLine.serve(bus.id(), link, devices);
            }
        };
        Line line = new Line(bus, serve);
        lines.put(bus.id(), line);
        line.plug();
    }

    private SimOsdpReader osdpReader(SerialDeviceSpec.OsdpReader spec, long seed) {
        SimOsdpReader.Builder builder = SimOsdpReader.builder(spec.id(), spec.address()).seed(seed * 31 + spec.address());
        Path keyFile = keyDir.resolve(spec.id() + ".key");
        if (Files.isRegularFile(keyFile)) {
            try {
                builder.scbk(HexFormat.of().parseHex(Files.readString(keyFile).strip()));
                LOG.info("OSDP reader {} starts with its stored Secure Channel key", spec.id());
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("stored key of OSDP reader {} unreadable ({}); the reader starts in install mode", spec.id(), e.getClass().getSimpleName());
            }
        }
        SimOsdpReader reader = builder.build();
        reader.onKeyChanged(key -> storeKey(spec.id(), keyFile, key));
        return reader;
    }

    private void storeKey(String readerId, Path keyFile, byte[] key) {
        try {
            Files.createDirectories(keyDir);
            Path tmp = Files.createTempFile(keyDir, readerId, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, HexFormat.of().formatHex(key));
            Files.move(tmp, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("OSDP reader {} was given its own Secure Channel key (stored in {})", readerId, keyDir);
        } catch (IOException e) {
            LOG.warn("cannot store the new key of OSDP reader {}: {}", readerId, e.getMessage());
        }
    }

    /** Pulls the line's plug: the host side sees a hang-up (pty) or a closed connection (TCP). */
    public void unplug(String busId) {
        line(busId).unplug();
    }

    /** Plugs the line back in: a new pseudo-terminal on the same link path, or the TCP server accepts again. */
    public void replug(String busId) {
        try {
            line(busId).plug();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replug " + busId + ": " + e.getMessage(), e);
        }
    }

    /** Where the host opens a pty line (the pty's own path, e.g. /dev/pts/7); empty for a TCP line. */
    public Optional<Path> hostPath(String busId) {
        return Optional.ofNullable(line(busId).pty).map(PtyPair::slavePath);
    }

    /** The TCP port of a TCP line (the configured one, or the one chosen when 0 was configured); 0 for a pty. */
    public int tcpPort(String busId) {
        TcpSerialServer server = line(busId).server;
        return server == null ? 0 : server.port();
    }

    public Optional<SimOsdpReader> osdpReader(String id) {
        return Optional.ofNullable(osdpReaders.get(id));
    }

    public Optional<SimFingerprintModule> fingerprintModule(String id) {
        return Optional.ofNullable(fingerprintModules.get(id));
    }

    public Optional<SimTurnstile> turnstile(String id) {
        return Optional.ofNullable(modbusDevices.get(id)).filter(SimTurnstile.class::isInstance).map(SimTurnstile.class::cast);
    }

    public Optional<SimEnvironmentSensor> environmentSensor(String id) {
        return Optional.ofNullable(modbusDevices.get(id)).filter(SimEnvironmentSensor.class::isInstance).map(SimEnvironmentSensor.class::cast);
    }

    /** The fingerprint module beside a reader (card + fingerprint doors). */
    public Optional<SimFingerprintModule> fingerprintModuleAt(String readerId) {
        return Optional.ofNullable(fingerprintAtReader.get(readerId)).map(fingerprintModules::get);
    }

    /** The turnstile that stands in a door, if any. */
    public Optional<SimTurnstile> turnstileAt(String doorId) {
        return Optional.ofNullable(turnstileAtDoor.get(doorId));
    }

    public List<String> osdpReaderIds() {
        return List.copyOf(osdpReaders.keySet());
    }

    private Line line(String busId) {
        Line line = lines.get(busId);
        if (line == null) {
            throw new IllegalArgumentException("no simulated serial bus " + busId);
        }
        return line;
    }

    @Override
    public synchronized void close() {
        lines.values().forEach(Line::unplug);
        lines.values().forEach(Line::closeServer);
    }

    /** One line: its carrier (a pty pair or a TCP server) and the devices' protocol loop on it. */
    private static final class Line {
        private final SerialBusSpec bus;
        private final Function<SerialLink, AutoCloseable> serve;
        private PtyPair pty;
        private TcpSerialServer server;
        private AutoCloseable served;
        private SerialLink connection;
        private boolean plugged;

        Line(SerialBusSpec bus, Function<SerialLink, AutoCloseable> serve) {
            this.bus = bus;
            this.serve = serve;
        }

        synchronized void plug() throws IOException {
            if (plugged) {
                return;
            }
            if (bus.pty() != null) {
                Path link = bus.pty().toAbsolutePath();
                Files.createDirectories(link.getParent());
                pty = PtyPair.open(link);
                served = serve.apply(pty.master());
                LOG.info("serial bus {} ({}) on pseudo-terminal {} linked at {}", bus.id(), bus.protocol(), pty.slavePath(), link);
            } else if (server == null) {
                server = TcpSerialServer.start(bus.tcpPort(), "127.0.0.1", this::accept);
                LOG.info("serial bus {} ({}) as a TCP serial server on 127.0.0.1:{}", bus.id(), bus.protocol(), server.port());
            }
            plugged = true;
        }

        private synchronized void accept(SerialLink link) {
            if (!plugged) {
                closeQuietly(link);
                return;
            }
            closeQuietly(served);
            closeQuietly(connection);
            connection = link;
            served = serve.apply(link);
        }

        synchronized void unplug() {
            if (!plugged) {
                return;
            }
            plugged = false;
            closeQuietly(served);
            served = null;
            closeQuietly(connection);
            connection = null;
            if (pty != null) {
                pty.close();
                pty = null;
            }
            LOG.info("serial bus {} unplugged", bus.id());
        }

        synchronized void closeServer() {
            if (server != null) {
                server.close();
                server = null;
            }
        }

        private static void closeQuietly(AutoCloseable c) {
            if (c == null) {
                return;
            }
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing a simulated serial line: {}", e.toString());
            }
        }
    }
}
