package dev.warden.controller.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class DemoFilesTest {
    @Test
    void quotingSurvivesAYamlParser() {
        for (String s : List.of("plain", "with \"quotes\"", "back\\slash", "colon: and # hash", "tab\there")) {
            Map<String, Object> parsed = new Yaml().load("v: " + DemoFiles.q(s));
            assertThat(parsed).containsEntry("v", s);
        }
    }

    @Test
    void secretsAreRandomLettersAndDigits() {
        DemoSecrets a = new DemoSecrets();
        DemoSecrets b = new DemoSecrets();
        assertThat(a.mqtt("x")).matches("[A-Za-z0-9]{24}").isEqualTo(a.mqtt("x")).isNotEqualTo(b.mqtt("x"));
        assertThat(a.modulePassword("fp")).matches("[0-9A-F]{8}").isEqualTo(a.modulePassword("fp"));
    }

    @Test
    void credentialsFileListsEveryAccountButNoOtherSecrets() {
        DemoSite site = new DemoSite(Instant.parse("2026-04-01T10:00:00Z"));
        DemoSecrets secrets = new DemoSecrets();
        DemoSeeder.OPERATOR_ORDER.forEach(secrets::operator);
        secrets.mqtt("agent-1");
        DemoFiles.agentDevices().forEach(secrets::mqtt);
        DemoFiles.standaloneReaders().forEach(secrets::mqtt);
        String text = DemoFiles.credentials(site, secrets, "tcp://127.0.0.1:1883", "http://localhost:8081",
                Instant.EPOCH);
        assertThat(text).contains("admin").contains("supervisor").contains("guard").contains("rdr-gate-1")
                .contains(secrets.operator("admin")).contains(secrets.mqtt("lock-door-noc"));
        assertThat(text.lines().filter(l -> l.matches("\\S+\\s+[A-Za-z0-9]{24}.*"))).hasSize(3 + 1 + 23 + 1);
        assertThat(text).doesNotContain(secrets.modulePassword(DemoSite.FP_MODULE))
                .doesNotContain("rdr-door-cage-a-in").doesNotContain(DemoSite.TURNSTILE);
    }

    @Test
    void thePinsFileListsEveryPinAndCredentialsOnlyPointsToIt() {
        DemoSite site = new DemoSite(Instant.parse("2026-04-01T10:00:00Z"));
        String pins = DemoFiles.pins(site, Instant.EPOCH);
        for (DemoSite.DemoPin p : site.pins) {
            assertThat(pins).containsPattern("(?m)^" + p.personId() + "\\s+" + p.card() + "\\s+" + p.pin() + "\\s+"
                    + p.duressPin() + "\\s+\\S");
        }
        DemoSecrets secrets = new DemoSecrets();
        DemoSeeder.OPERATOR_ORDER.forEach(secrets::operator);
        String credentials = DemoFiles.credentials(site, secrets, "tcp://127.0.0.1:1883", "http://localhost:8081",
                Instant.EPOCH);
        assertThat(credentials).contains("[pins]").contains(DemoFiles.PINS);
        assertThat(credentials.lines().filter(l -> l.startsWith("p-0"))).isEmpty();
    }

    /** Verifies the simulator keys of the full policy: valid YAML in the documented shape. */
    @Test
    @SuppressWarnings("unchecked")
    void theSimulatorRuleKeysAreWritten() {
        DemoSite site = new DemoSite(Instant.parse("2026-04-01T10:00:00Z"));
        DemoSecrets secrets = new DemoSecrets();
        java.nio.file.Path dir = java.nio.file.Path.of("/tmp/demo");
        Map<String, Object> on = new Yaml().load(DemoFiles.simYaml(site, secrets, "tcp://127.0.0.1:1883", dir));
        assertThat(on.get("pairReaders")).isEqualTo(List.of("rdr-door-cage-a-in", "rdr-door-cage-a-out"));
        List<Map<String, Object>> escorts = (List<Map<String, Object>>) on.get("escorts");
        assertThat(escorts).hasSize(5).allSatisfy(e -> {
            assertThat(e).containsOnlyKeys("escort", "visitor", "readers");
            assertThat(e.get("readers")).isEqualTo(List.of("rdr-door-lobby-main-in", "rdr-door-hall1-b-in"));
        });
        assertThat(escorts).extracting(e -> ((Number) e.get("visitor")).longValue())
                .containsExactly(1196L, 1197L, 1198L, 1199L, 1200L);
        List<Map<String, Object>> cards = (List<Map<String, Object>>) on.get("cards");
        Map<Long, String> pinByCard = new java.util.HashMap<>();
        site.pins.forEach(p -> pinByCard.put(p.card(), p.pin()));
        assertThat(cards).filteredOn(c -> c.containsKey("pin")).hasSize(site.pins.size()).allSatisfy(c ->
                assertThat(c.get("pin")).isEqualTo(pinByCard.get(((Number) c.get("number")).longValue())));
    }
}
