package dev.warden.policy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A salted hash of a PIN: {@code SHA-256(salt || UTF-8 bytes of the PIN)}. The PIN itself is never stored.
 *
 * <p>The arrays are copied in and out; {@link #equals} and {@link #hashCode} compare contents; {@link #toString}
 * never prints the bytes. {@link #matches} compares in constant time ({@link MessageDigest#isEqual}).
 *
 * @param salt non-empty salt
 * @param hash the 32-byte SHA-256 digest
 */
public record PinHash(byte[] salt, byte[] hash) {

    private static final int SHA_256_LENGTH = 32;

    public PinHash {
        Checks.nonNull(salt, "PinHash.salt");
        Checks.nonNull(hash, "PinHash.hash");
        if (salt.length == 0) {
            throw new IllegalArgumentException("PinHash.salt must not be empty");
        }
        if (hash.length != SHA_256_LENGTH) {
            throw new IllegalArgumentException("PinHash.hash must be " + SHA_256_LENGTH + " bytes, was " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Hashes {@code pin} with {@code salt}. */
    public static PinHash of(String pin, byte[] salt) {
        Checks.nonNull(pin, "pin");
        Checks.nonNull(salt, "PinHash.salt");
        return new PinHash(salt, digest(salt, pin));
    }

    /** {@code true} when {@code pin} hashes to this hash; false for null. Constant time in the hash comparison. */
    public boolean matches(String pin) {
        if (pin == null) {
            return false;
        }
        return MessageDigest.isEqual(hash, digest(salt, pin));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PinHash that && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PinHash[****]";
    }

    private static byte[] digest(byte[] salt, String pin) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // every Java platform must provide SHA-256 (java.security.MessageDigest javadoc)
            throw new IllegalStateException("SHA-256 is not available", impossible);
        }
        sha256.update(salt);
        sha256.update(utf8(pin));
        return sha256.digest();
    }

    /** UTF-8 encoding by hand: java.nio.charset is outside what the pure core may depend on. */
    static byte[] utf8(String text) {
        byte[] out = new byte[text.length() * 3];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                cp = '?'; // an unpaired surrogate encodes as '?', exactly as String.getBytes(UTF_8) does
            }
            if (cp < 0x80) {
                out[n++] = (byte) cp;
            } else if (cp < 0x800) {
                out[n++] = (byte) (0xC0 | (cp >> 6));
                out[n++] = (byte) (0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out[n++] = (byte) (0xE0 | (cp >> 12));
                out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[n++] = (byte) (0xF0 | (cp >> 18));
                out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        return Arrays.copyOf(out, n);
    }
}
