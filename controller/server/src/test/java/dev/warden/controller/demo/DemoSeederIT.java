package dev.warden.controller.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.CardData;
import dev.warden.contract.FingerprintMatch;
import dev.warden.contract.Verdict;
import dev.warden.controller.Api;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.ReaderAttempt;
import dev.warden.controller.decision.ReaderDecisions;
import dev.warden.controller.decision.Source;
import dev.warden.controller.mqtt.DeviceAcls;
import dev.warden.controller.mqtt.MqttAccounts;
import dev.warden.controller.readerkey.ReaderKeys;
import dev.warden.policy.AccessPolicy;
import dev.warden.policy.AccessRequest;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.CardKey;
import dev.warden.policy.Decision;
import dev.warden.policy.Direction;
import dev.warden.policy.DoorId;
import dev.warden.policy.Factor;
import dev.warden.policy.FingerprintKey;
import dev.warden.policy.GrantBasis;
import dev.warden.policy.PersonId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Verifies the demo seeding end to end on a file database: first start seeds DC1 with the full policy's rules and
 * writes valid files whose passwords work (operators over HTTP, MQTT accounts with their ACLs) and whose PINs open
 * the card + PIN door; a second start seeds nothing and leaves the files untouched.
 */
class DemoSeederIT {
    @TempDir
    Path tmp;

    private Map<String, Object> config() {
        Map<String, Object> props = new HashMap<>();
        props.put("warden.demo.dir", tmp.resolve("demo").toString());
        props.put("datasources.default.url", "jdbc:h2:file:" + tmp.resolve("db/warden") + ";AUTO_SERVER=FALSE");
        return props;
    }

