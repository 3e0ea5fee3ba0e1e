package dev.warden.sim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimConfigLoaderTest {

    static final String VALID = """
            mqtt:
              uri: tcp://127.0.0.1:1883
            seed: 42
            ratePerSecond: 1.0
            devices:
              - { id: rdr-door-lobby-main-in, kind: READER, doorId: door-lobby-main, password: "x" }
              - { id: lock-door-lobby-main, kind: LOCK, doorId: door-lobby-main, password: "x" }
              - { id: dc-door-lobby-main, kind: CONTACT, doorId: door-lobby-main, password: "x" }
            standaloneReaders:
              - { id: rdr-gate-1, doorId: gate-1, password: "y" }
            cards:
              - { format: H10301, facility: 12, number: 1001, label: "p-0001 Ada Example" }
              - { format: H10306, facility: 300, number: 7 }
            """;

    @Test
    void parsesTheDocumentedShape() throws Exception {
        SimConfig c = SimConfigLoader.parse(VALID);

        assertThat(c.brokerUri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.ratePerSecond()).isEqualTo(1.0);
        assertThat(c.devices()).containsExactly(
                new DeviceSpec("rdr-door-lobby-main-in", DeviceKind.READER, "door-lobby-main", "x"),
                new DeviceSpec("lock-door-lobby-main", DeviceKind.LOCK, "door-lobby-main", "x"),
                new DeviceSpec("dc-door-lobby-main", DeviceKind.CONTACT, "door-lobby-main", "x"));
        assertThat(c.standaloneReaders()).containsExactly(new StandaloneReaderSpec("rdr-gate-1", "gate-1", "y"));
        assertThat(c.cards()).containsExactly(
                new CardSpec("H10301", 12, 1001, "p-0001 Ada Example"),
                new CardSpec("H10306", 300, 7, "H10306:300:7"));
    }

    @Test
    void onlyTheBrokerIsRequired() throws Exception {
        SimConfig c = SimConfigLoader.parse("mqtt: { uri: \"tcp://localhost:1883\" }\n");

        assertThat(c.seed()).isEqualTo(SimConfigLoader.DEFAULT_SEED);
        assertThat(c.ratePerSecond()).isEqualTo(SimConfigLoader.DEFAULT_RATE);
        assertThat(c.devices()).isEmpty();
        assertThat(c.standaloneReaders()).isEmpty();
        assertThat(c.cards()).isEmpty();
    }

    @Test
    void passwordsNeverShowInToString() throws Exception {
        assertThat(SimConfigLoader.parse(VALID.replace("password: \"x\"", "password: \"hunter2\"")).toString())
                .doesNotContain("hunter2")
                .contains("password=***");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing uri          | uri: tcp://127.0.0.1:1883   | '{}'                      | mqtt.uri is required
            bad scheme           | uri: tcp://127.0.0.1:1883   | uri: ws://127.0.0.1:1883  | mqtt.uri must start with tcp:// or ssl://
            unknown field        | seed: 42                    | seed: 42\\nspeed: 3        | unknown field speed
            seed not a number    | seed: 42                    | seed: forty-two           | seed must be a whole number
            rate negative        | ratePerSecond: 1.0          | ratePerSecond: -1         | ratePerSecond must be between 0.0 and 1000.0
            rate too high        | ratePerSecond: 1.0          | ratePerSecond: 5000       | ratePerSecond must be between 0.0 and 1000.0
            rate not a number    | ratePerSecond: 1.0          | ratePerSecond: fast       | ratePerSecond must be a number
            bad kind             | kind: CONTACT               | kind: CAMERA              | devices[2].kind must be READER, LOCK or CONTACT
            bad device id        | id: lock-door-lobby-main    | id: lock/door             | devices[1].id must be an id
            missing doorId       | doorId: gate-1,             | ''                        | standaloneReaders[0].doorId is required
            duplicate id         | id: rdr-gate-1              | id: dc-door-lobby-main    | standaloneReaders[0].id: id 'dc-door-lobby-main' is used more than once
            second lock          | kind: CONTACT               | kind: LOCK                | devices[2].doorId: door 'door-lobby-main' already has a LOCK
            negative facility    | facility: 12                | facility: -12             | cards[0].facility must not be negative
            fractional number    | number: 1001                | number: 10.5              | cards[0].number must be a whole number
            card unknown field   | number: 7 }                 | number: 7, pin: 1234 }    | unknown field cards[1].pin
            """)
    void rejectsABadFieldNamingIt(String name, String replace, String with, String message) {
        String yaml = VALID.replace(replace, with.replace("\\n", "\n"));
        assertThat(yaml).as("test input must differ from the valid file").isNotEqualTo(VALID);

        assertThatThrownBy(() -> SimConfigLoader.parse(yaml))
                .isInstanceOf(InvalidSimConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAListThatIsNotAList() {
        assertThatThrownBy(() -> SimConfigLoader.parse("mqtt: { uri: \"tcp://h:1\" }\ndevices: 3\n"))
                .hasMessageContaining("devices must be a list");
    }

    @Test
    void rejectsEmptyAndBrokenFiles() {
        assertThatThrownBy(() -> SimConfigLoader.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SimConfigLoader.parse("mqtt: {")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> SimConfigLoader.parse("seed: 1\nseed: 2\n")).hasMessageContaining("not valid YAML");
    }

    static final String PASSWORD = "S3cret-Pa55word-7q";

    static final String WITH_PASSWORD = """
            mqtt:
              uri: tcp://127.0.0.1:1883
            devices:
              - id: rdr-door-lobby-main-in
                kind: READER
                doorId: door-lobby-main
                password: "S3cret-Pa55word-7q"
            standaloneReaders:
              - { id: rdr-gate-1, doorId: gate-1, password: "S3cret-Pa55word-7q" }
            """;

    /** A malformed file whose YAML error sits on, or right after, a password. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unclosed double quote       | password: "S3cret-Pa55word-7q"     | password: "S3cret-Pa55word-7q
            unclosed single quote       | password: "S3cret-Pa55word-7q"     | password: 'S3cret-Pa55word-7q
            text after the quote        | password: "S3cret-Pa55word-7q"\\n  | password: "S3cret-Pa55word-7q" trailing\\n
            unclosed flow mapping       | password: "S3cret-Pa55word-7q" }   | password: "S3cret-Pa55word-7q"
            tab before the value        | password: "S3cret-Pa55word-7q"\\n  | password:\\t"S3cret-Pa55word-7q"\\n\\t\\tx: 1\\n
            colon inside a plain value  | password: "S3cret-Pa55word-7q"\\n  | password: S3cret-Pa55word-7q: x: y\\n
            duplicate password          | password: "S3cret-Pa55word-7q" }   | password: "S3cret-Pa55word-7q", password: "S3cret-Pa55word-7q" }
            password as a key           | password: "S3cret-Pa55word-7q" }   | S3cret-Pa55word-7q: [ }
            """)
    void aMalformedFileNeverEchoesThePassword(String name, String replace, String with) {
        String yaml = WITH_PASSWORD.replaceFirst(java.util.regex.Pattern.quote(replace.replace("\\n", "\n")),
                java.util.regex.Matcher.quoteReplacement(with.replace("\\n", "\n").replace("\\t", "\t")));
        assertThat(yaml).as("test input must differ from the valid file").isNotEqualTo(WITH_PASSWORD).contains(PASSWORD);

        assertThatThrownBy(() -> SimConfigLoader.parse(yaml))
                .isInstanceOf(InvalidSimConfigException.class)
                .satisfies(e -> assertNoMessageContains(e, "S3cret"))
                .hasMessageContaining("line ")
                .hasMessageContaining("column ");
    }

    @Test
    void theFileWithPasswordsIsValidBeforeItIsDamaged() throws Exception {
        assertThat(SimConfigLoader.parse(WITH_PASSWORD).devices().getFirst().password()).isEqualTo(PASSWORD);
    }

    @Test
    void aDuplicateKeyNamesTheFieldPath() {
        String yaml = WITH_PASSWORD.replace("password: \"S3cret-Pa55word-7q\"\n", "password: \"S3cret-Pa55word-7q\"\n    password: \"S3cret-Pa55word-7q\"\n");

        assertThatThrownBy(() -> SimConfigLoader.parse(yaml))
                .hasMessageContaining("duplicate field devices[0].password")
                .hasMessageContaining("line 8")
                .satisfies(e -> assertNoMessageContains(e, "S3cret"));
    }

    @Test
    void aValueThatASlipTurnedIntoAKeyIsNotEchoed() {
        String yaml = WITH_PASSWORD.replace("password: \"S3cret-Pa55word-7q\" }", "password:- \"S3cret-Pa55word-7q\" }");

        assertThatThrownBy(() -> SimConfigLoader.parse(yaml))
                .hasMessageContaining("unknown field standaloneReaders[0].<a key that is not a plain name, not shown>")
                .satisfies(e -> assertNoMessageContains(e, "S3cret"));
    }

    @Test
    void aRejectedValueIsShownOnlyWhenItIsOnePlainToken() {
        assertThat(SimConfigLoader.shown("agent/1")).isEqualTo("'agent/1'");
        assertThat(SimConfigLoader.shown("tcp://broker:1883")).isEqualTo("'tcp://broker:1883'");
        assertThat(SimConfigLoader.shown("tcp://user:" + PASSWORD + "@broker:1883")).doesNotContain("S3cret");
        assertThat(SimConfigLoader.shown("gate-1&    password} \"" + PASSWORD + "\"")).doesNotContain("S3cret");
        assertThat(SimConfigLoader.shown(null)).isEqualTo("a value not shown");
    }

    @Test
    void aBrokerUriWithUserInfoIsNotEchoed() {
        String yaml = WITH_PASSWORD.replace("uri: tcp://127.0.0.1:1883", "uri: http://user:" + PASSWORD + "@127.0.0.1:1883");

        assertThatThrownBy(() -> SimConfigLoader.parse(yaml))
                .hasMessageContaining("mqtt.uri must start with tcp:// or ssl://")
                .satisfies(e -> assertNoMessageContains(e, "S3cret"));
    }

    /** Verifies over many randomly damaged files that no error message, nor any cause's, quotes the password. */
    @Test
    void randomlyDamagedFilesNeverEchoThePassword() {
        String damage = "\"':{}[]-#\t\n ,&*!|>%@`";
        Random random = new Random(20261123);
        int rejected = 0;
        for (int i = 0; i < 2_000; i++) {
            StringBuilder yaml = new StringBuilder(WITH_PASSWORD);
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
                SimConfigLoader.parse(yaml.toString());
            } catch (InvalidSimConfigException e) {
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
    void namesTheFileWhenItCannotBeRead() {
        assertThatThrownBy(() -> SimConfigLoader.load(Path.of("no", "sim.yaml")))
                .isInstanceOf(InvalidSimConfigException.class)
                .hasMessageContaining("sim.yaml");
    }
}
