package dev.warden.sim.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.warden.contract.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and validates the simulator's YAML configuration:
 *
 * <pre>
 * mqtt:
 *   uri: tcp://127.0.0.1:1883
 * seed: 42                 # optional, default 42
 * ratePerSecond: 1.0       # optional, 0..1000, default 1.0; 0 = no walker
 * devices:                 # optional; MQTT-native devices behind the edge agent, username = id
 *   - { id: rdr-door-lobby-main-in, kind: READER, doorId: door-lobby-main, password: "x" }
 *   - { id: lock-door-lobby-main, kind: LOCK, doorId: door-lobby-main, password: "x" }
 *   - { id: dc-door-lobby-main, kind: CONTACT, doorId: door-lobby-main, password: "x" }
 * standaloneReaders:       # optional; talk to the controller directly
 *   - { id: rdr-gate-1, doorId: gate-1, password: "x" }
 * cards:                   # optional, but the walker needs at least one card and one reader
 *   - { format: H10301, facility: 12, number: 1001, label: "p-0001 Ada Example" }
 * dataDir: data/sim        # optional, default data/sim: what simulated devices keep in flash (OSDP keys)
 * serialBuses:             # optional; devices on serial lines, for the agent's serialBuses
 *   - id: osdp-1
 *     protocol: OSDP       # OSDP | FINGERPRINT | MODBUS
 *     pty: data/demo/dev/osdp-1   # a pseudo-terminal whose host side is linked here; or  tcpPort: 4001
 *     devices:
 *       - { id: rdr-door-hall1-a-in, address: 0 }
 *       - { id: rdr-door-cage-a-in, address: 2, fingerprint: fp-door-cage-a }   # card here, finger there
 *   - id: fp-1
 *     protocol: FINGERPRINT
 *     pty: data/demo/dev/fp-1
 *     devices:
 *       - { id: fp-door-cage-a, address: 4294967295, password: "00000000", library: { 1: p-0001 } }
 *   - id: modbus-1
 *     protocol: MODBUS
 *     pty: data/demo/dev/modbus-1
 *     devices:
 *       - { id: gate-lobby-staff, address: 1, profile: TURNSTILE, doorId: door-lobby-staff }   # walked through when granted
 *       - { id: env-hall-1, address: 2, profile: ENVIRONMENT }
 * </pre>
 *
 * Errors name the field ({@code devices[2].kind}); unknown fields are errors; ids are unique across devices and
 * standalone readers; a door has at most one lock and one contact. Passwords are optional (brokers without
 * authentication) and never appear in messages.
 */