    @Test
    void seedsOnceWithUsableFilesAndSeedsNothingOnRestart() throws Exception {
        Path demo = tmp.resolve("demo");
        String credentials;
        String agentYaml;
        String simYaml;
        String pinsFile;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config(), "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            credentials = Files.readString(demo.resolve("credentials.txt"));
            agentYaml = Files.readString(demo.resolve("agent.yaml"));
            simYaml = Files.readString(demo.resolve("sim.yaml"));
            pinsFile = Files.readString(demo.resolve("pins.txt"));

            Api admin = Api.as(client, "admin", password(credentials, "admin"));
            List<Map<String, Object>> doors = admin.list("/api/v1/doors");
            assertThat(doors).hasSizeGreaterThanOrEqualTo(9);
            assertThat(doors).anySatisfy(d -> assertThat(d).containsEntry("id", "gate-1").containsEntry("kind", "GATE")
                    .containsEntry("agentId", null).containsEntry("readerInId", "rdr-gate-1"));
            assertThat(admin.list("/api/v1/people")).hasSize(200);
            assertThat(admin.list("/api/v1/sites")).singleElement()
                    .satisfies(s -> assertThat(s).containsEntry("id", "DC1").containsEntry("timeZone", "Europe/Berlin"));
            assertThat(admin.list("/api/v1/areas")).extracting(a -> a.get("id"))
                    .containsExactlyInAnyOrder("building", "lobby", "hall-1", "hall-2", "cage-a");
            assertThat(admin.map("/api/v1/areas/cage-a")).containsEntry("parentId", "hall-2");
            Api.as(client, "guard", password(credentials, "guard"));
            Api.as(client, "supervisor", password(credentials, "supervisor"));

            MqttAccounts accounts = server.getApplicationContext().getBean(MqttAccounts.class);
            assertThat(accounts.authenticate("agent-1", mqttPassword(credentials, "agent-1"))).isPresent();
            assertThat(accounts.authenticate("rdr-gate-1", mqttPassword(credentials, "rdr-gate-1"))).isPresent();
            assertThat(accounts.find("agent-1")).get().satisfies(a -> {
                assertThat(a.mayPublish("warden/v1/agents/agent-1/events")).isTrue();
                assertThat(a.mayPublish("warden/v1/devices/lock-door-noc/command")).isTrue();
                assertThat(a.mayPublish("warden/v1/agents/agent-2/events")).isFalse();
            });
            assertThat(accounts.find("rdr-door-noc-in")).get().satisfies(a -> {
                assertThat(a.mayPublish("warden/v1/devices/rdr-door-noc-in/read")).isTrue();
                assertThat(a.mayPublish("warden/v1/devices/lock-door-noc/command")).isFalse();
            });
            // exactly the standard rights, no broad subtree: an agent cannot forge its devices' reads, a device
            // cannot command itself, a reader cannot answer its own reads
            assertThat(accounts.find("agent-1")).get().satisfies(a -> {
                assertThat(a.publishFilters())
                        .isEqualTo(DeviceAcls.agent("agent-1", DemoFiles.agentDevices()).publish());
                assertThat(a.subscribeFilters())
                        .isEqualTo(DeviceAcls.agent("agent-1", DemoFiles.agentDevices()).subscribe());
                assertThat(a.mayPublish("warden/v1/devices/rdr-door-noc-in/read")).isFalse();
                assertThat(a.mayPublish("warden/v1/agents/agent-1/commands")).isFalse();
                assertThat(a.maySubscribe("warden/v1/agents/agent-1/commands")).isTrue();
                assertThat(a.maySubscribe("warden/v1/agents/agent-1/access/response")).isTrue();
                assertThat(a.maySubscribe("warden/v1/devices/rdr-door-noc-in/read")).isTrue();
                assertThat(a.maySubscribe("warden/v1/devices/dc-door-noc/state")).isTrue();
                assertThat(a.maySubscribe("warden/v1/agents/agent-1/#")).isFalse();
            });
            assertThat(accounts.find("lock-door-noc")).get().satisfies(a -> {
                assertThat(a.publishFilters()).isEqualTo(DeviceAcls.device("lock-door-noc").publish());
                assertThat(a.subscribeFilters()).isEqualTo(DeviceAcls.device("lock-door-noc").subscribe());
                assertThat(a.mayPublish("warden/v1/devices/lock-door-noc/command")).isFalse();
            });
            assertThat(accounts.find("rdr-gate-1")).get().satisfies(a -> {
                assertThat(a.publishFilters()).isEqualTo(DeviceAcls.reader("rdr-gate-1").publish());
                assertThat(a.subscribeFilters()).isEqualTo(DeviceAcls.reader("rdr-gate-1").subscribe());
                assertThat(a.mayPublish("warden/v1/readers/rdr-gate-1/decision")).isFalse();
            });

            ReaderDecisions decisions = server.getApplicationContext().getBean(ReaderDecisions.class);
            Instant now = server.getApplicationContext().getBean(java.time.Clock.class).instant();
            assertThat(decide(decisions, "rdr-door-lobby-main-in", 1001, now).verdict()).isEqualTo(Verdict.GRANT);
            assertThat(decide(decisions, "rdr-door-lobby-main-in", 1077, now).reason()).isEqualTo("PERSON_TERMINATED");
            assertThat(decide(decisions, "rdr-door-lobby-main-in", 1050, now).reason()).isEqualTo("PERSON_SUSPENDED");
            assertThat(decide(decisions, "rdr-door-lobby-main-in", 1186, now).reason()).isEqualTo("CREDENTIAL_EXPIRED");
            assertThat(decide(decisions, "rdr-door-lobby-main-in", 1201, now).reason()).isEqualTo("CREDENTIAL_LOST");
            assertThat(decide(decisions, "rdr-door-lobby-main-in", 9001, now).reason()).isEqualTo("UNKNOWN_CREDENTIAL");
            assertThat(decide(decisions, "rdr-gate-1", 1001, now).verdict()).isEqualTo(Verdict.GRANT);

            // card + fingerprint at cage A: Ada (p-0001, card 1001) is enrolled at page 1 of the cage's module. The
            // stateless rules decide here: the cage's two-person rule (stateful) would hold a lone first grant.
            AccessSnapshot snapshot = server.getApplicationContext().getBean(AccessIndex.class).current().snapshot();
            AccessPolicy policy = new AccessPolicy();
            assertThat(policy.decide(new AccessRequest(card(1001), new DoorId(DemoSite.CAGE_DOOR), now,
                    new FingerprintKey(DemoSite.FP_MODULE, 1)), snapshot).granted()).isTrue();
            assertThat(policy.decide(new AccessRequest(card(1001), new DoorId(DemoSite.CAGE_DOOR), now, null),
                    snapshot).reasonCode()).isEqualTo("SECOND_FACTOR_REQUIRED");
            assertThat(policy.decide(new AccessRequest(card(1001), new DoorId(DemoSite.CAGE_DOOR), now,
                    new FingerprintKey(DemoSite.FP_MODULE, 2)), snapshot).reasonCode())
                    .isEqualTo("SECOND_FACTOR_MISMATCH");
            assertThat(cage(decisions, 1001, null, now).reason()).isEqualTo("SECOND_FACTOR_REQUIRED");

            policyRules(admin, snapshot, policy, demo, now);
            assertThat(admin.map("/api/v1/doors/door-cage-a")).containsEntry("secondFactor", "FINGERPRINT")
                    .containsEntry("lockDeviceId", "lock-door-cage-a").containsEntry("contactDeviceId", "dc-door-cage-a");
            assertThat(admin.map("/api/v1/doors/door-lobby-staff")).containsEntry("secondFactor", "NONE")
                    .containsEntry("lockDeviceId", DemoSite.TURNSTILE).containsEntry("contactDeviceId", DemoSite.TURNSTILE);
            assertThat(admin.list("/api/v1/fingerprints?personId=p-0001")).singleElement().satisfies(f ->
                    assertThat(f).containsEntry("moduleId", DemoSite.FP_MODULE).containsEntry("pageId", 1)
                            .containsEntry("status", "ACTIVE"));

            // devices that became serial have no MQTT account; the agent may ask for its readers' keys
            for (String serial : List.of("rdr-door-hall1-a-in", "lock-door-cage-a", "lock-door-lobby-staff",
                    "dc-door-lobby-staff", DemoSite.TURNSTILE, DemoSite.FP_MODULE)) {
                assertThat(accounts.find(serial)).as(serial).isEmpty();
                assertThat(credentials).doesNotContain(serial + " ");
            }
            assertThat(accounts.find("dc-door-cage-a")).isPresent();
            assertThat(accounts.find("agent-1")).get().satisfies(a -> {
                assertThat(a.mayPublish("warden/v1/agents/agent-1/keys/request")).isTrue();
                assertThat(a.maySubscribe("warden/v1/agents/agent-1/keys/response")).isTrue();
            });
            assertThat(server.getApplicationContext().getBean(ReaderKeys.class).keyFor(DemoSite.AGENT,
                    "rdr-door-cage-a-in")).isInstanceOf(ReaderKeys.Answer.Key.class);
        }

