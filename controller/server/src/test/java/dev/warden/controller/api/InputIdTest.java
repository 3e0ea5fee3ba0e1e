package dev.warden.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.Topics;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verifies that the REST id check is exactly the MQTT contract's id rule (one definition, no drift). */
class InputIdTest {
    private static final String ALPHABET = "Aa0._-/+# é\u0000z9";

    @Test
    void inputIdsAreTopicIds() {
        Random random = new Random(20261123L);
        for (int i = 0; i < 5_000; i++) {
            int length = random.nextInt(70);
            StringBuilder sb = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String candidate = sb.toString();
            assertThat(Input.isId(candidate)).as("'%s'", candidate).isEqualTo(Topics.isValidId(candidate));
        }
        assertThat(Input.isId(null)).isFalse();
        assertThat(Input.isId("a".repeat(64))).isTrue();
        assertThat(Input.isId("a".repeat(65))).isFalse();
    }
}
