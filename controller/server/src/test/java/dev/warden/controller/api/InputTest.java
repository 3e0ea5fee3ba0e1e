package dev.warden.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InputTest {
    enum Color { RED, GREEN }

    @Test
    void idsFollowTheTopicSafePattern() {
        assertThat(Input.id("id", "door-1.a_B")).isEqualTo("door-1.a_B");
        assertThat(Input.optionalId("x", " ")).isNull();
        for (String bad : new String[] {null, "", "a b", "a/b", "a+b", "#", "x".repeat(65)}) {
            assertThatThrownBy(() -> Input.id("doorId", bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessage("doorId must match [A-Za-z0-9._-]{1,64}");
        }
    }

    /** Verifies that no id accepted by Input can inject an MQTT topic level or wildcard. */
    @Test
    void seededRandomStringsNeverSmuggleTopicCharacters() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(70);
            for (int j = 0; j < len; j++) {
                sb.append((char) (32 + random.nextInt(95)));
            }
            String s = sb.toString();
            try {
                String ok = Input.id("id", s);
                assertThat(ok).doesNotContain("/", "+", "#", " ").hasSizeBetween(1, 64);
            } catch (InvalidInputException expected) {
                assertThat(expected.getMessage()).startsWith("id must match");
            }
        }
    }

    @Test
    void namesEnumsZonesAndInstants() {
        assertThat(Input.name("name", "  Hall 1 ")).isEqualTo("Hall 1");
        assertThatThrownBy(() -> Input.name("name", "a\u0000b")).hasMessageContaining("control characters");
        assertThat(Input.oneOf("color", " green", Color.class)).isEqualTo(Color.GREEN);
        assertThatThrownBy(() -> Input.oneOf("color", "blue", Color.class)).hasMessage("color must be one of RED, GREEN");
        assertThat(Input.zone("tz", "Europe/Berlin").getId()).isEqualTo("Europe/Berlin");
        assertThatThrownBy(() -> Input.zone("tz", "Nowhere/Land")).hasMessageContaining("not a known time zone");
        assertThat(Input.optionalInstant("from", "2026-01-01T00:00:00Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> Input.validityOrder(Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"))).hasMessageContaining("validUntil");
    }
}
