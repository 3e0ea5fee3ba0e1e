package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verifies the PIN hash: SHA-256(salt || UTF-8 pin), content equality, copies, and a toString without bytes. */
class PinHashTest {

    @Test
    void theHashIsSha256OfSaltThenUtf8Pin() throws Exception {
        byte[] salt = {0x10, 0x20, 0x30};
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        sha.update("4821".getBytes(StandardCharsets.UTF_8));
        assertThat(PinHash.of("4821", salt).hash()).isEqualTo(sha.digest());
    }

    @Test
    void matchesOnlyTheSamePin() {
        PinHash hash = PinHash.of("4821", new byte[] {1});
        assertThat(hash.matches("4821")).isTrue();
        assertThat(hash.matches("48210")).isFalse();
        assertThat(hash.matches("4812")).isFalse();
        assertThat(hash.matches("")).isFalse();
        assertThat(hash.matches(null)).isFalse();
        assertThat(PinHash.of("4821", new byte[] {2})).as("another salt").isNotEqualTo(hash);
    }

    @Test
    void equalityIsByContentAndTheArraysAreCopied() {
        byte[] salt = {5, 6};
        PinHash a = PinHash.of("1234", salt);
        salt[0] = 99;
        PinHash b = PinHash.of("1234", new byte[] {5, 6});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        a.hash()[0] ^= 1;
        assertThat(a).isEqualTo(b);
        assertThat(a.toString()).doesNotContain("1234").doesNotContain("[B").isEqualTo("PinHash[****]");
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> new PinHash(new byte[0], new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PinHash(new byte[1], new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PinHash.of(null, new byte[1])).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theHandWrittenUtf8EqualsTheJdkEncoderForRandomText() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = 0, n = random.nextInt(8); c < n; c++) {
                switch (random.nextInt(4)) {
                    case 0 -> text.append((char) ('0' + random.nextInt(10)));
                    case 1 -> text.append((char) random.nextInt(0x800));
                    case 2 -> text.append((char) random.nextInt(0x10000)); // may be an unpaired surrogate
                    default -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                }
            }
            String s = text.toString();
            assertThat(PinHash.utf8(s)).as("%s", s.codePoints().boxed().toList())
                    .isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
