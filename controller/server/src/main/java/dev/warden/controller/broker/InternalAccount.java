package dev.warden.controller.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The controller's own broker account: a fixed username that no device account can take (device usernames are
 * {@code [A-Za-z0-9._-]}, this one has a colon) and a random secret made at every start, held only in memory and
 * never written or logged. Full access, including {@code $share} subscriptions.
 */
final class InternalAccount {

    static final String USERNAME = "warden:controller";
    /** Client ids with this prefix are reserved for the controller; devices may not use them. */
    static final String RESERVED_CLIENT_ID_PREFIX = "warden-controller";

    private final byte[] secret;

    InternalAccount() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw).getBytes(StandardCharsets.US_ASCII);
    }

    boolean matches(String username, byte[] password) {
        // compare both, always, so that timing does not tell which part was wrong
        boolean user = MessageDigest.isEqual(
                USERNAME.getBytes(StandardCharsets.UTF_8), username.getBytes(StandardCharsets.UTF_8));
        boolean pass = MessageDigest.isEqual(secret, password);
        return user & pass;
    }

    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "InternalAccount[" + USERNAME + "]";
    }
}
