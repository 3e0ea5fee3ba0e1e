package dev.warden.controller.operator;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2WithHmacSHA256 with a 16-byte random salt per password and a 256-bit output. New hashes use
 * {@code warden.security.pbkdf2-iterations} (default 600,000, the OWASP 2023 figure); each stored hash keeps
 * its own count, so the setting can be raised without breaking existing passwords.
 */
@Singleton
public class PasswordHasher {
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    /** A hash with its parameters, all Base64 where binary. */
    public record Hashed(String hash, String salt, int iterations) {}

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public PasswordHasher(@Value("${warden.security.pbkdf2-iterations:600000}") int iterations) {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("warden.security.pbkdf2-iterations must be at least 1000");
        }
        this.iterations = iterations;
    }

    public Hashed hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, iterations);
        return new Hashed(Base64.getEncoder().encodeToString(key), Base64.getEncoder().encodeToString(salt),
                iterations);
    }

    /** Constant-time comparison against a stored hash. */
    public boolean verify(char[] password, String hash, String salt, int storedIterations) {
        byte[] expected = Base64.getDecoder().decode(hash);
        byte[] actual = derive(password, Base64.getDecoder().decode(salt), storedIterations);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as a real verification, for unknown user names (no user enumeration by timing). */
    public void burn(char[] password) {
        derive(password, new byte[SALT_BYTES], iterations);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
