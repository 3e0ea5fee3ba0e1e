package dev.warden.controller.operator;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 key that signs and verifies operator tokens: {@code warden.security.jwt-secret} (at least 32
 * characters), or, when that is not set, 256 random bits made at start — tokens then stop working on restart,
 * which is safe and only costs a new sign-in. The key is never logged.
 */
@Factory
class JwtSigning {
    private static final Logger LOG = LoggerFactory.getLogger(JwtSigning.class);
    static final int MIN_SECRET = 32;

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signature(@Nullable @Value("${warden.security.jwt-secret:}") String configured) {
        SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
        config.setJwsAlgorithm(JWSAlgorithm.HS256);
        if (configured != null && !configured.isBlank()) {
            if (configured.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET) {
                throw new IllegalStateException("warden.security.jwt-secret must be at least " + MIN_SECRET
                        + " characters (256 bits for HS256)");
            }
            config.setSecret(configured);
            LOG.info("Operator tokens are signed with the configured warden.security.jwt-secret");
        } else {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            config.setBase64(true);
            config.setSecret(Base64.getEncoder().encodeToString(key));
            LOG.info("warden.security.jwt-secret is not set: operator tokens are signed with a random key made at "
                    + "start and become invalid when the controller restarts");
        }
        return new SecretSignature(config);
    }
}
