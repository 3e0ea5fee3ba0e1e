package dev.warden.controller.demo;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh random passwords (letters and digits only, so they need no quoting anywhere) for one seeding, and the
 * fingerprint modules' device passwords (8 hex digits: the module's 32-bit password), which are device secrets
 * written only into the agent's and the simulator's YAML, and the secret the demo PINs are derived from.
 */
final class DemoSecrets {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final int LENGTH = 24;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> operators = new LinkedHashMap<>();
    private final Map<String, String> mqtt = new LinkedHashMap<>();
    private final Map<String, String> modules = new LinkedHashMap<>();
    private final byte[] pinSecret = new byte[32];

    DemoSecrets() {
        random.nextBytes(pinSecret);
    }

    /**
     * This install's secret for the demo PINs (256 random bits, made once per seeding): {@link DemoSite} derives
     * every demo PIN and duress PIN from it, so they cannot be computed from the public source. Only the derived
     * PINs leave memory, into pins.txt and sim.yaml (both 0600); the secret itself is never written or logged.
     */
    byte[] pinSecret() {
        return pinSecret.clone();
    }

    String operator(String username) {
        return operators.computeIfAbsent(username, u -> next());
    }

    String mqtt(String username) {
        return mqtt.computeIfAbsent(username, u -> next());
    }

    /** The 32-bit password of a fingerprint module, as 8 upper-case hex digits. */
    String modulePassword(String moduleId) {
        return modules.computeIfAbsent(moduleId, m -> HexFormat.of().withUpperCase().toHexDigits(random.nextInt()));
    }

    Map<String, String> operators() {
        return operators;
    }

    Map<String, String> mqtt() {
        return mqtt;
    }

    private String next() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
