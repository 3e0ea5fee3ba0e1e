package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictYamlTest {

    static final String PASSWORD = "S3cret-Pa55word-7q";

    static final String VALID = """
            name: site-1
            mqtt:
              uri: tcp://127.0.0.1:1883
              username: agent-1
              password: "secret"
            timeoutMs: 800
            doors:
              - id: door-1
                readers:
                  - { deviceId: rdr-1, direction: IN }
            """;

    private final StrictYaml yaml = new StrictYaml(Set.of(
            "name", "mqtt", "uri", "username", "password", "timeoutMs", "doors", "id", "readers", "deviceId", "direction"));

    @Test
    void parsesTheTopLevelMapping() throws ConfigError {
        YamlFields top = yaml.parse(VALID);

        assertThat(top.text("name")).isEqualTo("site-1");
        assertThat(top.object("mqtt").secret("password")).isEqualTo("secret");
        assertThat(top.wholeNumber("timeoutMs")).isEqualTo(800);
        assertThat(top.list("doors")).hasSize(1);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> yaml.parse("")).isInstanceOf(ConfigError.class).hasMessage("the file is empty");
        assertThatThrownBy(() -> yaml.parse("# only a comment\n")).hasMessage("the file is empty");
    }

    @Test
    void rejectsAListAtTheTopLevel() {
        assertThatThrownBy(() -> yaml.parse("- a\n- b\n")).hasMessage("the top level must be a mapping of fields");
    }

    @Test
    void rejectsBrokenYamlWithLineAndColumn() {
        assertThatThrownBy(() -> yaml.parse("name: a\nmqtt: [\n"))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("not valid YAML at line ")
                .hasMessageContaining("column ")
                .hasNoCause();
    }

    @Test
    void aDuplicateKeyNamesTheFieldPath() {
        String text = VALID.replace("password: \"secret\"", "password: \"" + PASSWORD + "\"\n  password: \"" + PASSWORD + "\"");

        assertThatThrownBy(() -> yaml.parse(text))
                .hasMessageContaining("duplicate field mqtt.password")
                .hasMessageContaining("line 6")
                .satisfies(e -> assertNoMessageContains(e, "S3cret"));
    }

    @Test
    void aDuplicateKeyAtTheTopLevelIsNamed() {
        assertThatThrownBy(() -> yaml.parse("name: a\nname: b\n"))
                .hasMessageStartingWith("not valid YAML")
                .hasMessageContaining("duplicate field name");
    }

    @Test
    void aPathThroughANameOutsideTheSchemaIsNotShown() {
        StrictYaml narrow = new StrictYaml(Set.of("mqtt"));
        String text = VALID.replace("password: \"secret\"", "password: \"x\"\n  password: \"y\"");

        assertThatThrownBy(() -> narrow.parse(text))
                .hasMessageStartingWith("not valid YAML at line 6")
                .message().doesNotContain("password").doesNotContain("duplicate field");
    }

    @Test
    void aSyntaxErrorInAListNamesTheListAndItsElement() {
        String text = VALID.replace("- { deviceId: rdr-1, direction: IN }", "- { deviceId: rdr-1, direction: IN\n      - x");

        assertThatThrownBy(() -> yaml.parse(text))
                .hasMessageStartingWith("not valid YAML at line ")
                .hasMessageContaining("doors[0].readers");
    }

    /** A malformed file whose YAML error sits on, or right after, the password line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unclosed double quote       | password: "S3cret-Pa55word-7q\\ntimeoutMs: 800
            unclosed single quote       | password: 'S3cret-Pa55word-7q\\ntimeoutMs: 800
            text after the quote        | password: "S3cret-Pa55word-7q" trailing
            unclosed flow mapping       | password: { S3cret-Pa55word-7q
            tab before the value        | password:\\t\\t"S3cret-Pa55word-7q"\\n\\ttimeoutMs: 800
            colon inside a plain value  | password: S3cret-Pa55word-7q: x: y
            duplicate password          | password: "S3cret-Pa55word-7q"\\n  password: "S3cret-Pa55word-7q"
            bad indentation after       | password: "S3cret-Pa55word-7q"\\n     - oops
            password as a key           | S3cret-Pa55word-7q: [
            """)
    void aMalformedFileNeverEchoesThePassword(String name, String passwordLine) {
        String text = VALID.replace("password: \"secret\"", passwordLine.replace("\\n", "\n").replace("\\t", "\t"));
        assertThat(text).as("test input must differ from the valid file").isNotEqualTo(VALID).contains(PASSWORD);

        assertThatThrownBy(() -> yaml.parse(text))
                .isInstanceOf(ConfigError.class)
                .satisfies(e -> assertNoMessageContains(e, "S3cret"))
                .hasMessageContaining("line ")
                .hasMessageContaining("column ");
    }

    /** Verifies over many randomly damaged files that no error message, nor any cause's, quotes the password. */
    @Test
    void randomlyDamagedFilesNeverEchoThePassword() {
        String valid = VALID.replace("password: \"secret\"", "password: \"" + PASSWORD + "\"");
        String damage = "\"':{}[]-#\t\n ,&*!|>%@`";
        Random random = new Random(20261123);
        int rejected = 0;
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder(valid);
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(text.length());
                char c = damage.charAt(random.nextInt(damage.length()));
                if (random.nextBoolean()) {
                    text.insert(at, c);
                } else {
                    text.setCharAt(at, c);
                }
            }
            try {
                YamlFields top = yaml.parse(text.toString());
                top.allowOnly("name", "mqtt", "timeoutMs", "doors");
                YamlFields mqtt = top.object("mqtt");
                mqtt.allowOnly("uri", "username", "password");
                mqtt.text("uri");
                mqtt.text("username");
                mqtt.secret("password");
                top.wholeNumber("timeoutMs");
                List<JsonNode> doors = top.list("doors");
                for (int d = 0; d < doors.size(); d++) {
                    YamlFields door = YamlFields.of(doors.get(d), "doors[" + d + "]");
                    door.allowOnly("id", "readers");
                    door.id("id");
                    List<JsonNode> readers = door.list("readers");
                    for (int r = 0; r < readers.size(); r++) {
                        YamlFields reader = YamlFields.of(readers.get(r), door.field("readers") + "[" + r + "]");
                        reader.allowOnly("deviceId", "direction");
                        reader.id("deviceId");
                        reader.id("direction");
                    }
                }
            } catch (ConfigError e) {
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
}