        Map<String, Object> agent = new Yaml().load(agentYaml);
        assertThat(agent).containsEntry("agentId", "agent-1").containsEntry("decisionTimeoutMs", 800);
        assertThat(agent.get("mqtt")).isEqualTo(Map.of("uri", "tcp://127.0.0.1:1883", "username", "agent-1",
                "password", mqttPassword(credentials, "agent-1")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agentDoors = (List<Map<String, Object>>) agent.get("doors");
        assertThat(agentDoors).hasSize(9).first().isEqualTo(Map.of("id", "door-lobby-main", "unlockMs", 5000,
                "readers", List.of(Map.of("deviceId", "rdr-door-lobby-main-in", "direction", "IN"),
                        Map.of("deviceId", "rdr-door-lobby-main-out", "direction", "OUT")),
                "lock", "lock-door-lobby-main", "contact", "dc-door-lobby-main"));
        assertThat(agentDoors).contains(Map.of("id", "door-cage-a", "unlockMs", 4000,
                "readers", List.of(Map.of("deviceId", "rdr-door-cage-a-in", "direction", "IN"),
                        Map.of("deviceId", "rdr-door-cage-a-out", "direction", "OUT")),
                "lock", "lock-door-cage-a", "contact", "dc-door-cage-a", "fingerprint", "fp-door-cage-a"));
        assertThat(agentDoors).contains(Map.of("id", "door-lobby-staff", "unlockMs", 5000,
                "readers", List.of(Map.of("deviceId", "rdr-door-lobby-staff-in", "direction", "IN")),
                "lock", "gate-lobby-staff", "contact", "gate-lobby-staff"));

        String modulePassword = modulePassword(agentYaml);
        assertThat(modulePassword).matches("[0-9A-F]{8}");
        assertThat(credentials).as("the module password is a device secret of the YAML files only")
                .doesNotContain(modulePassword);
        String dev = demo.resolve("dev").toAbsolutePath().toString();
        assertThat(demo.resolve("dev")).isDirectory();
        assertThat(agent.get("serialBuses")).isEqualTo(List.of(
                Map.of("id", "osdp-1", "protocol", "OSDP", "port", dev + "/osdp-1", "baud", 115200, "parity", "NONE",
                        "stopBits", 1, "rs485", false, "secureChannel", "REQUIRED", "devices", List.of(
                                Map.of("id", "rdr-door-hall1-a-in", "address", 0, "installMode", true,
                                        "relays", Map.of("lock-door-hall1-a", 0)),
                                Map.of("id", "rdr-door-hall1-a-out", "address", 1, "installMode", true),
                                Map.of("id", "rdr-door-cage-a-in", "address", 2, "installMode", true,
                                        "relays", Map.of("lock-door-cage-a", 0)),
                                Map.of("id", "rdr-door-cage-a-out", "address", 3, "installMode", true))),
                Map.of("id", "fp-1", "protocol", "FINGERPRINT", "port", dev + "/fp-1", "baud", 57600, "devices",
                        List.of(Map.of("id", "fp-door-cage-a", "address", 4294967295L, "password", modulePassword))),
                Map.of("id", "modbus-1", "protocol", "MODBUS", "port", dev + "/modbus-1", "baud", 19200,
                        "parity", "NONE", "devices", List.of(
                                Map.of("id", "gate-lobby-staff", "address", 1, "pollMs", 100, "profile", "TURNSTILE"),
                                Map.of("id", "env-hall-1", "address", 2, "pollMs", 1000, "profile", "ENVIRONMENT")))));

        Map<String, Object> sim = new Yaml().load(simYaml);
        assertThat(sim).containsEntry("seed", 42).containsEntry("ratePerSecond", 1.0)
                .containsEntry("mqtt", Map.of("uri", "tcp://127.0.0.1:1883"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) sim.get("devices");
        assertThat(devices).hasSize(23).contains(Map.of("id", "lock-door-lobby-main", "kind", "LOCK",
                "doorId", "door-lobby-main", "password", mqttPassword(credentials, "lock-door-lobby-main")));
        assertThat(devices).extracting(d -> d.get("id")).containsExactlyElementsOf(DemoFiles.agentDevices());
        assertThat(sim).containsEntry("dataDir", demo.resolve("sim").toAbsolutePath().toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> buses = (List<Map<String, Object>>) sim.get("serialBuses");
        assertThat(buses).hasSize(3);
        assertThat(buses.get(0)).isEqualTo(Map.of("id", "osdp-1", "protocol", "OSDP", "pty", dev + "/osdp-1",
                "devices", List.of(Map.of("id", "rdr-door-hall1-a-in", "address", 0),
                        Map.of("id", "rdr-door-hall1-a-out", "address", 1),
                        Map.of("id", "rdr-door-cage-a-in", "address", 2, "fingerprint", "fp-door-cage-a"),
                        Map.of("id", "rdr-door-cage-a-out", "address", 3, "fingerprint", "fp-door-cage-a"))));
        assertThat(buses.get(1)).containsEntry("id", "fp-1").containsEntry("protocol", "FINGERPRINT")
                .containsEntry("pty", dev + "/fp-1");
        @SuppressWarnings("unchecked")
        Map<String, Object> module = ((List<Map<String, Object>>) buses.get(1).get("devices")).getFirst();
        assertThat(module).containsEntry("id", "fp-door-cage-a").containsEntry("address", 4294967295L)
                .containsEntry("password", modulePassword);
        @SuppressWarnings("unchecked")
        Map<Integer, String> library = (Map<Integer, String>) module.get("library");
        assertThat(library).containsEntry(1, "p-0001").hasSizeGreaterThan(5);
        assertThat(buses.get(2)).isEqualTo(Map.of("id", "modbus-1", "protocol", "MODBUS", "pty", dev + "/modbus-1",
                "devices", List.of(Map.of("id", "gate-lobby-staff", "address", 1, "profile", "TURNSTILE", "doorId", "door-lobby-staff"),
                        Map.of("id", "env-hall-1", "address", 2, "profile", "ENVIRONMENT"))));
        assertThat(sim.get("standaloneReaders")).isEqualTo(List.of(Map.of("id", "rdr-gate-1", "doorId", "gate-1",
                "password", mqttPassword(credentials, "rdr-gate-1"))));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cards = (List<Map<String, Object>>) sim.get("cards");
        assertThat(cards).hasSize(205).first().satisfies(card -> {
            assertThat(card).containsEntry("format", "H10301").containsEntry("facility", 12)
                    .containsEntry("number", 1001).containsEntry("label", "p-0001 Ada Example");
            assertThat(String.valueOf(card.get("pin"))).as("p-0001 has hall 1 access: the walker types a PIN")
                    .matches("\\d{4,8}");
        });
        assertThat(sim).containsKeys("pairReaders", "escorts");

        try (EmbeddedServer again = ApplicationContext.run(EmbeddedServer.class, config(), "test");
             HttpClient client = HttpClient.create(again.getURL())) {
            Api admin = Api.as(client, "admin", password(credentials, "admin"));
            assertThat(admin.list("/api/v1/people")).hasSize(200);
            assertThat(admin.list("/api/v1/sites")).hasSize(1);
        }
        assertThat(Files.readString(demo.resolve("credentials.txt"))).isEqualTo(credentials);
        assertThat(Files.readString(demo.resolve("agent.yaml"))).isEqualTo(agentYaml);
        assertThat(Files.readString(demo.resolve("sim.yaml"))).isEqualTo(simYaml);
        assertThat(Files.readString(demo.resolve("pins.txt"))).isEqualTo(pinsFile);
    }

    /**
     * The full policy's demo data: site, area and door rules, holidays, approved visits, PINs in pins.txt (and only
     * there) that open the card + PIN door, the duress PIN too.
     */
    private static void policyRules(Api admin, AccessSnapshot snapshot, AccessPolicy policy, Path demo, Instant now)
            throws Exception {
        assertThat(admin.map("/api/v1/sites/DC1")).containsEntry("escortWindowSeconds", 30)
                .containsEntry("maxVisitorsPerEscort", 2).containsEntry("threatLevel", "NORMAL")
                .containsEntry("lockedDown", false);
        assertThat(admin.list("/api/v1/sites/DC1/holidays")).hasSize(18).first()
                .isEqualTo(Map.of("date", "2026-01-01", "name", "Neujahr"));
        assertThat(admin.map("/api/v1/areas/cage-a")).containsEntry("restricted", true)
                .containsEntry("antiPassback", "HARD").containsEntry("twoPersonWindowSeconds", 20);
        assertThat(admin.map("/api/v1/areas/building")).containsEntry("antiPassback", "SOFT");
        assertThat(admin.map("/api/v1/areas/hall-2")).containsEntry("antiPassback", "TIMED")
                .containsEntry("passbackReentrySeconds", 120);
        assertThat(admin.map("/api/v1/doors/door-lobby-main")).containsEntry("freeAccessScheduleId", "lobby-hours");
        assertThat(admin.map("/api/v1/doors/door-noc")).containsEntry("threatMarked", true);
        assertThat(admin.map("/api/v1/doors/door-hall1-a")).containsEntry("secondFactor", "PIN");
        assertThat(admin.list("/api/v1/people")).filteredOn(p -> Integer.valueOf(2).equals(p.get("clearance")))
                .hasSize(DemoSite.NOC_STAFF);
        assertThat(admin.list("/api/v1/people")).filteredOn(p -> Boolean.TRUE.equals(p.get("mayEscort"))).hasSize(20);

        List<Map<String, Object>> visits = admin.list("/api/v1/visits");
        assertThat(visits).hasSize(5).allSatisfy(v -> assertThat(v).containsEntry("status", "APPROVED")
                .containsEntry("hostId", "p-0001").containsEntry("requestedBy", "guard")
                .containsEntry("approvedBy", "supervisor").containsEntry("areaIds", List.of("hall-1", "lobby")));
        assertThat(snapshot.visitsOf(new PersonId("p-0196"))).singleElement()
                .satisfies(v -> assertThat(v.activeAt(now)).isTrue());
        Decision visitorInHall = policy.decide(new AccessRequest(card(1196), new DoorId("door-hall1-b"), now),
                snapshot);
        assertThat(visitorInHall).isInstanceOfSatisfying(Decision.Granted.class,
                g -> assertThat(g.basis()).isEqualTo(GrantBasis.VISIT));
        assertThat(policy.decide(new AccessRequest(card(1196), new DoorId("door-hall2-a"), now), snapshot)
                .reasonCode()).isEqualTo("NO_ACTIVE_VISIT");

        String pins = Files.readString(demo.resolve("pins.txt"));
        String credentials = Files.readString(demo.resolve("credentials.txt"));
        DemoSite site = new DemoSite(now);
        Set<String> allDay = new HashSet<>();
        site.assignments.stream().filter(a -> a.levelId().equals("lvl-hall-1")).forEach(a -> allDay.add(a.personId()));
        DemoSite.DemoPin expected = site.pins.stream().filter(p -> allDay.contains(p.personId())).findFirst()
                .orElseThrow();
        Matcher line = Pattern.compile("(?m)^" + expected.personId() + "\\s+(\\d+)\\s+(\\d{4})\\s+(\\d{4})\\s")
                .matcher(pins);
        assertThat(line.find()).as("%s in pins.txt", expected.personId()).isTrue();
        long cardNumber = Long.parseLong(line.group(1));
        String pin = line.group(2);
        String duress = line.group(3);
        assertThat(site.pins).as("a fresh DemoSite has other PINs: they come from this install's secret")
                .isNotEqualTo(DemoSiteTest.pinsOf(pins));
        assertThat(credentials).as("PINs are in pins.txt only").doesNotContain(expected.personId() + " ");
        assertThat(snapshot.person(new PersonId(expected.personId())).orElseThrow().pin().matches(pin)).isTrue();

        DoorId hall1a = new DoorId(DemoSite.PIN_DOOR);
        AccessRequest withPin = new AccessRequest(card(cardNumber), hall1a, Direction.ENTRY, now, null, pin);
        assertThat(policy.decide(withPin, snapshot)).isInstanceOfSatisfying(Decision.Granted.class,
                g -> assertThat(g.factors()).contains(Factor.CARD, Factor.PIN));
        assertThat(policy.isDuress(withPin, snapshot)).isFalse();
        AccessRequest underDuress = new AccessRequest(card(cardNumber), hall1a, Direction.ENTRY, now, null, duress);
        assertThat(policy.decide(underDuress, snapshot).granted()).isTrue();
        assertThat(policy.isDuress(underDuress, snapshot)).isTrue();
        assertThat(policy.decide(new AccessRequest(card(cardNumber), hall1a, now), snapshot).reasonCode())
                .isEqualTo("PIN_REQUIRED");
        String wrong = pin.equals("0000") || duress.equals("0000") ? "99999" : "0000";
        assertThat(policy.decide(new AccessRequest(card(cardNumber), hall1a, Direction.ENTRY, now, null, wrong),
                snapshot).reasonCode()).isEqualTo("PIN_MISMATCH");
        if (demo.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(demo.resolve("pins.txt"))))
                    .isEqualTo("rw-------");
        }
    }

    private static CardKey card(long number) {
        return new CardKey("H10301", 12, number);
    }

    /** As the demo's devices ask: the standalone gate reader itself, every other reader through agent-1. */
    private static dev.warden.controller.decision.Outcome decide(ReaderDecisions d, String reader, long card,
                                                                 Instant at) {
        boolean standalone = DemoFiles.standaloneReaders().contains(reader);
        return d.decide(new ReaderAttempt("demo-" + card, reader, null, new CardData("H10301", 12, card), null, at,
                standalone ? Source.MQTT_READER : Source.AGENT, standalone ? null : DemoSite.AGENT));
    }

    /** Cage A's reader, asked by agent-1 with the card and the finger (or none). */
    private static dev.warden.controller.decision.Outcome cage(ReaderDecisions d, long card, FingerprintMatch finger,
                                                              Instant at) {
        return d.decide(new ReaderAttempt("demo-cage-" + card, "rdr-door-cage-a-in", "door-cage-a",
                new CardData("H10301", 12, card), null, at, Source.AGENT, DemoSite.AGENT, finger));
    }

    private static String modulePassword(String agentYaml) {
        Matcher m = Pattern.compile("id: fp-door-cage-a, address: 4294967295, password: \"([0-9A-F]{8})\"")
                .matcher(agentYaml);
        assertThat(m.find()).as("the fingerprint module in agent.yaml").isTrue();
        return m.group(1);
    }

    private static String password(String credentials, String operator) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(operator) + "\\s+(\\S+)\\s+\\(").matcher(credentials);
        assertThat(m.find()).as("operator %s in credentials.txt", operator).isTrue();
        return m.group(1);
    }

    private static String mqttPassword(String credentials, String user) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(user) + "\\s+(\\S+)$").matcher(credentials);
        assertThat(m.find()).as("MQTT user %s in credentials.txt", user).isTrue();
        return m.group(1);
    }
}
