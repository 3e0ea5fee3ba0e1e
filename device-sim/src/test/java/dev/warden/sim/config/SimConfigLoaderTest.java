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
    void readsPinsPairReadersAndEscorts() throws Exception {
        String yaml = VALID.replace("label: \"p-0001 Ada Example\" }", "label: \"p-0001 Ada Example\", pin: \"0042\" }") + """
                pairReaders: [rdr-door-lobby-main-in]
                escorts:
                  - { escort: 1001, visitor: 7, readers: [rdr-gate-1, rdr-door-lobby-main-in] }
                """;

        SimConfig c = SimConfigLoader.parse(yaml);

        assertThat(c.cards()).extracting(CardSpec::pin).containsExactly("0042", null);
        assertThat(c.pairReaders()).containsExactly("rdr-door-lobby-main-in");
        assertThat(c.escorts()).containsExactly(new EscortSpec(1001, 7, java.util.List.of("rdr-gate-1", "rdr-door-lobby-main-in")));
    }

    /** Verifies that the loader takes the policy keys in the layout the demo's sim.yaml writer uses (comments included). */
    @Test
    void readsThePolicyKeysAsTheDemoWritesThem() throws Exception {
        SimConfig c = SimConfigLoader.parse("""
                mqtt:
                  uri: tcp://127.0.0.1:1883
                devices:            # MQTT-native devices behind agent-1
                  - { id: rdr-door-lobby-main-in, kind: READER, doorId: door-lobby-main, password: "x" }
                  - { id: rdr-door-hall1-b-in, kind: READER, doorId: door-hall1-b, password: "x" }
                serialBuses:        # device side of the agent's serial buses
                  - id: osdp-1
                    protocol: OSDP
                    tcpPort: 4001
                    devices:
                      - { id: rdr-door-cage-a-in, address: 2 }
                      - { id: rdr-door-cage-a-out, address: 3 }
                cards:              # every demo card, plus a few unknown ones
                  - { format: H10301, facility: 12, number: 1001, label: "p-0001 Ada Example", pin: "0042" }
                  - { format: H10301, facility: 12, number: 1196, label: "p-0196 Visitor" }
                  - { format: H10301, facility: 99, number: 1001, label: "unknown card, foreign facility" }
                pairReaders: [rdr-door-cage-a-in, rdr-door-cage-a-out]   # two different cards back to back (two-person rule)
                escorts:            # the escort's card, then the visitor's, at each reader
                  - { escort: 1001, visitor: 1196, readers: [rdr-door-lobby-main-in, rdr-door-hall1-b-in] }
                """);

        assertThat(c.cards().getFirst().pin()).isEqualTo("0042");
        assertThat(c.pairReaders()).containsExactly("rdr-door-cage-a-in", "rdr-door-cage-a-out");
        assertThat(c.escorts()).containsExactly(new EscortSpec(1001, 1196, java.util.List.of("rdr-door-lobby-main-in", "rdr-door-hall1-b-in")));
    }

    @Test
    void aPinNeverShowsInToStringNorInAnError() throws Exception {
        SimConfig c = SimConfigLoader.parse(VALID.replace("number: 7 }", "number: 7, pin: \"58213\" }"));
        assertThat(c.toString()).doesNotContain("58213").contains("pin=***");

        assertThatThrownBy(() -> SimConfigLoader.parse(VALID.replace("number: 7 }", "number: 7, pin: \"58213x\" }")))
                .hasMessageNotContaining("58213");
    }

    @Test
    void pairReadersAndEscortsMayNameOsdpReaders() throws Exception {
        String yaml = VALID + """
                pairReaders: [rdr-door-cage-a-in]
                escorts:
                  - { escort: 7, visitor: 1001, readers: [rdr-door-cage-a-in] }
                serialBuses:
                  - id: osdp-1
                    protocol: OSDP
                    tcpPort: 4001
                    devices:
                      - { id: rdr-door-cage-a-in, address: 2 }
                """;

        SimConfig c = SimConfigLoader.parse(yaml);

        assertThat(c.pairReaders()).containsExactly("rdr-door-cage-a-in");
        assertThat(c.escorts()).singleElement().satisfies(e -> assertThat(e.readers()).containsExactly("rdr-door-cage-a-in"));
    }

    @Test
    void anEscortsCardNumberNamesTheFirstCardWithIt() throws Exception {
        String yaml = VALID + """
                  - { format: H10301, facility: 99, number: 1001, label: "foreign card" }
                escorts:
                  - { escort: 1001, visitor: 7, readers: [rdr-gate-1] }
                """;

        SimConfig c = SimConfigLoader.parse(yaml);

        assertThat(c.escorts()).containsExactly(new EscortSpec(1001, 7, java.util.List.of("rdr-gate-1")));
    }

    @Test
    void onlyTheBrokerIsRequired() throws Exception {
        SimConfig c = SimConfigLoader.parse("mqtt: { uri: \"tcp://localhost:1883\" }\n");

        assertThat(c.seed()).isEqualTo(SimConfigLoader.DEFAULT_SEED);
        assertThat(c.ratePerSecond()).isEqualTo(SimConfigLoader.DEFAULT_RATE);
        assertThat(c.devices()).isEmpty();
        assertThat(c.standaloneReaders()).isEmpty();
        assertThat(c.cards()).isEmpty();
        assertThat(c.pairReaders()).isEmpty();
        assertThat(c.escorts()).isEmpty();
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
            card unknown field   | number: 7 }                 | number: 7, colour: red }  | unknown field cards[1].colour
            pin unquoted         | number: 7 }                 | number: 7, pin: 1234 }    | cards[1].pin must be a non-empty string (quote it in YAML)
            pin too short        | number: 7 }                 | number: 7, pin: "123" }   | cards[1].pin must be 4 to 8 digits
            pin too long         | number: 7 }                 | number: 7, pin: "123456789" } | cards[1].pin must be 4 to 8 digits
            pin not digits       | number: 7 }                 | number: 7, pin: "12a4" }  | cards[1].pin must be 4 to 8 digits
            unknown pair reader  | seed: 42                    | seed: 42\\npairReaders: [rdr-nowhere] | pairReaders[0] must be the id of a configured reader
            pair reader is a lock | seed: 42                   | seed: 42\\npairReaders: [lock-door-lobby-main] | pairReaders[0] must be the id of a configured reader
            pair reader twice    | seed: 42                    | seed: 42\\npairReaders: [rdr-gate-1, rdr-gate-1] | pairReaders[1]: reader 'rdr-gate-1' is listed twice
            pairReaders not a list | seed: 42                  | seed: 42\\npairReaders: rdr-gate-1 | pairReaders must be a list
            escort card unknown  | seed: 42                    | seed: 42\\nescorts: [ { escort: 1002, visitor: 7, readers: [rdr-gate-1] } ] | escorts[0].escort: no configured card has number 1002
            visitor card unknown | seed: 42                    | seed: 42\\nescorts: [ { escort: 1001, visitor: 8, readers: [rdr-gate-1] } ] | escorts[0].visitor: no configured card has number 8
            escort is visitor    | seed: 42                    | seed: 42\\nescorts: [ { escort: 1001, visitor: 1001, readers: [rdr-gate-1] } ] | escorts[0].visitor: the visitor's card is the escort's card
            escort no readers    | seed: 42                    | seed: 42\\nescorts: [ { escort: 1001, visitor: 7, readers: [] } ] | escorts[0].readers must list at least one reader
            escort missing readers | seed: 42                  | seed: 42\\nescorts: [ { escort: 1001, visitor: 7 } ] | escorts[0].readers must list at least one reader
            escort bad reader    | seed: 42                    | seed: 42\\nescorts: [ { escort: 1001, visitor: 7, readers: [lock-door-lobby-main] } ] | escorts[0].readers[0] must be the id of a configured reader
            escort unknown field | seed: 42                    | seed: 42\\nescorts: [ { escort: 1001, visitor: 7, readers: [rdr-gate-1], host: 1 } ] | unknown field escorts[0].host
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
