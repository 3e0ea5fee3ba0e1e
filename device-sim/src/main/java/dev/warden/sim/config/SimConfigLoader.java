package dev.warden.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.config.ConfigError;
import dev.warden.config.StrictYaml;
import dev.warden.config.YamlFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *   - { format: H10301, facility: 12, number: 1001, label: "p-0001 Ada Example", pin: "4821" }   # pin: optional,
 *                          # 4-8 digits, quoted; the walker types it on the reader's keypad before the card
 * pairReaders: [rdr-door-cage-a-in, rdr-door-cage-a-out]   # optional: the walker presents two different cards here,
 *                          # back to back (two-person doors)
 * escorts:                 # optional: the walker presents the escort's card, then the visitor's, at these readers
 *   - { escort: 1001, visitor: 1196, readers: [rdr-door-lobby-main-in, rdr-door-hall1-b-in] }   # card numbers
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
 * standalone readers; a door has at most one lock and one contact; {@code pairReaders} and an escort's
 * {@code readers} name configured readers (MQTT, standalone or OSDP); an escort's {@code escort} and
 * {@code visitor} are the numbers of configured cards (the first card with that number). A PIN never appears in a message. Passwords are optional (brokers without
 * authentication) and never appear in messages.
 */
public final class SimConfigLoader {

    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_RATE = 1.0;
    static final double MAX_RATE = 1000;