public final class SimConfigLoader {

    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_RATE = 1.0;
    static final double MAX_RATE = 1000;

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Pattern SHOWN_VALUE = Pattern.compile("[!-~&&[^\"'{}\\[\\],@]]{1,100}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    /** Every field name of the schema: the only source text an error about YAML syntax may repeat. */
    private static final Set<String> FIELD_NAMES = Set.of(
            "mqtt", "uri", "seed", "ratePerSecond", "devices", "standaloneReaders", "cards",
            "id", "kind", "doorId", "password", "format", "facility", "number", "label",
            "dataDir", "serialBuses", "protocol", "pty", "tcpPort", "address", "library", "profile", "fingerprint");

    private SimConfigLoader() {}

    public static SimConfig load(Path file) throws InvalidSimConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidSimConfigException("cannot read simulator config " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (InvalidSimConfigException e) {
            throw new InvalidSimConfigException("invalid simulator config " + file + ": " + e.getMessage(), e);
        }
    }

    public static SimConfig parse(String yaml) throws InvalidSimConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            // Not chained as the cause: Jackson's and SnakeYAML's messages quote the offending line (a password).
            throw new InvalidSimConfigException(describeSyntaxError(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidSimConfigException("the file is empty");
        }
        Obj top = Obj.of(root, "");
        top.allowOnly("mqtt", "seed", "ratePerSecond", "devices", "standaloneReaders", "cards", "dataDir", "serialBuses");

        Obj mqtt = top.object("mqtt");
        mqtt.allowOnly("uri");
        String uri = mqtt.text("uri");
        checkBrokerUri(mqtt.field("uri"), uri);

        long seed = top.has("seed") ? top.wholeNumber("seed") : DEFAULT_SEED;
        double rate = top.has("ratePerSecond") ? top.number("ratePerSecond", 0, MAX_RATE) : DEFAULT_RATE;

        Set<String> ids = new HashSet<>();
        Map<String, String> lockOfDoor = new HashMap<>();
        Map<String, String> contactOfDoor = new HashMap<>();
        List<DeviceSpec> devices = new ArrayList<>();
        List<JsonNode> deviceNodes = top.optionalList("devices");
        for (int i = 0; i < deviceNodes.size(); i++) {
            Obj d = Obj.of(deviceNodes.get(i), "devices[" + i + "]");
            d.allowOnly("id", "kind", "doorId", "password");
            String id = d.id("id");
            unique(ids, id, d.field("id"));
            DeviceKind kind = d.kind("kind");
            String doorId = d.id("doorId");
            Map<String, String> single = kind == DeviceKind.LOCK ? lockOfDoor : kind == DeviceKind.CONTACT ? contactOfDoor : null;
            if (single != null && single.putIfAbsent(doorId, id) != null) {
                throw new InvalidSimConfigException(d.field("doorId") + ": door '" + doorId + "' already has a " + kind
                        + " (" + single.get(doorId) + ")");
            }
            devices.add(new DeviceSpec(id, kind, doorId, d.has("password") ? d.secret("password") : null));
        }
        List<StandaloneReaderSpec> standalone = new ArrayList<>();
        List<JsonNode> standaloneNodes = top.optionalList("standaloneReaders");
        for (int i = 0; i < standaloneNodes.size(); i++) {
            Obj r = Obj.of(standaloneNodes.get(i), "standaloneReaders[" + i + "]");
            r.allowOnly("id", "doorId", "password");
            String id = r.id("id");
            unique(ids, id, r.field("id"));
            standalone.add(new StandaloneReaderSpec(id, r.id("doorId"), r.has("password") ? r.secret("password") : null));
        }
        List<CardSpec> cards = new ArrayList<>();
        List<JsonNode> cardNodes = top.optionalList("cards");
        for (int i = 0; i < cardNodes.size(); i++) {
            Obj c = Obj.of(cardNodes.get(i), "cards[" + i + "]");
            c.allowOnly("format", "facility", "number", "label");
            String format = c.text("format");
            if (format.length() > 32) {
                throw new InvalidSimConfigException(c.field("format") + " is longer than 32 characters");
            }
            long facility = c.wholeNumber("facility");
            long number = c.wholeNumber("number");
            if (facility < 0 || number < 0) {
                throw new InvalidSimConfigException(c.field(facility < 0 ? "facility" : "number") + " must not be negative");
            }
            cards.add(new CardSpec(format, facility, number, c.has("label") ? c.text("label") : null));
        }
        Path dataDir = top.has("dataDir") ? Path.of(top.text("dataDir")) : Path.of("data", "sim");
        List<SerialBusSpec> buses = new ArrayList<>();
        Set<String> busIds = new HashSet<>();
        Set<String> ptys = new HashSet<>();
        List<JsonNode> busNodes = top.optionalList("serialBuses");
        for (int i = 0; i < busNodes.size(); i++) {
            SerialBusSpec bus = serialBus(Obj.of(busNodes.get(i), "serialBuses[" + i + "]"), ids);
            if (!busIds.add(bus.id())) {
                throw new InvalidSimConfigException("serialBuses[" + i + "].id: bus id '" + bus.id() + "' is used twice");
            }
            if (bus.pty() != null && !ptys.add(bus.pty().normalize().toString())) {
                throw new InvalidSimConfigException("serialBuses[" + i + "].pty: " + bus.pty() + " is used by two buses");
            }
            buses.add(bus);
        }
        Set<String> modules = new HashSet<>();
        buses.forEach(b -> b.devices().forEach(d -> {
            if (d instanceof SerialDeviceSpec.FingerprintModule f) {
                modules.add(f.id());
            }
        }));
        for (SerialBusSpec bus : buses) {
            for (SerialDeviceSpec d : bus.devices()) {
                if (d instanceof SerialDeviceSpec.OsdpReader r && r.fingerprintModule() != null && !modules.contains(r.fingerprintModule())) {
                    throw new InvalidSimConfigException("serialBuses " + bus.id() + ": reader '" + r.id() + "' names fingerprint module '"
                            + r.fingerprintModule() + "', which is not a device of a FINGERPRINT bus");
                }
            }
        }
        return new SimConfig(uri, seed, rate, devices, standalone, cards, dataDir, buses);
    }

    private static SerialBusSpec serialBus(Obj b, Set<String> ids) throws InvalidSimConfigException {
        b.allowOnly("id", "protocol", "pty", "tcpPort", "devices");
        String id = b.id("id");
        String protocolName = b.text("protocol");
        SerialBusSpec.Protocol protocol;
        try {
            protocol = SerialBusSpec.Protocol.valueOf(protocolName);
        } catch (IllegalArgumentException _) {
            throw new InvalidSimConfigException(b.field("protocol") + " must be OSDP, FINGERPRINT or MODBUS (was " + shown(protocolName) + ")");
        }
        if (b.has("pty") == b.has("tcpPort")) {
            throw new InvalidSimConfigException(b.field("pty") + ": give exactly one of pty (a path to link the pseudo-terminal at) or tcpPort");
        }
        Path pty = b.has("pty") ? Path.of(b.text("pty")) : null;
        int tcpPort = 0;
        if (b.has("tcpPort")) {
            long port = b.wholeNumber("tcpPort");
            if (port < 1 || port > 65535) {
                throw new InvalidSimConfigException(b.field("tcpPort") + " must be between 1 and 65535 (was " + port + ")");
            }
            tcpPort = (int) port;
        }
        List<JsonNode> deviceNodes = b.optionalList("devices");
        if (deviceNodes.isEmpty()) {
            throw new InvalidSimConfigException(b.field("devices") + " must list at least one device");
        }
        List<SerialDeviceSpec> devices = new ArrayList<>();
        Set<Long> addresses = new HashSet<>();
        for (int i = 0; i < deviceNodes.size(); i++) {
            Obj d = Obj.of(deviceNodes.get(i), b.field("devices") + "[" + i + "]");
            SerialDeviceSpec device = switch (protocol) {
                case OSDP -> {
                    d.allowOnly("id", "address", "fingerprint");
                    yield new SerialDeviceSpec.OsdpReader(d.id("id"), (int) d.wholeNumberIn("address", 0, 126),
                            d.has("fingerprint") ? d.id("fingerprint") : null);
                }
                case FINGERPRINT -> fingerprintModule(d);
                case MODBUS -> {
                    d.allowOnly("id", "address", "profile", "doorId");
                    String profile = d.text("profile");
                    SerialDeviceSpec.Profile p;
                    try {
                        p = SerialDeviceSpec.Profile.valueOf(profile);
                    } catch (IllegalArgumentException _) {
                        throw new InvalidSimConfigException(d.field("profile") + " must be TURNSTILE or ENVIRONMENT (was " + shown(profile) + ")");
                    }
                    yield new SerialDeviceSpec.ModbusDevice(d.id("id"), (int) d.wholeNumberIn("address", 1, 247), p,
                            d.has("doorId") ? d.id("doorId") : null);
                }
            };
            unique(ids, device.id(), d.field("id"));
            long address = switch (device) {
                case SerialDeviceSpec.OsdpReader r -> r.address();
                case SerialDeviceSpec.FingerprintModule f -> f.address();
                case SerialDeviceSpec.ModbusDevice m -> m.address();
            };
            if (!addresses.add(address)) {
                throw new InvalidSimConfigException(d.field("address") + ": address " + address + " is used twice on bus " + id);
            }
            devices.add(device);
        }
        return new SerialBusSpec(id, protocol, pty, tcpPort, devices);
    }

    private static SerialDeviceSpec.FingerprintModule fingerprintModule(Obj d) throws InvalidSimConfigException {
        d.allowOnly("id", "address", "password", "library");
        String id = d.id("id");
        long address = d.has("address") ? d.wholeNumberIn("address", 0, 0xFFFF_FFFFL) : 0xFFFF_FFFFL;
        long password = 0;
        if (d.has("password")) {
            String p = d.secret("password");
            if (!p.matches("[0-9A-Fa-f]{8}")) {
                throw new InvalidSimConfigException(d.field("password") + " must be 8 hexadecimal digits, quoted (the module's 32-bit password)");
            }
            password = Long.parseLong(p, 16);
        }
        java.util.SortedMap<Integer, String> library = new java.util.TreeMap<>();
        if (d.has("library")) {
            Obj lib = d.object("library");
            for (Iterator<String> it = lib.node().fieldNames(); it.hasNext(); ) {
                String page = it.next();
                if (!page.matches("[0-9]{1,4}") || Integer.parseInt(page) > 999) {
                    throw new InvalidSimConfigException(lib.field(Obj.shownName(page)) + ": a library page must be a number 0..999");
                }
                library.put(Integer.parseInt(page), lib.id(page));
            }
        }
        return new SerialDeviceSpec.FingerprintModule(id, address, password, library);
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

    private static void unique(Set<String> seen, String id, String field) throws InvalidSimConfigException {
        if (!seen.add(id)) {
            throw new InvalidSimConfigException(field + ": id '" + id + "' is used more than once");
        }
    }

    private static void checkBrokerUri(String field, String uri) throws InvalidSimConfigException {
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
                throw new InvalidSimConfigException(field + " must start with tcp:// or ssl:// (was " + shown(uri) + ")");
            }
            if (u.getHost() == null || u.getPort() < 1 || u.getPort() > 65535) {
                throw new InvalidSimConfigException(field + " must name a host and a port, e.g. tcp://127.0.0.1:1883 (was " + shown(uri) + ")");
            }
        } catch (URISyntaxException e) {
            throw new InvalidSimConfigException(field + " is not a valid URI (" + e.getReason() + " at index " + e.getIndex() + ")");
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

        static Obj of(JsonNode node, String path) throws InvalidSimConfigException {
            if (node == null || !node.isObject()) {
                throw new InvalidSimConfigException((path.isEmpty() ? "the top level" : path) + " must be a mapping of fields");
            }
            return new Obj(node, path);
        }

        String field(String name) {
            return prefix.isEmpty() ? name : prefix + "." + name;
        }

        void allowOnly(String... names) throws InvalidSimConfigException {
            Set<String> allowed = Set.of(names);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new InvalidSimConfigException("unknown field " + field(shownName(name)) + " (allowed: " + String.join(", ", names) + ")");
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

        JsonNode required(String name) throws InvalidSimConfigException {
            if (!has(name)) {
                throw new InvalidSimConfigException(field(name) + " is required");
            }
            return node.get(name);
        }

        Obj object(String name) throws InvalidSimConfigException {
            return Obj.of(required(name), field(name));
        }

        String text(String name) throws InvalidSimConfigException {
            JsonNode v = required(name);
            if (!v.isTextual() || v.textValue().isBlank()) {
                throw new InvalidSimConfigException(field(name) + " must be a non-empty string");
            }
            if (v.textValue().length() > 1024) {
                throw new InvalidSimConfigException(field(name) + " is longer than 1024 characters");
            }
            return v.textValue().strip();
        }

        String secret(String name) throws InvalidSimConfigException {
            JsonNode v = required(name);
            if (!v.isTextual() || v.textValue().isEmpty()) {
                throw new InvalidSimConfigException(field(name) + " must be a non-empty string (quote it in YAML)");
            }
            return v.textValue();
        }

        String id(String name) throws InvalidSimConfigException {
            JsonNode v = required(name);
            if (!v.isTextual() || !Topics.isValidId(v.textValue())) {
                throw new InvalidSimConfigException(field(name) + " must be an id of 1..64 characters from [A-Za-z0-9._-] (was " + shown(v.asText()) + ")");
            }
            return v.textValue();
        }

        long wholeNumber(String name) throws InvalidSimConfigException {
            JsonNode v = required(name);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new InvalidSimConfigException(field(name) + " must be a whole number (was " + shown(v.asText()) + ")");
            }
            return v.longValue();
        }

        long wholeNumberIn(String name, long min, long max) throws InvalidSimConfigException {
            long value = wholeNumber(name);
            if (value < min || value > max) {
                throw new InvalidSimConfigException(field(name) + " must be between " + min + " and " + max + " (was " + value + ")");
            }
            return value;
        }

        double number(String name, double min, double max) throws InvalidSimConfigException {
            JsonNode v = required(name);
            if (!v.isNumber()) {
                throw new InvalidSimConfigException(field(name) + " must be a number (was " + shown(v.asText()) + ")");
            }
            double value = v.doubleValue();
            if (!(value >= min && value <= max)) {
                throw new InvalidSimConfigException(field(name) + " must be between " + min + " and " + max + " (was " + value + ")");
            }
            return value;
        }

        DeviceKind kind(String name) throws InvalidSimConfigException {
            String value = text(name);
            try {
                return DeviceKind.valueOf(value);
            } catch (IllegalArgumentException _) {
                throw new InvalidSimConfigException(field(name) + " must be READER, LOCK or CONTACT (was " + shown(value) + ")");
            }
        }

        List<JsonNode> optionalList(String name) throws InvalidSimConfigException {
            if (!has(name)) {
                return List.of();
            }
            JsonNode v = node.get(name);
            if (!v.isArray()) {
                throw new InvalidSimConfigException(field(name) + " must be a list");
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }
    }
}
