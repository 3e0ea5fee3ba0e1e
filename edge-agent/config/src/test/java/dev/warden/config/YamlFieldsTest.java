package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YamlFieldsTest {

    static final String PASSWORD = "S3cret-Pa55word-7q";

    enum Color { RED, GREEN }

    private static YamlFields fields(String text) throws ConfigError {
        return YamlFields.of(new StrictYaml(Set.of()).parse("outer:\n  - " + text.replace("\n", "\n    ") + "\n")
                .list("outer").getFirst(), "outer[0]");
    }

    @Test
    void namesFieldsByTheirPath() throws ConfigError {
        assertThat(fields("a: 1").field("a")).isEqualTo("outer[0].a");
        assertThat(new StrictYaml(Set.of()).parse("a: 1").field("a")).isEqualTo("a");
        assertThat(new StrictYaml(Set.of()).parse("a: { b: 1 }").object("a").field("b")).isEqualTo("a.b");
    }

    @Test
    void aBrokerUriNeedsTcpOrSslAHostAndAPortAndHidesUserInfo() throws ConfigError {
        assertThat(fields("uri: ssl://broker.example:8883").brokerUri("uri")).isEqualTo("ssl://broker.example:8883");
        assertThatThrownBy(() -> fields("uri: ws://h:1").brokerUri("uri"))
                .hasMessage("outer[0].uri must start with tcp:// or ssl:// (was 'ws://h:1')");
        assertThatThrownBy(() -> fields("uri: tcp://h").brokerUri("uri"))
                .hasMessage("outer[0].uri must name a host and a port, e.g. tcp://127.0.0.1:1883 (was 'tcp://h')");
        assertThatThrownBy(() -> fields("uri: \"tcp://u:secret@h\"").brokerUri("uri"))
                .message().doesNotContain("secret");
    }

    @Test
    void aMissingOrNullFieldIsRequired() throws ConfigError {
        YamlFields f = fields("a: 1\nb: null");

        assertThat(f.has("a")).isTrue();
        assertThat(f.has("b")).isFalse();
        assertThat(f.has("c")).isFalse();
        assertThatThrownBy(() -> f.required("b")).isInstanceOf(ConfigError.class).hasMessage("outer[0].b is required");
        assertThatThrownBy(() -> f.text("c")).hasMessage("outer[0].c is required");
    }

    @Test
    void anUnknownFieldIsNamedWithTheAllowedOnes() throws ConfigError {
        YamlFields f = fields("id: a\nlokc: b");

        assertThatThrownBy(() -> f.allowOnly("id", "lock"))
                .hasMessage("unknown field outer[0].lokc (allowed: id, lock)");
    }

    @Test
    void aValueThatASlipTurnedIntoAKeyIsNotEchoed() throws ConfigError {
        YamlFields f = fields("password: \"x\"\n\"pw " + PASSWORD + "\": 1");

        assertThatThrownBy(() -> f.allowOnly("password"))
                .hasMessage("unknown field outer[0].<a key that is not a plain name, not shown> (allowed: password)");
        assertThat(YamlFields.shownName("deviceId")).isEqualTo("deviceId");
        assertThat(YamlFields.shownName("pw " + PASSWORD)).doesNotContain("S3cret");
    }

    @Test
    void aRejectedValueIsShownOnlyWhenItIsOnePlainToken() {
        assertThat(YamlFields.shown("agent/1")).isEqualTo("'agent/1'");
        assertThat(YamlFields.shown("tcp://broker:1883")).isEqualTo("'tcp://broker:1883'");
        assertThat(YamlFields.shown("tcp://user:" + PASSWORD + "@broker:1883")).isEqualTo("a value not shown");
        assertThat(YamlFields.shown("gate-1&    password} \"" + PASSWORD + "\"")).isEqualTo("a value not shown");
        assertThat(YamlFields.shown("x".repeat(101))).isEqualTo("a value not shown");
        assertThat(YamlFields.shown(null)).isEqualTo("a value not shown");
    }

    @Test
    void aSecretIsNeverEchoedNorStripped() throws ConfigError {
        assertThat(fields("password: \" " + PASSWORD + " \"").secret("password")).isEqualTo(" " + PASSWORD + " ");
        assertThatThrownBy(() -> fields("password: \"\"").secret("password"))
                .hasMessage("outer[0].password must be a non-empty string (quote it in YAML)");
        assertThatThrownBy(() -> fields("password: [" + PASSWORD + "]").secret("password"))
                .hasMessage("outer[0].password must be a non-empty string (quote it in YAML)");
    }

    @Test
    void textIsANonBlankBoundedStrippedString() throws ConfigError {
        assertThat(fields("t: \"  x y \"").text("t")).isEqualTo("x y");
        assertThatThrownBy(() -> fields("t: \"  \"").text("t")).hasMessage("outer[0].t must be a non-empty string");
        assertThatThrownBy(() -> fields("t: 12").text("t")).hasMessage("outer[0].t must be a non-empty string");
        assertThatThrownBy(() -> fields("t: " + "x".repeat(1025)).text("t"))
                .hasMessage("outer[0].t is longer than 1024 characters");
    }

    @Test
    void anIdFollowsTheContractsRuleAndAWrongOneIsShownOnlyWhenPlain() throws ConfigError {
        assertThat(fields("id: door-1.a_B").id("id")).isEqualTo("door-1.a_B");
        assertThatThrownBy(() -> fields("id: door/1").id("id"))
                .hasMessage("outer[0].id must be an id of 1..64 characters from [A-Za-z0-9._-] (was 'door/1')");
        assertThatThrownBy(() -> fields("id: \"door " + PASSWORD + "\"").id("id"))
                .hasMessage("outer[0].id must be an id of 1..64 characters from [A-Za-z0-9._-] (was a value not shown)");
        assertThatThrownBy(() -> fields("id: " + "a".repeat(65)).id("id")).hasMessageContaining("1..64 characters");
    }

    @Test
    void wholeNumbersAreIntegralAndInRange() throws ConfigError {
        assertThat(fields("n: 4294967295").wholeNumber("n")).isEqualTo(4_294_967_295L);
        assertThat(fields("n: 7").wholeNumberIn("n", 1, 7)).isEqualTo(7);
        assertThatThrownBy(() -> fields("n: 8").wholeNumberIn("n", 1, 7)).hasMessage("outer[0].n must be between 1 and 7 (was 8)");
        assertThatThrownBy(() -> fields("n: 1.5").wholeNumber("n")).hasMessage("outer[0].n must be a whole number (was '1.5')");
        assertThatThrownBy(() -> fields("n: \"7\"").wholeNumber("n")).hasMessage("outer[0].n must be a whole number (was '7')");
        assertThatThrownBy(() -> fields("n: 99999999999999999999").wholeNumber("n")).hasMessageContaining("must be a whole number");
    }

    @Test
    void numbersAreFiniteOrInRange() throws ConfigError {
        assertThat(fields("x: 0.25").number("x")).isEqualTo(0.25);
        assertThat(fields("x: 3").number("x")).isEqualTo(3.0);
        assertThatThrownBy(() -> fields("x: 1.0e+400").number("x")).hasMessage("outer[0].x must be a number (was 'Infinity')");
        assertThatThrownBy(() -> fields("x: abc").number("x")).hasMessage("outer[0].x must be a number (was 'abc')");
        assertThat(fields("x: 2.5").number("x", 0, 10)).isEqualTo(2.5);
        assertThatThrownBy(() -> fields("x: 11").number("x", 0, 10)).hasMessage("outer[0].x must be between 0.0 and 10.0 (was 11.0)");
        assertThatThrownBy(() -> fields("x: -1.0e+400").number("x", 0, 10)).hasMessage("outer[0].x must be between 0.0 and 10.0 (was -Infinity)");
        assertThatThrownBy(() -> fields("x: true").number("x", 0, 10)).hasMessage("outer[0].x must be a number (was 'true')");
    }

    @Test
    void booleansAreTrueOrFalse() throws ConfigError {
        assertThat(fields("b: true").bool("b")).isTrue();
        assertThat(fields("b: false").bool("b")).isFalse();
        assertThatThrownBy(() -> fields("b: \"yes please\"").bool("b"))
                .hasMessage("outer[0].b must be true or false (was a value not shown)");
    }

    @Test
    void aChoiceNamesTheConstants() throws ConfigError {
        assertThat(fields("c: GREEN").choice("c", Color.class)).isEqualTo(Color.GREEN);
        assertThatThrownBy(() -> fields("c: BLUE").choice("c", Color.class))
                .hasMessage("outer[0].c must be one of [RED, GREEN] (was 'BLUE')");
        assertThatThrownBy(() -> fields("c: red").choice("c", Color.class, "RED or GREEN"))
                .hasMessage("outer[0].c must be RED or GREEN (was 'red')");
    }

    @Test
    void aPathIsAValidPath() throws ConfigError {
        assertThat(fields("p: data/agent-1").path("p")).isEqualTo(Path.of("data", "agent-1"));
        assertThatThrownBy(() -> fields("p: \"a\\0b\"").path("p")).hasMessageStartingWith("outer[0].p is not a valid path (");
    }

    @Test
    void listsAreRequiredOrOptional() throws ConfigError {
        YamlFields f = fields("l: [1, 2]\nm: 3");

        assertThat(f.list("l")).hasSize(2);
        assertThat(f.optionalList("absent")).isEmpty();
        assertThatThrownBy(() -> f.list("absent")).hasMessage("outer[0].absent is required");
        assertThatThrownBy(() -> f.list("m")).hasMessage("outer[0].m must be a list");
        assertThatThrownBy(() -> f.optionalList("m")).hasMessage("outer[0].m must be a list");
    }

    @Test
    void aNestedMappingMustBeAMapping() throws ConfigError {
        YamlFields f = fields("o: { a: 1 }\nl: [1]");

        assertThat(f.object("o").wholeNumber("a")).isEqualTo(1);
        assertThat(f.object("o").node().has("a")).isTrue();
        assertThatThrownBy(() -> f.object("l")).hasMessage("outer[0].l must be a mapping of fields");
        assertThatThrownBy(() -> YamlFields.of(null, "x")).hasMessage("x must be a mapping of fields");
    }
}
