package dev.warden.controller.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.CardData;
import dev.warden.contract.Verdict;
import dev.warden.controller.Api;
import dev.warden.controller.decision.ReaderAttempt;
import dev.warden.controller.decision.ReaderDecisions;
import dev.warden.controller.decision.Source;
import dev.warden.controller.mqtt.DeviceAcls;
import dev.warden.controller.mqtt.MqttAccounts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Verifies the demo seeding end to end on a file database: first start seeds DC1 and writes valid files whose
 * passwords work (operators over HTTP, MQTT accounts with their ACLs); a second start seeds nothing and leaves
 * the files untouched.
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
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config(), "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            credentials = Files.readString(demo.resolve("credentials.txt"));
            agentYaml = Files.readString(demo.resolve("agent.yaml"));
            simYaml = Files.readString(demo.resolve("sim.yaml"));

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

        Map<String, Object> sim = new Yaml().load(simYaml);
        assertThat(sim).containsEntry("seed", 42).containsEntry("ratePerSecond", 1.0)
                .containsEntry("mqtt", Map.of("uri", "tcp://127.0.0.1:1883"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> devices = (List<Map<String, Object>>) sim.get("devices");
        assertThat(devices).hasSize(31).contains(Map.of("id", "lock-door-lobby-main", "kind", "LOCK",
                "doorId", "door-lobby-main", "password", mqttPassword(credentials, "lock-door-lobby-main")));
        assertThat(sim.get("standaloneReaders")).isEqualTo(List.of(Map.of("id", "rdr-gate-1", "doorId", "gate-1",
                "password", mqttPassword(credentials, "rdr-gate-1"))));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cards = (List<Map<String, Object>>) sim.get("cards");
        assertThat(cards).hasSize(205).first().isEqualTo(Map.of("format", "H10301", "facility", 12, "number", 1001,
                "label", "p-0001 Ada Example"));

        try (EmbeddedServer again = ApplicationContext.run(EmbeddedServer.class, config(), "test");
             HttpClient client = HttpClient.create(again.getURL())) {
            Api admin = Api.as(client, "admin", password(credentials, "admin"));
            assertThat(admin.list("/api/v1/people")).hasSize(200);
            assertThat(admin.list("/api/v1/sites")).hasSize(1);
        }
        assertThat(Files.readString(demo.resolve("credentials.txt"))).isEqualTo(credentials);
        assertThat(Files.readString(demo.resolve("agent.yaml"))).isEqualTo(agentYaml);
        assertThat(Files.readString(demo.resolve("sim.yaml"))).isEqualTo(simYaml);
    }

    /** As the demo's devices ask: the standalone gate reader itself, every other reader through agent-1. */
    private static dev.warden.controller.decision.Outcome decide(ReaderDecisions d, String reader, long card,
                                                                 Instant at) {
        boolean standalone = DemoFiles.standaloneReaders().contains(reader);
        return d.decide(new ReaderAttempt("demo-" + card, reader, null, new CardData("H10301", 12, card), null, at,
                standalone ? Source.MQTT_READER : Source.AGENT, standalone ? null : DemoSite.AGENT));
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