    /** Parses with every field name of the schema: the only source text an error about YAML syntax may repeat. */
    private static final StrictYaml YAML = new StrictYaml(Set.of(
            "mqtt", "uri", "seed", "ratePerSecond", "devices", "standaloneReaders", "cards",
            "id", "kind", "doorId", "password", "format", "facility", "number", "label",
            "dataDir", "serialBuses", "protocol", "pty", "tcpPort", "address", "library", "profile", "fingerprint",
            "pin", "pairReaders", "escorts", "escort", "visitor", "readers"));

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
        try {
            return read(yaml);
        } catch (ConfigError e) {
            throw new InvalidSimConfigException(e.getMessage(), e);
        }
    }

    private static SimConfig read(String yaml) throws ConfigError {
        YamlFields top = YAML.parse(yaml);
        top.allowOnly("mqtt", "seed", "ratePerSecond", "devices", "standaloneReaders", "cards", "dataDir", "serialBuses",
                "pairReaders", "escorts");

        YamlFields mqtt = top.object("mqtt");
        mqtt.allowOnly("uri");
        String uri = mqtt.brokerUri("uri");

        long seed = top.has("seed") ? top.wholeNumber("seed") : DEFAULT_SEED;
        double rate = top.has("ratePerSecond") ? top.number("ratePerSecond", 0, MAX_RATE) : DEFAULT_RATE;

        Set<String> ids = new HashSet<>();
        Map<String, String> lockOfDoor = new HashMap<>();
        Map<String, String> contactOfDoor = new HashMap<>();
        List<DeviceSpec> devices = new ArrayList<>();
        List<JsonNode> deviceNodes = top.optionalList("devices");
        for (int i = 0; i < deviceNodes.size(); i++) {
            YamlFields d = YamlFields.of(deviceNodes.get(i), "devices[" + i + "]");
            d.allowOnly("id", "kind", "doorId", "password");
            String id = d.id("id");
            unique(ids, id, d.field("id"));
            DeviceKind kind = d.choice("kind", DeviceKind.class, "READER, LOCK or CONTACT");
            String doorId = d.id("doorId");
            Map<String, String> single = kind == DeviceKind.LOCK ? lockOfDoor : kind == DeviceKind.CONTACT ? contactOfDoor : null;
            if (single != null && single.putIfAbsent(doorId, id) != null) {
                throw new ConfigError(d.field("doorId") + ": door '" + doorId + "' already has a " + kind
                        + " (" + single.get(doorId) + ")");
            }
            devices.add(new DeviceSpec(id, kind, doorId, d.has("password") ? d.secret("password") : null));
        }
        List<StandaloneReaderSpec> standalone = new ArrayList<>();
        List<JsonNode> standaloneNodes = top.optionalList("standaloneReaders");
        for (int i = 0; i < standaloneNodes.size(); i++) {
            YamlFields r = YamlFields.of(standaloneNodes.get(i), "standaloneReaders[" + i + "]");
            r.allowOnly("id", "doorId", "password");
            String id = r.id("id");
            unique(ids, id, r.field("id"));
            standalone.add(new StandaloneReaderSpec(id, r.id("doorId"), r.has("password") ? r.secret("password") : null));
        }
        List<CardSpec> cards = new ArrayList<>();
        List<JsonNode> cardNodes = top.optionalList("cards");
        for (int i = 0; i < cardNodes.size(); i++) {
            YamlFields c = YamlFields.of(cardNodes.get(i), "cards[" + i + "]");
            c.allowOnly("format", "facility", "number", "label", "pin");
            String format = c.text("format");
            if (format.length() > 32) {
                throw new ConfigError(c.field("format") + " is longer than 32 characters");
            }
            long facility = c.wholeNumber("facility");
            long number = c.wholeNumber("number");
            if (facility < 0 || number < 0) {
                throw new ConfigError(c.field(facility < 0 ? "facility" : "number") + " must not be negative");
            }
            String pin = null;
            if (c.has("pin")) {
                pin = c.secret("pin");
                if (!pin.matches(CardSpec.PIN_PATTERN)) {
                    throw new ConfigError(c.field("pin") + " must be 4 to 8 digits, quoted (e.g. \"0042\")");
                }
            }
            cards.add(new CardSpec(format, facility, number, c.has("label") ? c.text("label") : null, pin));
        }
        Path dataDir = top.has("dataDir") ? Path.of(top.text("dataDir")) : Path.of("data", "sim");
        List<SerialBusSpec> buses = new ArrayList<>();
        Set<String> busIds = new HashSet<>();
        Set<String> ptys = new HashSet<>();
        List<JsonNode> busNodes = top.optionalList("serialBuses");
        for (int i = 0; i < busNodes.size(); i++) {
            SerialBusSpec bus = serialBus(YamlFields.of(busNodes.get(i), "serialBuses[" + i + "]"), ids);
            if (!busIds.add(bus.id())) {
                throw new ConfigError("serialBuses[" + i + "].id: bus id '" + bus.id() + "' is used twice");
            }
            if (bus.pty() != null && !ptys.add(bus.pty().normalize().toString())) {
                throw new ConfigError("serialBuses[" + i + "].pty: " + bus.pty() + " is used by two buses");
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
                    throw new ConfigError("serialBuses " + bus.id() + ": reader '" + r.id() + "' names fingerprint module '"
                            + r.fingerprintModule() + "', which is not a device of a FINGERPRINT bus");
                }
            }
        }
        Set<String> readers = new HashSet<>();
        devices.stream().filter(d -> d.kind() == DeviceKind.READER).forEach(d -> readers.add(d.id()));
        standalone.forEach(s -> readers.add(s.id()));
        buses.forEach(b -> b.devices().forEach(d -> {
            if (d instanceof SerialDeviceSpec.OsdpReader r) {
                readers.add(r.id());
            }
        }));
        List<String> pairReaders = readerList(top, "pairReaders", readers);
        List<EscortSpec> escorts = new ArrayList<>();
        List<JsonNode> escortNodes = top.optionalList("escorts");
        for (int i = 0; i < escortNodes.size(); i++) {
            YamlFields e = YamlFields.of(escortNodes.get(i), "escorts[" + i + "]");
            e.allowOnly("escort", "visitor", "readers");
            long escort = cardNumber(e, "escort", cards);
            long visitor = cardNumber(e, "visitor", cards);
            if (escort == visitor) {
                throw new ConfigError(e.field("visitor") + ": the visitor's card is the escort's card");
            }
            List<String> at = readerList(e, "readers", readers);
            if (at.isEmpty()) {
                throw new ConfigError(e.field("readers") + " must list at least one reader");
            }
            escorts.add(new EscortSpec(escort, visitor, at));
        }
        return new SimConfig(uri, seed, rate, devices, standalone, cards, dataDir, buses, pairReaders, escorts);
    }

    /** A list of reader ids, each a configured reader, none twice; empty when the field is absent. */
    private static List<String> readerList(YamlFields f, String name, Set<String> readers) throws ConfigError {
        List<JsonNode> nodes = f.optionalList(name);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String field = f.field(name) + "[" + i + "]";
            JsonNode n = nodes.get(i);
            if (!n.isTextual() || !readers.contains(n.textValue())) {
                throw new ConfigError(field + " must be the id of a configured reader (was " + shown(n.asText()) + ")");
            }
            if (ids.contains(n.textValue())) {
                throw new ConfigError(field + ": reader '" + n.textValue() + "' is listed twice");
            }
            ids.add(n.textValue());
        }
        return ids;
    }

    /** The number of a configured card (when several cards have it, the walker uses the first of them). */
    private static long cardNumber(YamlFields f, String name, List<CardSpec> cards) throws ConfigError {
        long number = f.wholeNumber(name);
        if (cards.stream().noneMatch(c -> c.number() == number)) {
            throw new ConfigError(f.field(name) + ": no configured card has number " + number);
        }
        return number;
    }

    private static SerialBusSpec serialBus(YamlFields b, Set<String> ids) throws ConfigError {
        b.allowOnly("id", "protocol", "pty", "tcpPort", "devices");
        String id = b.id("id");
        SerialBusSpec.Protocol protocol = b.choice("protocol", SerialBusSpec.Protocol.class, "OSDP, FINGERPRINT or MODBUS");
        if (b.has("pty") == b.has("tcpPort")) {
            throw new ConfigError(b.field("pty") + ": give exactly one of pty (a path to link the pseudo-terminal at) or tcpPort");
        }
        Path pty = b.has("pty") ? Path.of(b.text("pty")) : null;
        int tcpPort = 0;
        if (b.has("tcpPort")) {
            long port = b.wholeNumber("tcpPort");
            if (port < 1 || port > 65535) {
                throw new ConfigError(b.field("tcpPort") + " must be between 1 and 65535 (was " + port + ")");
            }
            tcpPort = (int) port;
        }
        List<JsonNode> deviceNodes = b.optionalList("devices");
        if (deviceNodes.isEmpty()) {
            throw new ConfigError(b.field("devices") + " must list at least one device");
        }
        List<SerialDeviceSpec> devices = new ArrayList<>();
        Set<Long> addresses = new HashSet<>();
        for (int i = 0; i < deviceNodes.size(); i++) {
            YamlFields d = YamlFields.of(deviceNodes.get(i), b.field("devices") + "[" + i + "]");
            SerialDeviceSpec device = switch (protocol) {
                case OSDP -> {
                    d.allowOnly("id", "address", "fingerprint");
                    yield new SerialDeviceSpec.OsdpReader(d.id("id"), (int) d.wholeNumberIn("address", 0, 126),
                            d.has("fingerprint") ? d.id("fingerprint") : null);
                }
                case FINGERPRINT -> fingerprintModule(d);
                case MODBUS -> {
                    d.allowOnly("id", "address", "profile", "doorId");
                    SerialDeviceSpec.Profile p = d.choice("profile", SerialDeviceSpec.Profile.class, "TURNSTILE or ENVIRONMENT");
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
                throw new ConfigError(d.field("address") + ": address " + address + " is used twice on bus " + id);
            }
            devices.add(device);
        }
        return new SerialBusSpec(id, protocol, pty, tcpPort, devices);
    }

    private static SerialDeviceSpec.FingerprintModule fingerprintModule(YamlFields d) throws ConfigError {
        d.allowOnly("id", "address", "password", "library");
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
        java.util.SortedMap<Integer, String> library = new java.util.TreeMap<>();
        if (d.has("library")) {
            YamlFields lib = d.object("library");
            for (Iterator<String> it = lib.node().fieldNames(); it.hasNext(); ) {
                String page = it.next();
                if (!page.matches("[0-9]{1,4}") || Integer.parseInt(page) > 999) {
                    throw new ConfigError(lib.field(YamlFields.shownName(page)) + ": a library page must be a number 0..999");
                }
                library.put(Integer.parseInt(page), lib.id(page));
            }
        }
        return new SerialDeviceSpec.FingerprintModule(id, address, password, library);
    }

    private static void unique(Set<String> seen, String id, String field) throws ConfigError {
        if (!seen.add(id)) {
            throw new ConfigError(field + ": id '" + id + "' is used more than once");
        }
    }


    /** A rejected value as it may appear in a message ({@link YamlFields#shown}). */
    static String shown(String value) {
        return YamlFields.shown(value);
    }
}
