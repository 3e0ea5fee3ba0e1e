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
}
