package dev.warden.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.codec.wiegand.WiegandFormat;
import dev.warden.codec.wiegand.WiegandFormats;
import dev.warden.config.ConfigError;
import dev.warden.config.StrictYaml;
import dev.warden.config.YamlFields;
import dev.warden.contract.Direction;
import dev.warden.contract.DoorCommand;
import dev.warden.contract.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the agent's YAML configuration:
 *
 * <pre>
 * agentId: agent-1
 * mqtt:
 *   uri: tcp://127.0.0.1:1883      # tcp:// or ssl://, host and port
 *   username: agent-1              # optional
 *   password: "secret"             # optional, only with a username
 * decisionTimeoutMs: 800           # optional, 50..30000, default 800
 * dataDir: data/agent-1            # optional, default data/&lt;agentId&gt;
 * doors:
 *   - id: door-lobby-main
 *     unlockMs: 5000               # 1..3600000
 *     readers:
 *       - { deviceId: rdr-door-lobby-main-in, direction: IN }
 *     lock: lock-door-lobby-main
 *     contact: dc-door-lobby-main  # optional; may be the lock itself (a turnstile reports its own door contact)
 *     fingerprint: fp-door-cage-a  # optional: card, then finger on this module of a serial bus
 * wiegandFormats:                  # optional: the site's own card formats, added to H10301/H10306/H10304/CORP1000
 *   - name: ACME40                 # a bit length identifies one format: it must not clash with another
 *     bits: 40
 *     facility: { first: 2, length: 14 }   # optional (no facility field: decoded as 0)
 *     card: { first: 16, length: 24 }
 *     parity:                      # in computation order; covers: bit numbers and "from-to" ranges, 1-based
 *       - { bit: 1, kind: EVEN, covers: ["2-20"] }
 *       - { bit: 40, kind: ODD, covers: ["21-39"] }
 * serialBuses:                     # optional: devices on serial lines (see docs/devices.md)
 *   - id: osdp-1
 *     protocol: OSDP               # OSDP | FINGERPRINT | MODBUS
 *     port: /dev/ttyUSB0           # a local serial device, or  tcp: 10.0.0.5:4001  (a serial device server)
 *     baud: 9600                   # optional, default 9600 (OSDP), 57600 (FINGERPRINT), 19200 (MODBUS)
 *     parity: NONE                 # optional: NONE | EVEN | ODD
 *     stopBits: 1                  # optional: 1 | 2
 *     rs485: false                 # optional
 *     secureChannel: REQUIRED      # OSDP only: OFF | REQUIRED (default REQUIRED)
 *     devices:
 *       - { id: rdr-door-a-in, address: 0, installMode: true, relays: { lock-door-a: 0 } }    # OSDP reader
 *       - { id: fp-door-a, address: 4294967295, password: "5E1F00D7" }                        # fingerprint module
 *       - { id: gate-1, address: 1, pollMs: 100, profile: TURNSTILE }                         # Modbus device
 *       - { id: env-1, address: 2, pollMs: 1000, points: [ { name: temperature, table: INPUT_REGISTER,
 *           register: 0, scale: 0.1, unit: C, signed: true } ] }
 * </pre>
 *
 * Every problem is reported as an {@link InvalidConfigException} naming the file and the field path (e.g.
 * {@code doors[0].readers[1].direction}); unknown fields are errors, so a typo never silently falls back to a
 * default. Device ids must be unique across all doors.
 */
public final class AgentConfigLoader {

    public static final Duration DEFAULT_DECISION_TIMEOUT = Duration.ofMillis(800);
    static final long MIN_DECISION_TIMEOUT_MS = 50;
    static final long MAX_DECISION_TIMEOUT_MS = 30_000;

