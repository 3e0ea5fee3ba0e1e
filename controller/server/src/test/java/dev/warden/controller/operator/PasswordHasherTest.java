package dev.warden.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        PasswordHasher.Hashed h = hasher.hash("correct horse battery".toCharArray());
        assertThat(h.iterations()).isEqualTo(1_000);
        assertThat(Base64.getDecoder().decode(h.hash())).hasSize(32);
        assertThat(Base64.getDecoder().decode(h.salt())).hasSize(16);
        assertThat(hasher.verify("correct horse battery".toCharArray(), h.hash(), h.salt(), h.iterations())).isTrue();
        assertThat(hasher.verify("correct horse batterY".toCharArray(), h.hash(), h.salt(), h.iterations())).isFalse();
    }

    @Test
    void saltsEveryHashAndHonoursStoredIterationCounts() {
        PasswordHasher.Hashed a = hasher.hash("same".toCharArray());
        PasswordHasher.Hashed b = hasher.hash("same".toCharArray());
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash());

        PasswordHasher stronger = new PasswordHasher(2_000);
        assertThat(stronger.verify("same".toCharArray(), a.hash(), a.salt(), a.iterations())).isTrue();
    }

    @Test
    void refusesTooFewIterations() {
        assertThatThrownBy(() -> new PasswordHasher(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
