package dev.warden.controller.mqtt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PBKDF2WithHmacSHA256 hash of a device secret: random 16-byte salt, iteration count, 32-byte derived key. Stored
 * as Base64 text. The secret itself is never kept.
 */
record SecretHash(String saltB64, int iterations, String hashB64) {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    SecretHash {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1");
        }
    }

    static SecretHash create(String secret, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(secret, salt, iterations);
        return new SecretHash(
                Base64.getEncoder().encodeToString(salt), iterations, Base64.getEncoder().encodeToString(key));
    }

    /** Recomputes the hash for {@code secret} and compares in constant time. */
    boolean verify(String secret) {
        if (secret == null) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(saltB64);
        byte[] expected = Base64.getDecoder().decode(hashB64);
        byte[] actual = derive(secret, salt, iterations);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        char[] chars = secret.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public String toString() {
        return "SecretHash[" + ALGORITHM + ", iterations=" + iterations + "]";
    }
}
