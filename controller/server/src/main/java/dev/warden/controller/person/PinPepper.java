package dev.warden.controller.person;

import dev.warden.policy.PinHash;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-side secret (pepper) mixed into every PIN hash, so that a copy of the database alone does not reveal
 * PINs: a PIN has at most 10^8 values, and one SHA-256 per guess would recover it from a stored salt and hash in
 * seconds. The database keeps a random salt {@code s}; the hash is {@code PinHash.of(pin, HMAC-SHA256(pepper, s))},
 * and the index builds its {@link PinHash} with the same keyed salt.
 *
 * <p>The pepper is {@code warden.pins.pepper} (at least {@value #MIN_CONFIGURED} characters) when set; otherwise 256
 * random bits generated once and kept in {@code <warden.data-dir>/controller/pin-pepper} (owner read/write only),
 * next to the H2 database but never inside it. In the test environment without a data dir it is random per
 * application context. It is never logged. Losing it (or changing it) makes every stored PIN fail to match — the
 * card + PIN doors then deny {@code PIN_MISMATCH} until the PINs are set again; it fails closed.
 */
@Singleton
public class PinPepper {
    private static final Logger LOG = LoggerFactory.getLogger(PinPepper.class);
    static final int MIN_CONFIGURED = 32;
    static final String FILE = "pin-pepper";
    private static final String HMAC = "HmacSHA256";

    private final byte[] key;

    @Inject
    public PinPepper(@Nullable @Value("${warden.pins.pepper:}") String configured, Environment environment) {
        this(keyFor(configured, environment));
    }

    /** A pepper with this key (tests, tools). */
    public PinPepper(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("the PIN pepper must not be empty");
        }
        this.key = key.clone();
    }

    /** The salt the hash is computed with: HMAC-SHA256(pepper, the stored salt). */
    public byte[] saltFor(byte[] storedSalt) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(storedSalt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The hash of {@code pin} to store next to {@code storedSalt}. */
    public PinHash hash(String pin, byte[] storedSalt) {
        return PinHash.of(pin, saltFor(storedSalt));
    }

    @Override
    public String toString() {
        return "PinPepper[***]";
    }

    static byte[] keyFor(String configured, Environment environment) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_CONFIGURED) {
                throw new IllegalStateException("warden.pins.pepper must be at least " + MIN_CONFIGURED + " characters");
            }
            LOG.info("PIN hashes are keyed with the configured warden.pins.pepper");
            return bytes;
        }
        var dataDir = environment.getProperty("warden.data-dir", String.class);
        if (dataDir.isEmpty() && environment.getActiveNames().contains(Environment.TEST)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        Path file = Path.of(dataDir.orElse("data")).resolve("controller").resolve(FILE).toAbsolutePath();
        return loadOrCreate(file);
    }

    /** Reads the pepper file, or creates it (0600) with 256 random bits when it does not exist. */
    static byte[] loadOrCreate(Path file) {
        HexFormat hex = HexFormat.of();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = file.resolveSibling(FILE + ".tmp");
                Files.deleteIfExists(tmp);
                try {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(tmp);
                }
                Files.writeString(tmp, hex.formatHex(random) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
                LOG.info("PIN hashes are keyed with a new secret generated in {} (back it up apart from the database; "
                        + "without it the stored PINs no longer match)", file);
            } else {
                LOG.info("PIN hashes are keyed with the secret in {}", file);
            }
            byte[] key = hex.parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < 16) {
                throw new IllegalStateException("the PIN pepper in " + file + " is too short");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the PIN pepper " + file
                    + " (set warden.data-dir to a writable folder, or warden.pins.pepper)", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the PIN pepper in " + file + " is not hex", e);
        }
    }
}
