package dev.warden.controller.demo;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh random passwords (letters and digits only, so they need no quoting anywhere) for one seeding, and the
 * fingerprint modules' device passwords (8 hex digits: the module's 32-bit password), which are device secrets
 * written only into the agent's and the simulator's YAML.
 */
final class DemoSecrets {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final int LENGTH = 24;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> operators = new LinkedHashMap<>();
    private final Map<String, String> mqtt = new LinkedHashMap<>();
    private final Map<String, String> modules = new LinkedHashMap<>();

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
