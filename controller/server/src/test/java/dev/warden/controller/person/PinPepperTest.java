package dev.warden.controller.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.PinHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the PIN pepper: the stored salt and hash alone do not reveal a PIN (a search of every 4-digit PIN against
 * them, as with a database copy, finds nothing; with the pepper it finds it), another pepper gives another hash, the
 * generated pepper is kept in a 0600 file and reused, and a short configured pepper is refused.
 */
class PinPepperTest {
    static final byte[] SALT = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @Test
    void aDatabaseCopyAloneDoesNotRevealThePin() {
        PinPepper pepper = new PinPepper("a-server-side-secret-of-32-chars!".getBytes());
        PinHash stored = pepper.hash("4821", SALT);
        String foundWithoutPepper = null;
        String foundWithPepper = null;
        for (int i = 0; i < 10_000; i++) {
            String guess = String.format(Locale.ROOT, "%04d", i);
            if (java.security.MessageDigest.isEqual(PinHash.of(guess, SALT).hash(), stored.hash())) {
                foundWithoutPepper = guess;
            }
            if (new PinHash(pepper.saltFor(SALT), stored.hash()).matches(guess)) {
                foundWithPepper = guess;
            }
        }
        assertThat(foundWithoutPepper).as("salt and hash alone").isNull();
        assertThat(foundWithPepper).isEqualTo("4821");
        assertThat(new PinPepper("another-server-side-secret-32-chars".getBytes()).hash("4821", SALT))
                .isNotEqualTo(stored);
        assertThat(pepper.saltFor(SALT)).hasSize(32).isEqualTo(pepper.saltFor(SALT));
        assertThat(pepper.toString()).doesNotContain("secret");
    }

    @Test
    void theGeneratedPepperIsKeptOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("controller").resolve(PinPepper.FILE);
        byte[] first = PinPepper.loadOrCreate(file);
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PinPepper.loadOrCreate(file)).as("the same secret after a restart").isEqualTo(first);
    }

    @Test
    void aShortConfiguredPepperIsRefused() {
        assertThatThrownBy(() -> PinPepper.keyFor("too-short", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32")
                .hasMessageNotContaining("too-short");
    }
}
