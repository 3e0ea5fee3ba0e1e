package dev.warden.controller.demo;

import dev.warden.controller.fingerprint.FingerprintRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the demo's hand-over files. The YAML is written by hand in the exact documented layout (the agent and
 * the simulator parse it, rejecting unknown fields); passwords and paths are double-quoted and escaped. The
 * serial buses' ports are pseudo-terminal links under {@code <demo dir>/dev/} (the folder is created here; the
 * simulator creates the links, the agent opens them). The fingerprint module's password appears in the two YAML
 * files only, never in credentials.txt. Files holding secrets are created
 * owner-readable only where the file system supports POSIX permissions, and replaced atomically.
 */
final class DemoFiles {
    static final String CREDENTIALS = "credentials.txt";
    static final String AGENT = "agent.yaml";
    static final String SIM = "sim.yaml";
    /** The demo people's card + PIN PINs and duress PINs (a secret file, like credentials.txt). */
    static final String PINS = "pins.txt";
    /** Sub-folder of the demo folder holding the serial buses' pseudo-terminal links. */
    static final String DEV = "dev";
    /** Sub-folder of the demo folder for the simulator's own state. */
    static final String SIM_DATA = "sim";

    private DemoFiles() {}

    static void write(Path dir, DemoSite site, DemoSecrets secrets, String mqttUri, String apiUrl, Instant now)
            throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(dir.resolve(DEV));
        writeSecret(dir.resolve(CREDENTIALS), credentials(site, secrets, mqttUri, apiUrl, now));
        writeSecret(dir.resolve(AGENT), agentYaml(site, secrets, mqttUri, dir));
        writeSecret(dir.resolve(SIM), simYaml(site, secrets, mqttUri, dir));
        writeSecret(dir.resolve(PINS), pins(site, now));
    }

    /** The PINs file: one line per person with a PIN (person, card, PIN, duress PIN, name). */
    static String pins(DemoSite site, Instant now) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Warden demo PINs, generated ").append(now).append(". Keep this file private.\n");
        sb.append("# Door ").append(DemoSite.PIN_DOOR).append(" is card + PIN: type the PIN on its keypad, then present "
                + "the card.\n");
        sb.append("# The duress PIN opens the door too and raises a silent duress alarm.\n\n");
        sb.append(String.format(Locale.ROOT, "%-8s %-6s %-6s %-7s %s%n", "# person", "card", "PIN", "duress", "name"));
        java.util.Map<String, String> names = new java.util.HashMap<>();
        site.people.forEach(p -> names.put(p.id(), p.displayName()));
        for (DemoSite.DemoPin p : site.pins) {
            sb.append(String.format(Locale.ROOT, "%-8s %-6d %-6s %-7s %s%n", p.personId(), p.card(), p.pin(),
                    p.duressPin(), names.get(p.personId())));
        }
        return sb.toString();
    }

    static String credentials(DemoSite site, DemoSecrets secrets, String mqttUri, String apiUrl, Instant now) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Warden demo credentials, generated ").append(now).append(". Keep this file private.\n");
        sb.append("# They are created once, with the demo data; delete the data folder to start over.\n\n");
        sb.append("[operators]  console and REST API; sign in at ").append(apiUrl).append("/api/v1/auth/login\n");
        for (Map.Entry<String, String> e : secrets.operators().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-24s %s  (%s)%n", e.getKey(), e.getValue(),
                    String.join(", ", DemoSeeder.OPERATORS.get(e.getKey()))));
        }
        sb.append("\n[mqtt]  broker ").append(mqttUri).append("; user name = device, reader or agent id\n");
        for (Map.Entry<String, String> e : secrets.mqtt().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-32s %s%n", e.getKey(), e.getValue()));
        }
        sb.append("\n[pins]  card + PIN door ").append(DemoSite.PIN_DOOR).append(": the people's PINs and duress PINs "
                + "are in ").append(PINS).append(" next to this file\n");
        return sb.toString();
    }

    static String agentYaml(DemoSite site, DemoSecrets secrets, String mqttUri, Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append("agentId: ").append(DemoSite.AGENT).append('\n');
        sb.append("mqtt:\n");
        sb.append("  uri: ").append(mqttUri).append('\n');
        sb.append("  username: ").append(DemoSite.AGENT).append('\n');
        sb.append("  password: ").append(q(secrets.mqtt(DemoSite.AGENT))).append('\n');
        sb.append("decisionTimeoutMs: 800\n");
        sb.append("serialBuses:\n");
        sb.append("  - id: ").append(DemoSite.OSDP_BUS).append('\n');
        sb.append("    protocol: OSDP\n");
        sb.append("    port: ").append(q(port(dir, DemoSite.OSDP_BUS))).append('\n');
        sb.append("    baud: 115200\n");
        sb.append("    parity: NONE\n");
        sb.append("    stopBits: 1\n");
        sb.append("    rs485: false\n");
        sb.append("    secureChannel: REQUIRED\n");
        sb.append("    devices:\n");
        for (DemoSite.OsdpReader r : DemoSite.OSDP_READERS) {
            sb.append("      - { id: ").append(r.id()).append(", address: ").append(r.address())
                    .append(", installMode: true");
            if (r.relay() != null) {
                sb.append(", relays: { ").append(r.relay()).append(": 0 }");
            }
            sb.append(" }\n");
        }
        sb.append("  - id: ").append(DemoSite.FP_BUS).append('\n');
        sb.append("    protocol: FINGERPRINT\n");
        sb.append("    port: ").append(q(port(dir, DemoSite.FP_BUS))).append('\n');
        sb.append("    baud: 57600\n");
        sb.append("    devices:\n");
        sb.append("      - { id: ").append(DemoSite.FP_MODULE).append(", address: ").append(DemoSite.FP_ADDRESS)
                .append(", password: ").append(q(secrets.modulePassword(DemoSite.FP_MODULE))).append(" }\n");
        sb.append("  - id: ").append(DemoSite.MODBUS_BUS).append('\n');
        sb.append("    protocol: MODBUS\n");
        sb.append("    port: ").append(q(port(dir, DemoSite.MODBUS_BUS))).append('\n');
        sb.append("    baud: 19200\n");
        // a pseudo-terminal has no parity bit (Linux refuses PARENB on a pty); a real RS-485 Modbus line would be EVEN
        sb.append("    parity: NONE\n");
        sb.append("    devices:\n");
        for (DemoSite.ModbusDevice m : DemoSite.MODBUS_DEVICES) {
            sb.append("      - { id: ").append(m.id()).append(", address: ").append(m.address())
                    .append(", pollMs: ").append(m.pollMs()).append(", profile: ").append(m.profile()).append(" }\n");
        }
        sb.append("doors:\n");
        for (DemoSite.DemoDoor d : DemoSite.DOORS) {
            if (d.agent() == null) {
                continue;
            }
            sb.append("  - id: ").append(d.id()).append('\n');
            sb.append("    unlockMs: ").append(d.unlockMs()).append('\n');
            sb.append("    readers:\n");
            sb.append("      - { deviceId: ").append(d.readerIn()).append(", direction: IN }\n");
            if (d.readerOut() != null) {
                sb.append("      - { deviceId: ").append(d.readerOut()).append(", direction: OUT }\n");
            }
            sb.append("    lock: ").append(d.lock()).append('\n');
            sb.append("    contact: ").append(d.contact()).append('\n');
            if (d.fingerprint() != null) {
                sb.append("    fingerprint: ").append(d.fingerprint()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The simulator's config: devices, cards (with the card + PIN PINs the walker types), the cage's pair readers and
     * the visitors' escorts.
     */
    static String simYaml(DemoSite site, DemoSecrets secrets, String mqttUri, Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append("mqtt:\n");
        sb.append("  uri: ").append(mqttUri).append('\n');
        sb.append("seed: ").append(DemoSite.SEED).append('\n');
        sb.append("ratePerSecond: 1.0\n");
        sb.append("dataDir: ").append(q(dir.resolve(SIM_DATA).toString())).append('\n');
        sb.append("devices:            # MQTT-native devices behind ").append(DemoSite.AGENT)
                .append(", each with its own MQTT account (username = id)\n");
        for (DemoSite.DemoDoor d : DemoSite.DOORS) {
            if (d.agent() == null) {
                continue;
            }
            mqttDevice(sb, d.readerIn(), "READER", d.id(), secrets);
            if (d.readerOut() != null) {
                mqttDevice(sb, d.readerOut(), "READER", d.id(), secrets);
            }
            mqttDevice(sb, d.lock(), "LOCK", d.id(), secrets);
            mqttDevice(sb, d.contact(), "CONTACT", d.id(), secrets);
        }
        sb.append("standaloneReaders:  # talk to the controller directly on warden/v1/readers/{id}/...\n");
        for (DemoSite.DemoDoor d : DemoSite.DOORS) {
            if (d.agent() == null) {
                sb.append("  - { id: ").append(d.readerIn()).append(", doorId: ").append(d.id())
                        .append(", password: ").append(q(secrets.mqtt(d.readerIn()))).append(" }\n");
            }
        }
        sb.append("serialBuses:        # device side of the agent's serial buses, on pseudo-terminals at the agent's "
                + "ports\n");
        sb.append("  - id: ").append(DemoSite.OSDP_BUS).append('\n');
        sb.append("    protocol: OSDP\n");
        sb.append("    pty: ").append(q(port(dir, DemoSite.OSDP_BUS))).append('\n');
        sb.append("    devices:\n");
        for (DemoSite.OsdpReader r : DemoSite.OSDP_READERS) {
            sb.append("      - { id: ").append(r.id()).append(", address: ").append(r.address());
            if (r.id().startsWith("rdr-" + DemoSite.CAGE_DOOR + "-")) {
                sb.append(", fingerprint: ").append(DemoSite.FP_MODULE);
            }
            sb.append(" }\n");
        }
        sb.append("  - id: ").append(DemoSite.FP_BUS).append('\n');
        sb.append("    protocol: FINGERPRINT\n");
        sb.append("    pty: ").append(q(port(dir, DemoSite.FP_BUS))).append('\n');
        sb.append("    devices:\n");
        sb.append("      - { id: ").append(DemoSite.FP_MODULE).append(", address: ").append(DemoSite.FP_ADDRESS)
                .append(", password: ").append(q(secrets.modulePassword(DemoSite.FP_MODULE)))
                .append(", library: { ");
        for (int i = 0; i < site.fingerprints.size(); i++) {
            FingerprintRow f = site.fingerprints.get(i);
            sb.append(i == 0 ? "" : ", ").append(f.pageId()).append(": ").append(f.personId());
        }
        sb.append(" } }\n");
        sb.append("  - id: ").append(DemoSite.MODBUS_BUS).append('\n');
        sb.append("    protocol: MODBUS\n");
        sb.append("    pty: ").append(q(port(dir, DemoSite.MODBUS_BUS))).append('\n');
        sb.append("    devices:\n");
        for (DemoSite.ModbusDevice m : DemoSite.MODBUS_DEVICES) {
            sb.append("      - { id: ").append(m.id()).append(", address: ").append(m.address())
                    .append(", profile: ").append(m.profile());
            if (m.id().equals(DemoSite.TURNSTILE)) {
                sb.append(", doorId: ").append(DemoSite.TURNSTILE_DOOR);
            }
            sb.append(" }\n");
        }
        sb.append("cards:              # every demo card, plus a few unknown ones\n");
        Map<Long, String> pinByCard = new java.util.HashMap<>();
        site.pins.forEach(p -> pinByCard.put(p.card(), p.pin()));
        for (DemoSite.DemoCard c : site.cards) {
            sb.append("  - { format: ").append(c.format()).append(", facility: ").append(c.facility())
                    .append(", number: ").append(c.number()).append(", label: ").append(q(c.label()));
            String pin = pinByCard.get(c.number());
            if (pin != null && c.facility() == DemoSite.FACILITY) {
                sb.append(", pin: ").append(q(pin));
            }
            sb.append(" }\n");
        }
        simRuleKeys(sb, site);
        return sb.toString();
    }

    /** The walker's two-person readers (cage A) and escorted visitors (section 5 of the issue 4 plan). */
    static void simRuleKeys(StringBuilder sb, DemoSite site) {
        sb.append("pairReaders: [rdr-").append(DemoSite.CAGE_DOOR).append("-in, rdr-").append(DemoSite.CAGE_DOOR)
                .append("-out]   # two different cards back to back (two-person rule)\n");
        sb.append("escorts:            # the escort's card, then the visitor's, at each reader\n");
        for (DemoSite.DemoEscort e : site.escorts) {
            sb.append("  - { escort: ").append(e.escortCard()).append(", visitor: ").append(e.visitorCard())
                    .append(", readers: [").append(String.join(", ", e.readers())).append("] }\n");
        }
    }

    /**
     * The serial port of a bus: a pseudo-terminal the simulator creates at {@code <demo dir>/dev/<bus>} (a stable
     * symlink to its slave side) and the agent opens. Absolute, so it does not depend on the working directory.
     */
    static String port(Path dir, String bus) {
        return dir.resolve(DEV).resolve(bus).toString();
    }

    /** Every MQTT-native device behind the agent, in file order (serial devices have no MQTT account). */
    static List<String> agentDevices() {
        return DemoSite.DOORS.stream()
                .filter(d -> d.agent() != null)
                .flatMap(d -> java.util.stream.Stream.of(d.readerIn(), d.readerOut(), d.lock(), d.contact()))
                .filter(java.util.Objects::nonNull)
                .filter(id -> !DemoSite.SERIAL_DEVICES.contains(id))
                .toList();
    }

    static List<String> standaloneReaders() {
        return DemoSite.DOORS.stream().filter(d -> d.agent() == null).map(DemoSite.DemoDoor::readerIn).toList();
    }

    private static void mqttDevice(StringBuilder sb, String id, String kind, String doorId, DemoSecrets secrets) {
        if (id == null || DemoSite.SERIAL_DEVICES.contains(id)) {
            return;
        }
        sb.append("  - { id: ").append(id).append(", kind: ").append(kind).append(", doorId: ").append(doorId)
                .append(", password: ").append(q(secrets.mqtt(id))).append(" }\n");
    }

    /** A double-quoted YAML scalar. */
    static String q(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void writeSecret(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