    /** Parses with every field name of the schema: the only source text an error about YAML syntax may repeat. */
    private static final StrictYaml YAML = new StrictYaml(Set.of(
            "agentId", "mqtt", "uri", "username", "password", "decisionTimeoutMs", "dataDir",
            "doors", "id", "unlockMs", "readers", "deviceId", "direction", "lock", "contact", "fingerprint",
            "serialBuses", "protocol", "port", "tcp", "baud", "parity", "stopBits", "rs485", "secureChannel", "devices",
            "address", "installMode", "relays", "pollMs", "profile", "points", "name", "table", "register", "scale",
            "unit", "signed", "counter", "allowDefaultPassword", "wiegandFormats", "bits", "facility", "card", "first", "length",
            "bit", "kind", "covers"));

    static final Set<String> MODBUS_PROFILES = Set.of("TURNSTILE", "ENVIRONMENT");
    static final Set<String> MODBUS_TABLES = Set.of("COIL", "DISCRETE_INPUT", "INPUT_REGISTER", "HOLDING_REGISTER");

    private AgentConfigLoader() {}

    /** Reads {@code file}; relative {@code dataDir} values are resolved against the working directory. */
    public static AgentConfig load(Path file) throws InvalidConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidConfigException("cannot read agent config " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException("invalid agent config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates YAML text; the message of a failure names the offending field. */
    public static AgentConfig parse(String yaml) throws InvalidConfigException {
        try {
            return read(yaml);
        } catch (ConfigError e) {
            throw new InvalidConfigException(e.getMessage(), e);
        }
    }

    private static AgentConfig read(String yaml) throws ConfigError {
        YamlFields top = YAML.parse(yaml);
        top.allowOnly("agentId", "mqtt", "decisionTimeoutMs", "dataDir", "doors", "serialBuses", "wiegandFormats");

        String agentId = top.id("agentId");
        MqttSettings mqtt = mqtt(top.object("mqtt"));
        Duration timeout = top.has("decisionTimeoutMs")
                ? Duration.ofMillis(top.wholeNumberIn("decisionTimeoutMs", MIN_DECISION_TIMEOUT_MS, MAX_DECISION_TIMEOUT_MS))
                : DEFAULT_DECISION_TIMEOUT;
        Path dataDir = top.has("dataDir") ? top.path("dataDir") : Path.of("data", agentId);

        List<JsonNode> doorNodes = top.list("doors");
        if (doorNodes.isEmpty()) {
            throw new ConfigError("doors must list at least one door");
        }
        List<DoorConfig> doors = new ArrayList<>();
        Set<String> doorIds = new HashSet<>();
        Set<String> deviceIds = new HashSet<>();
        for (int i = 0; i < doorNodes.size(); i++) {
            DoorConfig door = door(YamlFields.of(doorNodes.get(i), "doors[" + i + "]"), deviceIds);
            if (!doorIds.add(door.id())) {
                throw new ConfigError("doors[" + i + "].id: door id '" + door.id() + "' is used twice");
            }
            doors.add(door);
        }
        List<SerialBusConfig> buses = new ArrayList<>();
        if (top.has("serialBuses")) {
            List<JsonNode> busNodes = top.list("serialBuses");
            Set<String> busIds = new HashSet<>();
            Set<String> serialIds = new HashSet<>();
            for (int i = 0; i < busNodes.size(); i++) {
                SerialBusConfig bus = serialBus(YamlFields.of(busNodes.get(i), "serialBuses[" + i + "]"), serialIds);
                if (!busIds.add(bus.id())) {
                    throw new ConfigError("serialBuses[" + i + "].id: bus id '" + bus.id() + "' is used twice");
                }
                buses.add(bus);
            }
        }
        checkSerialDevicesAgainstDoors(doors, buses);
        List<WiegandFormat> formats = new ArrayList<>();
        if (top.has("wiegandFormats")) {
            List<JsonNode> formatNodes = top.list("wiegandFormats");
            for (int i = 0; i < formatNodes.size(); i++) {
                formats.add(wiegandFormat(YamlFields.of(formatNodes.get(i), "wiegandFormats[" + i + "]")));
            }
            try {
                WiegandFormats.standard().with(formats.toArray(WiegandFormat[]::new));
            } catch (IllegalArgumentException e) {
                throw new ConfigError("wiegandFormats: " + e.getMessage());
            }
        }
        return new AgentConfig(agentId, mqtt, timeout, dataDir, doors, buses, formats);
    }

    private static MqttSettings mqtt(YamlFields m) throws ConfigError {
        m.allowOnly("uri", "username", "password");
        String uri = m.brokerUri("uri");
        String username = m.has("username") ? m.text("username") : null;
        String password = m.has("password") ? m.secret("password") : null;
        if (password != null && username == null) {
            throw new ConfigError("mqtt.password is set but mqtt.username is missing");
        }
        return new MqttSettings(uri, username, password);
    }


    private static DoorConfig door(YamlFields d, Set<String> deviceIds) throws ConfigError {
        d.allowOnly("id", "unlockMs", "readers", "lock", "contact", "fingerprint");
        String id = d.id("id");
        Duration unlockFor = Duration.ofMillis(d.wholeNumberIn("unlockMs", 1, DoorCommand.MAX_DURATION_MS));
        List<JsonNode> readerNodes = d.list("readers");
        if (readerNodes.isEmpty()) {
            throw new ConfigError(d.field("readers") + " must list at least one reader");
        }
        List<ReaderConfig> readers = new ArrayList<>();
        for (int i = 0; i < readerNodes.size(); i++) {
            YamlFields r = YamlFields.of(readerNodes.get(i), d.field("readers") + "[" + i + "]");
            r.allowOnly("deviceId", "direction");
            String deviceId = r.id("deviceId");
            unique(deviceIds, deviceId, r.field("deviceId"));
            readers.add(new ReaderConfig(deviceId, r.choice("direction", Direction.class, "IN or OUT")));
        }
        String lock = d.id("lock");
        unique(deviceIds, lock, d.field("lock"));
        String contact = null;
        if (d.has("contact")) {
            contact = d.id("contact");
            if (!contact.equals(lock)) {
                unique(deviceIds, contact, d.field("contact"));
            }
        }
        String fingerprint = null;
        if (d.has("fingerprint")) {
            fingerprint = d.id("fingerprint");
            unique(deviceIds, fingerprint, d.field("fingerprint"));
        }
        return new DoorConfig(id, unlockFor, readers, lock, contact, fingerprint);
    }

    private static WiegandFormat wiegandFormat(YamlFields f) throws ConfigError {
        f.allowOnly("name", "bits", "facility", "card", "parity");
        String name = f.text("name");
        if (!name.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new ConfigError(f.field("name") + " must be 1..32 characters from [A-Za-z0-9._-] (was " + shown(name) + ")");
        }
        int bits = (int) f.wholeNumberIn("bits", 1, WiegandFormat.MAX_BITS);
        WiegandFormat.Field facility = f.has("facility") ? wiegandField(f.object("facility")) : null;
        WiegandFormat.Field card = wiegandField(f.object("card"));
        List<WiegandFormat.ParityCheck> parity = new ArrayList<>();
        if (f.has("parity")) {
            List<JsonNode> checks = f.list("parity");
            for (int i = 0; i < checks.size(); i++) {
                YamlFields c = YamlFields.of(checks.get(i), f.field("parity") + "[" + i + "]");
                c.allowOnly("bit", "kind", "covers");
                int bit = (int) c.wholeNumberIn("bit", 1, WiegandFormat.MAX_BITS);
                WiegandFormat.Parity kind = c.choice("kind", WiegandFormat.Parity.class);
                List<Integer> covered = new ArrayList<>();
                for (JsonNode item : c.list("covers")) {
                    covered.addAll(coveredBits(c.field("covers"), item));
                }
                try {
                    parity.add(new WiegandFormat.ParityCheck(bit, kind, covered));
                } catch (IllegalArgumentException e) {
                    throw new ConfigError(c.field("covers") + ": " + e.getMessage());
                }
            }
        }
        try {
            return new WiegandFormat(name, bits, facility, card, parity);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(f.field("name") + " " + name + ": " + e.getMessage());
        }
    }

    private static WiegandFormat.Field wiegandField(YamlFields o) throws ConfigError {
        o.allowOnly("first", "length");
        return new WiegandFormat.Field((int) o.wholeNumberIn("first", 1, WiegandFormat.MAX_BITS), (int) o.wholeNumberIn("length", 1, 63));
    }

    /** A bit number, or a {@code "from-to"} range, 1-based. */
    private static List<Integer> coveredBits(String field, JsonNode item) throws ConfigError {
        if (item.isIntegralNumber() && item.canConvertToInt() && item.intValue() >= 1 && item.intValue() <= WiegandFormat.MAX_BITS) {
            return List.of(item.intValue());
        }
        if (item.isTextual() && item.textValue().matches("[0-9]{1,3}-[0-9]{1,3}")) {
            String[] ends = item.textValue().split("-");
            int from = Integer.parseInt(ends[0]);
            int to = Integer.parseInt(ends[1]);
            if (from >= 1 && to >= from && to <= WiegandFormat.MAX_BITS) {
                List<Integer> bits = new ArrayList<>();
                for (int b = from; b <= to; b++) {
                    bits.add(b);
                }
                return bits;
            }
        }
        throw new ConfigError(field + " items must be bit numbers 1.." + WiegandFormat.MAX_BITS
                + " or ranges like \"2-13\" (was " + shown(item.asText()) + ")");
    }

    private static SerialBusConfig serialBus(YamlFields b, Set<String> serialIds) throws ConfigError {
        b.allowOnly("id", "protocol", "port", "tcp", "baud", "parity", "stopBits", "rs485", "secureChannel", "devices");
        String id = b.id("id");
        SerialBusConfig.Protocol protocol = b.choice("protocol", SerialBusConfig.Protocol.class);
        if (b.has("port") == b.has("tcp")) {
            throw new ConfigError(b.field("port") + ": give exactly one of port (a serial device) or tcp (host:port of a serial device server)");
        }
        String port = null;
        String tcpHost = null;
        int tcpPort = 0;
        if (b.has("port")) {
            port = b.path("port").toString();
        } else {
            String tcp = b.text("tcp");
            int colon = tcp.lastIndexOf(':');
            if (colon <= 0 || colon == tcp.length() - 1 || !tcp.substring(colon + 1).matches("[0-9]{1,5}")
                    || Integer.parseInt(tcp.substring(colon + 1)) < 1 || Integer.parseInt(tcp.substring(colon + 1)) > 65535) {
                throw new ConfigError(b.field("tcp") + " must be host:port with a port of 1..65535 (was " + shown(tcp) + ")");
            }
            tcpHost = tcp.substring(0, colon);
            tcpPort = Integer.parseInt(tcp.substring(colon + 1));
        }
        int defaultBaud = switch (protocol) {
            case OSDP -> 9600;
            case FINGERPRINT -> 57600;
            case MODBUS -> 19200;
        };
        int baud = b.has("baud") ? (int) b.wholeNumberIn("baud", 1200, 921600) : defaultBaud;
        SerialBusConfig.Parity parity = b.has("parity") ? b.choice("parity", SerialBusConfig.Parity.class) : SerialBusConfig.Parity.NONE;
        int stopBits = b.has("stopBits") ? (int) b.wholeNumberIn("stopBits", 1, 2) : 1;
        boolean rs485 = b.has("rs485") && b.bool("rs485");
        boolean secure = true;
        if (b.has("secureChannel")) {
            if (protocol != SerialBusConfig.Protocol.OSDP) {
                throw new ConfigError(b.field("secureChannel") + " applies to OSDP buses only");
            }
            String mode = b.text("secureChannel");
            if (!mode.equals("REQUIRED") && !mode.equals("OFF")) {
                throw new ConfigError(b.field("secureChannel") + " must be REQUIRED or OFF (was " + shown(mode) + ")");
            }
            secure = mode.equals("REQUIRED");
        }
        List<JsonNode> deviceNodes = b.list("devices");
        if (deviceNodes.isEmpty()) {
            throw new ConfigError(b.field("devices") + " must list at least one device");
        }
        List<SerialDeviceConfig> devices = new ArrayList<>();
        Set<Long> addresses = new HashSet<>();
        for (int i = 0; i < deviceNodes.size(); i++) {
            YamlFields d = YamlFields.of(deviceNodes.get(i), b.field("devices") + "[" + i + "]");
            SerialDeviceConfig device = switch (protocol) {
                case OSDP -> osdpReader(d);
                case FINGERPRINT -> fingerprintModule(d);
                case MODBUS -> modbusDevice(d);
            };
            unique(serialIds, device.id(), d.field("id"));
            long address = switch (device) {
                case SerialDeviceConfig.OsdpReader r -> r.address();
                case SerialDeviceConfig.FingerprintModule f -> f.address();
                case SerialDeviceConfig.ModbusDevice m -> m.address();
            };
            if (!addresses.add(address)) {
                throw new ConfigError(d.field("address") + ": address " + address + " is used twice on bus " + id);
            }
            devices.add(device);
        }
        return new SerialBusConfig(id, protocol, port, tcpHost, tcpPort, baud, parity, stopBits, rs485,
                protocol == SerialBusConfig.Protocol.OSDP && secure, devices);
    }

    private static SerialDeviceConfig.OsdpReader osdpReader(YamlFields d) throws ConfigError {
        d.allowOnly("id", "address", "installMode", "relays");
        String id = d.id("id");
        int address = (int) d.wholeNumberIn("address", 0, 126);
        boolean install = d.has("installMode") && d.bool("installMode");
        Map<String, Integer> relays = new LinkedHashMap<>();
        if (d.has("relays")) {
            YamlFields r = d.object("relays");
            for (Iterator<String> it = r.node().fieldNames(); it.hasNext(); ) {
                String relayId = it.next();
                if (!Topics.isValidId(relayId)) {
                    throw new ConfigError(r.field(YamlFields.shownName(relayId)) + ": a relay id must be 1..64 characters from [A-Za-z0-9._-]");
                }
                relays.put(relayId, (int) r.wholeNumberIn(relayId, 0, 255));
            }
        }
        return new SerialDeviceConfig.OsdpReader(id, address, install, relays);
    }

    private static SerialDeviceConfig.FingerprintModule fingerprintModule(YamlFields d) throws ConfigError {
        d.allowOnly("id", "address", "password", "allowDefaultPassword");
        String id = d.id("id");
        long address = d.has("address") ? d.wholeNumberIn("address", 0, 0xFFFF_FFFFL) : 0xFFFF_FFFFL;
        long password = 0;
        if (d.has("password")) {
            String p = d.secret("password");
            if (!p.matches("[0-9A-Fa-f]{8}")) {
                throw new ConfigError(d.field("password") + " must be 8 hexadecimal digits, quoted (the module's 32-bit password)");
            }
            password = Long.parseLong(p, 16);
        }
        // the factory password 00000000 lets anyone at the wiring drive the module: refuse it unless the site says so
        if (password == 0 && !(d.has("allowDefaultPassword") && d.bool("allowDefaultPassword"))) {
            throw new ConfigError(d.field("password") + " is missing or the factory default 00000000: set the module's own "
                    + "password (SetPwd) and give it here, or set allowDefaultPassword: true to accept the risk");
        }
        return new SerialDeviceConfig.FingerprintModule(id, address, password);
    }

    private static SerialDeviceConfig.ModbusDevice modbusDevice(YamlFields d) throws ConfigError {
        d.allowOnly("id", "address", "pollMs", "profile", "points");
        String id = d.id("id");
        int address = (int) d.wholeNumberIn("address", 1, 247);
        Duration poll = Duration.ofMillis(d.has("pollMs") ? d.wholeNumberIn("pollMs", 20, 3_600_000) : 1000);
        if (d.has("profile") == d.has("points")) {
            throw new ConfigError(d.field("profile") + ": give exactly one of profile (TURNSTILE, ENVIRONMENT) or points");
        }
        String profile = null;
        List<SerialDeviceConfig.ModbusPoint> points = new ArrayList<>();
        if (d.has("profile")) {
            profile = d.text("profile");
            if (!MODBUS_PROFILES.contains(profile)) {
                throw new ConfigError(d.field("profile") + " must be one of " + MODBUS_PROFILES + " (was " + shown(profile) + ")");
            }
        } else {
            List<JsonNode> pointNodes = d.list("points");
            Set<String> names = new HashSet<>();
            for (int i = 0; i < pointNodes.size(); i++) {
                YamlFields p = YamlFields.of(pointNodes.get(i), d.field("points") + "[" + i + "]");
                p.allowOnly("name", "table", "register", "scale", "unit", "signed", "counter");
                String name = p.id("name");
                if (!names.add(name)) {
                    throw new ConfigError(p.field("name") + ": point '" + name + "' is listed twice");
                }
                String table = p.text("table");
                if (!MODBUS_TABLES.contains(table)) {
                    throw new ConfigError(p.field("table") + " must be one of " + MODBUS_TABLES + " (was " + shown(table) + ")");
                }
                int register = (int) p.wholeNumberIn("register", 0, 65535);
                double scale = p.has("scale") ? p.number("scale") : 1.0;
                String unit = p.has("unit") ? p.text("unit") : "";
                points.add(new SerialDeviceConfig.ModbusPoint(name, table, register, scale, unit,
                        p.has("signed") && p.bool("signed"), p.has("counter") && p.bool("counter")));
            }
            if (points.isEmpty()) {
                throw new ConfigError(d.field("points") + " must list at least one point");
            }
        }
        return new SerialDeviceConfig.ModbusDevice(id, address, poll, profile, points);
    }

    /**
     * Cross-checks serial devices with the doors: an OSDP reader must be a reader of a door, a relay must be a door's
     * lock, a door's fingerprint module must be on a FINGERPRINT bus.
     */
    private static void checkSerialDevicesAgainstDoors(List<DoorConfig> doors, List<SerialBusConfig> buses) throws ConfigError {
        Set<String> doorReaders = new HashSet<>();
        Set<String> locks = new HashSet<>();
        for (DoorConfig door : doors) {
            door.readers().forEach(r -> doorReaders.add(r.deviceId()));
            locks.add(door.lockId());
        }
        Set<String> fingerprintModules = new HashSet<>();
        for (SerialBusConfig bus : buses) {
            for (SerialDeviceConfig device : bus.devices()) {
                switch (device) {
                    case SerialDeviceConfig.OsdpReader r -> {
                        if (!doorReaders.contains(r.id())) {
                            throw new ConfigError("serialBuses " + bus.id() + ": OSDP reader '" + r.id() + "' is not a reader of any door");
                        }
                        for (String relay : r.relays().keySet()) {
                            if (!locks.contains(relay)) {
                                throw new ConfigError("serialBuses " + bus.id() + ": relay '" + relay + "' of reader '" + r.id() + "' is not the lock of any door");
                            }
                        }
                    }
                    case SerialDeviceConfig.FingerprintModule f -> fingerprintModules.add(f.id());
                    case SerialDeviceConfig.ModbusDevice m -> { }
                }
            }
        }
        for (DoorConfig door : doors) {
            if (door.fingerprintModuleId() != null && !fingerprintModules.contains(door.fingerprintModuleId())) {
                throw new ConfigError("door " + door.id() + ": fingerprint module '" + door.fingerprintModuleId() + "' is not a device of a FINGERPRINT serial bus");
            }
        }
    }

    private static void unique(Set<String> seen, String deviceId, String field) throws ConfigError {
        if (!seen.add(deviceId)) {
            throw new ConfigError(field + ": device id '" + deviceId + "' is used more than once in the file");
        }
    }

    /** A rejected value as it may appear in a message ({@link YamlFields#shown}). */
    static String shown(String value) {
        return YamlFields.shown(value);
    }
}
