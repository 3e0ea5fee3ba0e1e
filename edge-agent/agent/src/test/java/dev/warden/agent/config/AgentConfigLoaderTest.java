package dev.warden.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.contract.Direction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentConfigLoaderTest {

    static final String VALID = """
            agentId: agent-1
            mqtt:
              uri: tcp://127.0.0.1:1883
              username: agent-1
              password: "secret"
            decisionTimeoutMs: 800
            dataDir: data/agent-1
            doors:
              - id: door-lobby-main
                unlockMs: 5000
                readers:
                  - { deviceId: rdr-door-lobby-main-in, direction: IN }
                  - { deviceId: rdr-door-lobby-main-out, direction: OUT }
                lock: lock-door-lobby-main
                contact: dc-door-lobby-main
              - id: door-cage-7
                unlockMs: 3000
                readers:
                  - { deviceId: rdr-cage-7, direction: IN }
                lock: lock-cage-7
            """;

    @Test
    void parsesTheDocumentedShape() throws Exception {
        AgentConfig c = AgentConfigLoader.parse(VALID);

        assertThat(c.agentId()).isEqualTo("agent-1");
        assertThat(c.mqtt().uri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(c.mqtt().username()).isEqualTo("agent-1");
        assertThat(c.mqtt().password()).isEqualTo("secret");
        assertThat(c.decisionTimeout()).isEqualTo(Duration.ofMillis(800));
        assertThat(c.dataDir()).isEqualTo(Path.of("data/agent-1"));
        assertThat(c.doors()).hasSize(2);
        DoorConfig lobby = c.doors().getFirst();
        assertThat(lobby.id()).isEqualTo("door-lobby-main");
        assertThat(lobby.unlockFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(lobby.readers()).containsExactly(
                new ReaderConfig("rdr-door-lobby-main-in", Direction.IN),
                new ReaderConfig("rdr-door-lobby-main-out", Direction.OUT));
        assertThat(lobby.lockId()).isEqualTo("lock-door-lobby-main");
        assertThat(lobby.contactId()).isEqualTo("dc-door-lobby-main");
        assertThat(c.doors().get(1).contactId()).isNull();
    }

    @Test
    void optionalFieldsHaveDefaults() throws Exception {
        AgentConfig c = AgentConfigLoader.parse("""
                agentId: edge-9
                mqtt: { uri: "ssl://broker.example:8883" }
                doors:
                  - { id: d1, unlockMs: 1, readers: [ { deviceId: r1, direction: IN } ], lock: l1 }
                """);

        assertThat(c.decisionTimeout()).isEqualTo(AgentConfigLoader.DEFAULT_DECISION_TIMEOUT);
        assertThat(c.dataDir()).isEqualTo(Path.of("data", "edge-9"));
        assertThat(c.mqtt().username()).isNull();
        assertThat(c.mqtt().password()).isNull();
    }

    @Test
    void thePasswordNeverShowsInToString() throws Exception {
        AgentConfig c = AgentConfigLoader.parse(VALID);

        assertThat(c.toString()).doesNotContain("secret").contains("password=***");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing agentId           | agentId: agent-1                       | ''                                  | agentId is required
            agentId with a slash      | agentId: agent-1                       | agentId: agent/1                    | agentId must be an id
            agentId with wildcard     | agentId: agent-1                       | agentId: agent#1                    | agentId must be an id
            unknown top-level field   | decisionTimeoutMs: 800                 | decisionTimeoutMs: 800\\nextra: 1    | unknown field extra
            timeout too small         | decisionTimeoutMs: 800                 | decisionTimeoutMs: 10               | decisionTimeoutMs must be between 50 and 30000
            timeout not a number      | decisionTimeoutMs: 800                 | decisionTimeoutMs: soon             | decisionTimeoutMs must be a whole number
            timeout fractional        | decisionTimeoutMs: 800                 | decisionTimeoutMs: 800.5            | decisionTimeoutMs must be a whole number
            uri scheme                | uri: tcp://127.0.0.1:1883              | uri: http://127.0.0.1:1883          | mqtt.uri must start with tcp:// or ssl://
            uri without port          | uri: tcp://127.0.0.1:1883              | uri: tcp://127.0.0.1                | mqtt.uri must name a host and a port
            unknown mqtt field        | uri: tcp://127.0.0.1:1883              | port: 1883                          | unknown field mqtt.port
            uri missing               | uri: tcp://127.0.0.1:1883              | ''                                  | mqtt.uri is required
            password without user     | username: agent-1                      | ''                                  | mqtt.password is set but mqtt.username is missing
            password not a string     | password: "secret"                     | password: [a]                       | mqtt.password must be a non-empty string
            unlockMs missing          | unlockMs: 5000                         | ''                                  | doors[0].unlockMs is required
            unlockMs zero             | unlockMs: 5000                         | unlockMs: 0                         | doors[0].unlockMs must be between 1 and 3600000
            unlockMs huge             | unlockMs: 5000                         | unlockMs: 99999999999               | doors[0].unlockMs must be between 1 and 3600000
            direction                 | direction: OUT                         | direction: SIDEWAYS                 | doors[0].readers[1].direction must be IN or OUT
            reader id                 | deviceId: rdr-door-lobby-main-in       | deviceId: rdr door                  | doors[0].readers[0].deviceId must be an id
            reader unknown field      | direction: IN }                        | direction: IN, pin: true }          | unknown field doors[0].readers[0].pin
            lock missing              | lock: lock-door-lobby-main             | ''                                  | doors[0].lock is required
            device used twice         | contact: dc-door-lobby-main            | contact: rdr-door-lobby-main-in     | doors[0].contact: device id 'rdr-door-lobby-main-in' is used more than once
            device used across doors  | lock: lock-cage-7                      | lock: lock-door-lobby-main          | doors[1].lock: device id 'lock-door-lobby-main' is used more than once
            door used twice           | id: door-cage-7                        | id: door-lobby-main                 | doors[1].id: door id 'door-lobby-main' is used twice
            readers not a list        | readers:\\n      - { deviceId: rdr-cage-7, direction: IN } | readers: rdr-cage-7 | doors[1].readers must be a list
            """)
    void rejectsABadFieldNamingIt(String name, String replace, String with, String message) {
        String yaml = VALID.replace(replace.replace("\\n", "\n"), with.replace("\\n", "\n"));
        assertThat(yaml).as("test input must differ from the valid file").isNotEqualTo(VALID);

        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> AgentConfigLoader.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> AgentConfigLoader.parse("# only a comment\n")).hasMessageContaining("empty");
    }

    @Test
    void rejectsBrokenYamlWithTheLine() {
        assertThatThrownBy(() -> AgentConfigLoader.parse("agentId: a\nmqtt: [\n"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> AgentConfigLoader.parse("agentId: a\nagentId: b\n"))
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("agentId");
    }

    static final String PASSWORD = "S3cret-Pa55word-7q";

    /** A malformed file whose YAML error sits on, or right after, the password line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unclosed double quote       | password: "S3cret-Pa55word-7q\\ndecisionTimeoutMs: 800
            unclosed single quote       | password: 'S3cret-Pa55word-7q\\ndecisionTimeoutMs: 800
            text after the quote        | password: "S3cret-Pa55word-7q" trailing
            unclosed flow mapping       | password: { S3cret-Pa55word-7q
            tab before the value        | password:\\t\\t"S3cret-Pa55word-7q"\\n\\tdecisionTimeoutMs: 800
            colon inside a plain value  | password: S3cret-Pa55word-7q: x: y
            duplicate password          | password: "S3cret-Pa55word-7q"\\n  password: "S3cret-Pa55word-7q"
            bad indentation after       | password: "S3cret-Pa55word-7q"\\n     - oops
            password as a key           | S3cret-Pa55word-7q: [
            """)
    void aMalformedFileNeverEchoesThePassword(String name, String passwordLine) {
        String yaml = VALID.replace("password: \"secret\"", passwordLine.replace("\\n", "\n").replace("\\t", "\t"));
        assertThat(yaml).as("test input must differ from the valid file").isNotEqualTo(VALID).contains(PASSWORD);

        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertNoMessageContains(e, "S3cret"))
                .hasMessageContaining("line ")
                .hasMessageContaining("column ");
    }

    @Test
    void aSyntaxErrorReportsLineColumnAndTheFieldPathButNotTheText() {
        String yaml = VALID.replace("password: \"secret\"", "password: \"" + PASSWORD);

        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("not valid YAML at line ")
                .satisfies(e -> assertNoMessageContains(e, "S3cret"));
    }

    @Test
    void aDuplicateKeyNamesTheFieldPath() {
        String yaml = VALID.replace("password: \"secret\"", "password: \"" + PASSWORD + "\"\n  password: \"" + PASSWORD + "\"");

        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .hasMessageContaining("duplicate field mqtt.password")
                .hasMessageContaining("line 6")
                .satisfies(e -> assertNoMessageContains(e, "S3cret"));
    }

    @Test
    void aValueThatASlipTurnedIntoAKeyIsNotEchoed() {
        String yaml = VALID.replace("password: \"secret\"", "password: \"x\"\n  \"pw " + PASSWORD + "\": 1");

        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .hasMessageContaining("unknown field mqtt.<a key that is not a plain name, not shown>")
                .satisfies(e -> assertNoMessageContains(e, "S3cret"));
    }

    @Test
    void aRejectedValueIsShownOnlyWhenItIsOnePlainToken() {
        assertThat(AgentConfigLoader.shown("agent/1")).isEqualTo("'agent/1'");
        assertThat(AgentConfigLoader.shown("tcp://broker:1883")).isEqualTo("'tcp://broker:1883'");
        assertThat(AgentConfigLoader.shown("tcp://user:" + PASSWORD + "@broker:1883")).doesNotContain("S3cret");
        assertThat(AgentConfigLoader.shown("gate-1&    password} \"" + PASSWORD + "\"")).doesNotContain("S3cret");
        assertThat(AgentConfigLoader.shown(null)).isEqualTo("a value not shown");
    }

    @Test
    void aBrokerUriWithUserInfoIsNotEchoed() {
        String yaml = VALID.replace("uri: tcp://127.0.0.1:1883", "uri: http://user:" + PASSWORD + "@127.0.0.1:1883");

        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .hasMessageContaining("mqtt.uri must start with tcp:// or ssl://")
                .satisfies(e -> assertNoMessageContains(e, "S3cret"));
    }

    /** Verifies over many randomly damaged files that no error message, nor any cause's, quotes the password. */
    @Test
    void randomlyDamagedFilesNeverEchoThePassword() {
        String valid = VALID.replace("password: \"secret\"", "password: \"" + PASSWORD + "\"");
        String damage = "\"':{}[]-#\t\n ,&*!|>%@`";
        Random random = new Random(20261123);
        int rejected = 0;
        for (int i = 0; i < 2_000; i++) {
            StringBuilder yaml = new StringBuilder(valid);
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(yaml.length());
                char c = damage.charAt(random.nextInt(damage.length()));
                if (random.nextBoolean()) {
                    yaml.insert(at, c);
                } else {
                    yaml.setCharAt(at, c);
                }
            }
            try {
                AgentConfigLoader.parse(yaml.toString());
            } catch (InvalidConfigException e) {
                rejected++;
                assertNoMessageContains(e, "S3cret");
            }
        }
        assertThat(rejected).as("most damaged files must be rejected").isGreaterThan(1_000);
    }

    static void assertNoMessageContains(Throwable e, String secret) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName()).doesNotContain(secret);
            assertThat(t.toString()).doesNotContain(secret);
            for (Throwable s : t.getSuppressed()) {
                assertNoMessageContains(s, secret);
            }
        }
    }

    @Test
    void rejectsAListAtTheTopLevel() {
        assertThatThrownBy(() -> AgentConfigLoader.parse("- a\n- b\n")).hasMessageContaining("top level must be a mapping");
    }

    @Test
    void rejectsNoDoors() {
        String yaml = VALID.substring(0, VALID.indexOf("doors:")) + "doors: []\n";
        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml)).hasMessageContaining("doors must list at least one door");
    }

    @Test
    void rejectsADoorWithoutReaders() {
        String yaml = """
                agentId: a
                mqtt: { uri: "tcp://h:1" }
                doors:
                  - { id: d1, unlockMs: 1, readers: [], lock: l1 }
                """;
        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml)).hasMessageContaining("doors[0].readers must list at least one reader");
    }

    @Test
    void namesTheFileWhenItCannotBeRead() {
        Path missing = Path.of("does-not-exist", "agent.yaml");
        assertThatThrownBy(() -> AgentConfigLoader.load(missing))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("cannot read agent config")
                .hasMessageContaining("agent.yaml");
    }
}
