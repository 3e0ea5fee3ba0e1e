package dev.warden.agent.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.warden.codec.wiegand.WiegandFormat;
import dev.warden.codec.wiegand.WiegandFormats;
import dev.warden.contract.Direction;
import dev.warden.contract.DoorCommand;
import dev.warden.contract.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern SHOWN_VALUE = Pattern.compile("[!-~&&[^\"'{}\\[\\],@]]{1,100}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    /** Every field name of the schema: the only source text an error about YAML syntax may repeat. */
    private static final Set<String> FIELD_NAMES = Set.of(
            "agentId", "mqtt", "uri", "username", "password", "decisionTimeoutMs", "dataDir",
            "doors", "id", "unlockMs", "readers", "deviceId", "direction", "lock", "contact", "fingerprint",
            "serialBuses", "protocol", "port", "tcp", "baud", "parity", "stopBits", "rs485", "secureChannel", "devices",
            "address", "installMode", "relays", "pollMs", "profile", "points", "name", "table", "register", "scale",
            "unit", "signed", "counter", "allowDefaultPassword", "wiegandFormats", "bits", "facility", "card", "first", "length",
            "bit", "kind", "covers");

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
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            // Not chained as the cause: Jackson's and SnakeYAML's messages quote the offending line (a password).
            throw new InvalidConfigException(describeSyntaxError(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidConfigException("the file is empty");
        }
        Obj top = Obj.of(root, "");
        top.allowOnly("agentId", "mqtt", "decisionTimeoutMs", "dataDir", "doors", "serialBuses", "wiegandFormats");

        String agentId = top.id("agentId");
        MqttSettings mqtt = mqtt(top.object("mqtt"));
        Duration timeout = top.has("decisionTimeoutMs")
                ? Duration.ofMillis(top.longIn("decisionTimeoutMs", MIN_DECISION_TIMEOUT_MS, MAX_DECISION_TIMEOUT_MS))
                : DEFAULT_DECISION_TIMEOUT;
        Path dataDir = top.has("dataDir") ? top.path("dataDir") : Path.of("data", agentId);

        List<JsonNode> doorNodes = top.list("doors");
        if (doorNodes.isEmpty()) {
            throw new InvalidConfigException("doors must list at least one door");
        }
        List<DoorConfig> doors = new ArrayList<>();
        Set<String> doorIds = new HashSet<>();
        Set<String> deviceIds = new HashSet<>();
        for (int i = 0; i < doorNodes.size(); i++) {
            DoorConfig door = door(Obj.of(doorNodes.get(i), "doors[" + i + "]"), deviceIds);
            if (!doorIds.add(door.id())) {
                throw new InvalidConfigException("doors[" + i + "].id: door id '" + door.id() + "' is used twice");
            }
            doors.add(door);
        }
        List<SerialBusConfig> buses = new ArrayList<>();
        if (top.has("serialBuses")) {
            List<JsonNode> busNodes = top.list("serialBuses");
            Set<String> busIds = new HashSet<>();
            Set<String> serialIds = new HashSet<>();
            for (int i = 0; i < busNodes.size(); i++) {
                SerialBusConfig bus = serialBus(Obj.of(busNodes.get(i), "serialBuses[" + i + "]"), serialIds);
                if (!busIds.add(bus.id())) {
                    throw new InvalidConfigException("serialBuses[" + i + "].id: bus id '" + bus.id() + "' is used twice");
                }
                buses.add(bus);
            }
        }
        checkSerialDevicesAgainstDoors(doors, buses);
        List<WiegandFormat> formats = new ArrayList<>();
        if (top.has("wiegandFormats")) {
            List<JsonNode> formatNodes = top.list("wiegandFormats");
            for (int i = 0; i < formatNodes.size(); i++) {
                formats.add(wiegandFormat(Obj.of(formatNodes.get(i), "wiegandFormats[" + i + "]")));
            }
            try {
                WiegandFormats.standard().with(formats.toArray(WiegandFormat[]::new));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("wiegandFormats: " + e.getMessage());
            }
        }
        return new AgentConfig(agentId, mqtt, timeout, dataDir, doors, buses, formats);
    }

    /**
     * Where a YAML syntax error is, without any of the file's text: line, column and, when every name on the way is
     * one of the schema's field names, the field path the parser had reached (e.g. {@code mqtt.password}).
     */
    static String describeSyntaxError(JsonProcessingException e) {
        StringBuilder msg = new StringBuilder("not valid YAML");
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            msg.append(" at line ").append(mark.getLine() + 1).append(", column ").append(mark.getColumn() + 1);
            Mark start = yaml.getContextMark();
            if (start != null && start.getLine() != mark.getLine()) {
                // e.g. an unclosed quote is only noticed at the end of the file
                msg.append(" (in what begins at line ").append(start.getLine() + 1).append(", column ").append(start.getColumn() + 1).append(')');
            }
        } else if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            msg.append(" at line ").append(e.getLocation().getLineNr()).append(", column ").append(e.getLocation().getColumnNr());
        }
        String path = e.getProcessor() instanceof JsonParser parser ? knownPath(parser.getParsingContext()) : null;
        String original = e.getOriginalMessage();
        if (path != null && original != null && original.startsWith("Duplicate field")) {
            msg.append(": duplicate field ").append(path);
        } else if (path != null) {
            msg.append(", near ").append(path);
        }
        return msg.toString();
    }

    /**
     * The field path of a parsing context ({@code doors[0].readers}), or {@code null} when there is none or a name
     * on it is not a schema field. The innermost list is named without an index: its next element may not have begun.
     */
    private static String knownPath(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                if (c != context) {
                    path.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
                }
            } else {
                String name = c.getCurrentName();
                if (name == null || !FIELD_NAMES.contains(name)) {
                    return null;
                }
                path.insert(0, c.getParent() != null && c.getParent().inRoot() ? name : "." + name);
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static MqttSettings mqtt(Obj m) throws InvalidConfigException {
        m.allowOnly("uri", "username", "password");
        String uri = m.text("uri");
        checkBrokerUri(m.field("uri"), uri);
        String username = m.has("username") ? m.text("username") : null;
        String password = m.has("password") ? m.secret("password") : null;
        if (password != null && username == null) {
            throw new InvalidConfigException("mqtt.password is set but mqtt.username is missing");
        }
        return new MqttSettings(uri, username, password);
    }

    private static void checkBrokerUri(String field, String uri) throws InvalidConfigException {
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
                throw new InvalidConfigException(field + " must start with tcp:// or ssl:// (was " + shown(uri) + ")");
            }
            if (u.getHost() == null || u.getPort() < 1 || u.getPort() > 65535) {
                throw new InvalidConfigException(field + " must name a host and a port, e.g. tcp://127.0.0.1:1883 (was " + shown(uri) + ")");
            }
        } catch (URISyntaxException e) {
            throw new InvalidConfigException(field + " is not a valid URI (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }

    private static DoorConfig door(Obj d, Set<String> deviceIds) throws InvalidConfigException {
        d.allowOnly("id", "unlockMs", "readers", "lock", "contact", "fingerprint");
        String id = d.id("id");
        Duration unlockFor = Duration.ofMillis(d.longIn("unlockMs", 1, DoorCommand.MAX_DURATION_MS));
        List<JsonNode> readerNodes = d.list("readers");
        if (readerNodes.isEmpty()) {
            throw new InvalidConfigException(d.field("readers") + " must list at least one reader");
        }
        List<ReaderConfig> readers = new ArrayList<>();
        for (int i = 0; i < readerNodes.size(); i++) {
            Obj r = Obj.of(readerNodes.get(i), d.field("readers") + "[" + i + "]");
            r.allowOnly("deviceId", "direction");
            String deviceId = r.id("deviceId");
            unique(deviceIds, deviceId, r.field("deviceId"));
            readers.add(new ReaderConfig(deviceId, r.direction("direction")));
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

    private static WiegandFormat wiegandFormat(Obj f) throws InvalidConfigException {
        f.allowOnly("name", "bits", "facility", "card", "parity");
        String name = f.text("name");
        if (!name.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new InvalidConfigException(f.field("name") + " must be 1..32 characters from [A-Za-z0-9._-] (was " + shown(name) + ")");
        }
        int bits = (int) f.longIn("bits", 1, WiegandFormat.MAX_BITS);
        WiegandFormat.Field facility = f.has("facility") ? wiegandField(f.object("facility")) : null;
        WiegandFormat.Field card = wiegandField(f.object("card"));
        List<WiegandFormat.ParityCheck> parity = new ArrayList<>();
        if (f.has("parity")) {
            List<JsonNode> checks = f.list("parity");
            for (int i = 0; i < checks.size(); i++) {
                Obj c = Obj.of(checks.get(i), f.field("parity") + "[" + i + "]");
                c.allowOnly("bit", "kind", "covers");
                int bit = (int) c.longIn("bit", 1, WiegandFormat.MAX_BITS);
                WiegandFormat.Parity kind = c.choice("kind", WiegandFormat.Parity.class);
                List<Integer> covered = new ArrayList<>();
                for (JsonNode item : c.list("covers")) {
                    covered.addAll(coveredBits(c.field("covers"), item));
                }
                try {
                    parity.add(new WiegandFormat.ParityCheck(bit, kind, covered));
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigException(c.field("covers") + ": " + e.getMessage());
                }
            }
        }
        try {
            return new WiegandFormat(name, bits, facility, card, parity);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(f.field("name") + " " + name + ": " + e.getMessage());
        }
    }

    private static WiegandFormat.Field wiegandField(Obj o) throws InvalidConfigException {
        o.allowOnly("first", "length");
        return new WiegandFormat.Field((int) o.longIn("first", 1, WiegandFormat.MAX_BITS), (int) o.longIn("length", 1, 63));
    }

    /** A bit number, or a {@code "from-to"} range, 1-based. */
    private static List<Integer> coveredBits(String field, JsonNode item) throws InvalidConfigException {
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
        throw new InvalidConfigException(field + " items must be bit numbers 1.." + WiegandFormat.MAX_BITS
                + " or ranges like \"2-13\" (was " + shown(item.asText()) + ")");
    }

    private static SerialBusConfig serialBus(Obj b, Set<String> serialIds) throws InvalidConfigException {
        b.allowOnly("id", "protocol", "port", "tcp", "baud", "parity", "stopBits", "rs485", "secureChannel", "devices");
        String id = b.id("id");
        SerialBusConfig.Protocol protocol = b.choice("protocol", SerialBusConfig.Protocol.class);
        if (b.has("port") == b.has("tcp")) {
            throw new InvalidConfigException(b.field("port") + ": give exactly one of port (a serial device) or tcp (host:port of a serial device server)");
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
                throw new InvalidConfigException(b.field("tcp") + " must be host:port with a port of 1..65535 (was " + shown(tcp) + ")");
            }
            tcpHost = tcp.substring(0, colon);
            tcpPort = Integer.parseInt(tcp.substring(colon + 1));
        }
        int defaultBaud = switch (protocol) {
            case OSDP -> 9600;
            case FINGERPRINT -> 57600;
            case MODBUS -> 19200;
        };
        int baud = b.has("baud") ? (int) b.longIn("baud", 1200, 921600) : defaultBaud;
        SerialBusConfig.Parity parity = b.has("parity") ? b.choice("parity", SerialBusConfig.Parity.class) : SerialBusConfig.Parity.NONE;
        int stopBits = b.has("stopBits") ? (int) b.longIn("stopBits", 1, 2) : 1;
        boolean rs485 = b.has("rs485") && b.bool("rs485");
        boolean secure = true;
        if (b.has("secureChannel")) {
            if (protocol != SerialBusConfig.Protocol.OSDP) {
                throw new InvalidConfigException(b.field("secureChannel") + " applies to OSDP buses only");
            }
            String mode = b.text("secureChannel");
            if (!mode.equals("REQUIRED") && !mode.equals("OFF")) {
                throw new InvalidConfigException(b.field("secureChannel") + " must be REQUIRED or OFF (was " + shown(mode) + ")");
            }
            secure = mode.equals("REQUIRED");
        }
        List<JsonNode> deviceNodes = b.list("devices");
        if (deviceNodes.isEmpty()) {
            throw new InvalidConfigException(b.field("devices") + " must list at least one device");
        }
        List<SerialDeviceConfig> devices = new ArrayList<>();
        Set<Long> addresses = new HashSet<>();
        for (int i = 0; i < deviceNodes.size(); i++) {
            Obj d = Obj.of(deviceNodes.get(i), b.field("devices") + "[" + i + "]");
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
                throw new InvalidConfigException(d.field("address") + ": address " + address + " is used twice on bus " + id);
            }
            devices.add(device);
        }
        return new SerialBusConfig(id, protocol, port, tcpHost, tcpPort, baud, parity, stopBits, rs485,
                protocol == SerialBusConfig.Protocol.OSDP && secure, devices);
    }

    private static SerialDeviceConfig.OsdpReader osdpReader(Obj d) throws InvalidConfigException {
        d.allowOnly("id", "address", "installMode", "relays");
        String id = d.id("id");
        int address = (int) d.longIn("address", 0, 126);
        boolean install = d.has("installMode") && d.bool("installMode");
        Map<String, Integer> relays = new LinkedHashMap<>();
        if (d.has("relays")) {
            Obj r = d.object("relays");
            for (Iterator<String> it = r.node().fieldNames(); it.hasNext(); ) {
                String relayId = it.next();
                if (!Topics.isValidId(relayId)) {
                    throw new InvalidConfigException(r.field(Obj.shownName(relayId)) + ": a relay id must be 1..64 characters from [A-Za-z0-9._-]");
                }
                relays.put(relayId, (int) r.longIn(relayId, 0, 255));
            }
        }
        return new SerialDeviceConfig.OsdpReader(id, address, install, relays);
    }

    private static SerialDeviceConfig.FingerprintModule fingerprintModule(Obj d) throws InvalidConfigException {
        d.allowOnly("id", "address", "password", "allowDefaultPassword");
        String id = d.id("id");
        long address = d.has("address") ? d.longIn("address", 0, 0xFFFF_FFFFL) : 0xFFFF_FFFFL;
        long password = 0;
        if (d.has("password")) {
            String p = d.secret("password");
            if (!p.matches("[0-9A-Fa-f]{8}")) {
                throw new InvalidConfigException(d.field("password") + " must be 8 hexadecimal digits, quoted (the module's 32-bit password)");
            }
            password = Long.parseLong(p, 16);
        }
        // the factory password 00000000 lets anyone at the wiring drive the module: refuse it unless the site says so
        if (password == 0 && !(d.has("allowDefaultPassword") && d.bool("allowDefaultPassword"))) {
            throw new InvalidConfigException(d.field("password") + " is missing or the factory default 00000000: set the module's own "
                    + "password (SetPwd) and give it here, or set allowDefaultPassword: true to accept the risk");
        }
        return new SerialDeviceConfig.FingerprintModule(id, address, password);
    }

    private static SerialDeviceConfig.ModbusDevice modbusDevice(Obj d) throws InvalidConfigException {
        d.allowOnly("id", "address", "pollMs", "profile", "points");
        String id = d.id("id");
        int address = (int) d.longIn("address", 1, 247);
        Duration poll = Duration.ofMillis(d.has("pollMs") ? d.longIn("pollMs", 20, 3_600_000) : 1000);
        if (d.has("profile") == d.has("points")) {
            throw new InvalidConfigException(d.field("profile") + ": give exactly one of profile (TURNSTILE, ENVIRONMENT) or points");
        }
        String profile = null;
        List<SerialDeviceConfig.ModbusPoint> points = new ArrayList<>();
        if (d.has("profile")) {
            profile = d.text("profile");
            if (!MODBUS_PROFILES.contains(profile)) {
                throw new InvalidConfigException(d.field("profile") + " must be one of " + MODBUS_PROFILES + " (was " + shown(profile) + ")");
            }
        } else {
            List<JsonNode> pointNodes = d.list("points");
            Set<String> names = new HashSet<>();
            for (int i = 0; i < pointNodes.size(); i++) {
                Obj p = Obj.of(pointNodes.get(i), d.field("points") + "[" + i + "]");
                p.allowOnly("name", "table", "register", "scale", "unit", "signed", "counter");
                String name = p.id("name");
                if (!names.add(name)) {
                    throw new InvalidConfigException(p.field("name") + ": point '" + name + "' is listed twice");
                }
                String table = p.text("table");
                if (!MODBUS_TABLES.contains(table)) {
                    throw new InvalidConfigException(p.field("table") + " must be one of " + MODBUS_TABLES + " (was " + shown(table) + ")");
                }
                int register = (int) p.longIn("register", 0, 65535);
                double scale = p.has("scale") ? p.number("scale") : 1.0;
                String unit = p.has("unit") ? p.text("unit") : "";
                points.add(new SerialDeviceConfig.ModbusPoint(name, table, register, scale, unit,
                        p.has("signed") && p.bool("signed"), p.has("counter") && p.bool("counter")));
            }
            if (points.isEmpty()) {
                throw new InvalidConfigException(d.field("points") + " must list at least one point");
            }
        }
        return new SerialDeviceConfig.ModbusDevice(id, address, poll, profile, points);
    }

    /**
     * Cross-checks serial devices with the doors: an OSDP reader must be a reader of a door, a relay must be a door's
     * lock, a door's fingerprint module must be on a FINGERPRINT bus.
     */
    private static void checkSerialDevicesAgainstDoors(List<DoorConfig> doors, List<SerialBusConfig> buses) throws InvalidConfigException {
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
                            throw new InvalidConfigException("serialBuses " + bus.id() + ": OSDP reader '" + r.id() + "' is not a reader of any door");
                        }
                        for (String relay : r.relays().keySet()) {
                            if (!locks.contains(relay)) {
                                throw new InvalidConfigException("serialBuses " + bus.id() + ": relay '" + relay + "' of reader '" + r.id() + "' is not the lock of any door");
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
                throw new InvalidConfigException("door " + door.id() + ": fingerprint module '" + door.fingerprintModuleId() + "' is not a device of a FINGERPRINT serial bus");
            }
        }
    }

    private static void unique(Set<String> seen, String deviceId, String field) throws InvalidConfigException {
        if (!seen.add(deviceId)) {
            throw new InvalidConfigException(field + ": device id '" + deviceId + "' is used more than once in the file");
        }
    }

    /**
     * A rejected value as it may appear in a message: quoted if it is one plain token, else a placeholder. A value
     * with spaces, quotes, brackets or an {@code @} (user info in a URI) may hold a secret, e.g. a password line that
     * a slip in the YAML merged into the value of another field.
     */
    static String shown(String value) {
        return value != null && SHOWN_VALUE.matcher(value).matches() ? "'" + value + "'" : "a value not shown";
    }

    /** A YAML mapping with its field path, for messages that say exactly where the problem is. */
    private record Obj(JsonNode node, String prefix) {

        static Obj of(JsonNode node, String path) throws InvalidConfigException {
            if (node == null || !node.isObject()) {
                throw new InvalidConfigException((path.isEmpty() ? "the top level" : path) + " must be a mapping of fields");
            }
            return new Obj(node, path);
        }

        String field(String name) {
            return prefix.isEmpty() ? name : prefix + "." + name;
        }

        void allowOnly(String... names) throws InvalidConfigException {
            Set<String> allowed = Set.of(names);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new InvalidConfigException("unknown field " + field(shownName(name)) + " (allowed: " + String.join(", ", names) + ")");
                }
            }
        }

        /**
         * An unknown key as it may appear in a message: a plain name, or a placeholder. A key with quotes, spaces or
         * punctuation is what a syntax slip makes of a value (e.g. {@code password:- "..."}), and values may be secret.
         */
        static String shownName(String name) {
            return PLAIN_NAME.matcher(name).matches() ? name : "<a key that is not a plain name, not shown>";
        }

        boolean has(String name) {
            JsonNode v = node.get(name);
            return v != null && !v.isNull();
        }

        JsonNode required(String name) throws InvalidConfigException {
            if (!has(name)) {
                throw new InvalidConfigException(field(name) + " is required");
            }
            return node.get(name);
        }

        Obj object(String name) throws InvalidConfigException {
            return Obj.of(required(name), field(name));
        }

        String text(String name) throws InvalidConfigException {
            JsonNode v = required(name);
            if (!v.isTextual() || v.textValue().isBlank()) {
                throw new InvalidConfigException(field(name) + " must be a non-empty string");
            }
            if (v.textValue().length() > 1024) {
                throw new InvalidConfigException(field(name) + " is longer than 1024 characters");
            }
            return v.textValue().strip();
        }

        /** Like {@link #text} but never echoes the value: it is a secret. */
        String secret(String name) throws InvalidConfigException {
            JsonNode v = required(name);
            if (!v.isTextual() || v.textValue().isEmpty()) {
                throw new InvalidConfigException(field(name) + " must be a non-empty string (quote it in YAML)");
            }
            return v.textValue();
        }

        String id(String name) throws InvalidConfigException {
            JsonNode v = required(name);
            if (!v.isTextual() || !Topics.isValidId(v.textValue())) {
                throw new InvalidConfigException(field(name) + " must be an id of 1..64 characters from [A-Za-z0-9._-] (was " + shown(v.asText()) + ")");
            }
            return v.textValue();
        }

        long longIn(String name, long min, long max) throws InvalidConfigException {
            JsonNode v = required(name);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new InvalidConfigException(field(name) + " must be a whole number (was " + shown(v.asText()) + ")");
            }
            long value = v.longValue();
            if (value < min || value > max) {
                throw new InvalidConfigException(field(name) + " must be between " + min + " and " + max + " (was " + value + ")");
            }
            return value;
        }

        Path path(String name) throws InvalidConfigException {
            String value = text(name);
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new InvalidConfigException(field(name) + " is not a valid path (" + e.getReason() + " at index " + e.getIndex() + ")");
            }
        }

        boolean bool(String name) throws InvalidConfigException {
            JsonNode v = required(name);
            if (!v.isBoolean()) {
                throw new InvalidConfigException(field(name) + " must be true or false (was " + shown(v.asText()) + ")");
            }
            return v.booleanValue();
        }

        double number(String name) throws InvalidConfigException {
            JsonNode v = required(name);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw new InvalidConfigException(field(name) + " must be a number (was " + shown(v.asText()) + ")");
            }
            return v.doubleValue();
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) throws InvalidConfigException {
            String value = text(name);
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException _) {
                throw new InvalidConfigException(field(name) + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + " (was " + shown(value) + ")");
            }
        }

        Direction direction(String name) throws InvalidConfigException {
            String value = text(name);
            try {
                return Direction.valueOf(value);
            } catch (IllegalArgumentException _) {
                throw new InvalidConfigException(field(name) + " must be IN or OUT (was " + shown(value) + ")");
            }
        }

        List<JsonNode> list(String name) throws InvalidConfigException {
            JsonNode v = required(name);
            if (!v.isArray()) {
                throw new InvalidConfigException(field(name) + " must be a list");
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }
    }
}
