package dev.warden.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.contract.Topics;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A YAML mapping with its field path, for messages that say exactly where the problem is ({@code doors[0].lock is
 * required}). Every reader throws {@link ConfigError}; a rejected value appears in a message only through
 * {@link #shown}, an unknown key only through {@link #shownName}, and a {@link #secret} never.
 */
public final class YamlFields {

    private static final Pattern SHOWN_VALUE = Pattern.compile("[!-~&&[^\"'{}\\[\\],@]]{1,100}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final int MAX_TEXT = 1024;

    private final JsonNode node;
    private final String prefix;

    private YamlFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /**
     * The mapping {@code node} at {@code path} ({@code ""} for the top level).
     *
     * @throws ConfigError if {@code node} is missing or not a mapping
     */
    public static YamlFields of(JsonNode node, String path) throws ConfigError {
        if (node == null || !node.isObject()) {
            throw new ConfigError((path.isEmpty() ? "the top level" : path) + " must be a mapping of fields");
        }
        return new YamlFields(node, path);
    }

    /** The mapping itself, e.g. to walk a map whose keys are data (relay ids, library pages). */
    public JsonNode node() {
        return node;
    }

    /** The path of a field of this mapping, e.g. {@code doors[0].lock}. */
    public String field(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** Rejects any field not named here, so a typo never silently falls back to a default. */
    public void allowOnly(String... names) throws ConfigError {
        Set<String> allowed = Set.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new ConfigError("unknown field " + field(shownName(name)) + " (allowed: " + String.join(", ", names) + ")");
            }
        }
    }

    /**
     * A rejected value as it may appear in a message: quoted if it is one plain token, else a placeholder. A value
     * with spaces, quotes, brackets or an {@code @} (user info in a URI) may hold a secret, e.g. a password line that
     * a slip in the YAML merged into the value of another field.
     */
    public static String shown(String value) {
        return value != null && SHOWN_VALUE.matcher(value).matches() ? "'" + value + "'" : "a value not shown";
    }

    /**
     * An unknown key as it may appear in a message: a plain name, or a placeholder. A key with quotes, spaces or
     * punctuation is what a syntax slip makes of a value (e.g. {@code password:- "..."}), and values may be secret.
     */
    public static String shownName(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "<a key that is not a plain name, not shown>";
    }

    /** Whether the field is present and not null. */
    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    public JsonNode required(String name) throws ConfigError {
        if (!has(name)) {
            throw new ConfigError(field(name) + " is required");
        }
        return node.get(name);
    }

    public YamlFields object(String name) throws ConfigError {
        return of(required(name), field(name));
    }

    /** An MQTT broker URI: {@code tcp://} or {@code ssl://} with a host and a port 1..65535. */
    public String brokerUri(String name) throws ConfigError {
        String uri = text(name);
        String field = field(name);
        try {
            java.net.URI u = new java.net.URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
                throw new ConfigError(field + " must start with tcp:// or ssl:// (was " + shown(uri) + ")");
            }
            if (u.getHost() == null || u.getPort() < 1 || u.getPort() > 65535) {
                throw new ConfigError(field + " must name a host and a port, e.g. tcp://127.0.0.1:1883 (was " + shown(uri) + ")");
            }
        } catch (java.net.URISyntaxException e) {
            throw new ConfigError(field + " is not a valid URI (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        return uri;
    }

    /** A non-blank string of at most 1024 characters, stripped. */
    public String text(String name) throws ConfigError {
        JsonNode v = required(name);
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new ConfigError(field(name) + " must be a non-empty string");
        }
        if (v.textValue().length() > MAX_TEXT) {
            throw new ConfigError(field(name) + " is longer than " + MAX_TEXT + " characters");
        }
        return v.textValue().strip();
    }

    /** Like {@link #text} but never echoes the value, nor strips it: it is a secret. */
    public String secret(String name) throws ConfigError {
        JsonNode v = required(name);
        if (!v.isTextual() || v.textValue().isEmpty()) {
            throw new ConfigError(field(name) + " must be a non-empty string (quote it in YAML)");
        }
        return v.textValue();
    }

    /** An id as the MQTT contract allows it ({@link Topics#isValidId}). */
    public String id(String name) throws ConfigError {
        JsonNode v = required(name);
        if (!v.isTextual() || !Topics.isValidId(v.textValue())) {
            throw new ConfigError(field(name) + " must be an id of 1..64 characters from [A-Za-z0-9._-] (was " + shown(v.asText()) + ")");
        }
        return v.textValue();
    }

    public long wholeNumber(String name) throws ConfigError {
        JsonNode v = required(name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ConfigError(field(name) + " must be a whole number (was " + shown(v.asText()) + ")");
        }
        return v.longValue();
    }

    public long wholeNumberIn(String name, long min, long max) throws ConfigError {
        long value = wholeNumber(name);
        if (value < min || value > max) {
            throw new ConfigError(field(name) + " must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    /** A finite number. */
    public double number(String name) throws ConfigError {
        JsonNode v = required(name);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw new ConfigError(field(name) + " must be a number (was " + shown(v.asText()) + ")");
        }
        return v.doubleValue();
    }

    /** A number in {@code [min, max]} (so never NaN). */
    public double number(String name, double min, double max) throws ConfigError {
        JsonNode v = required(name);
        if (!v.isNumber()) {
            throw new ConfigError(field(name) + " must be a number (was " + shown(v.asText()) + ")");
        }
        double value = v.doubleValue();
        if (!(value >= min && value <= max)) {
            throw new ConfigError(field(name) + " must be between " + min + " and " + max + " (was " + value + ")");
        }
        return value;
    }

    public boolean bool(String name) throws ConfigError {
        JsonNode v = required(name);
        if (!v.isBoolean()) {
            throw new ConfigError(field(name) + " must be true or false (was " + shown(v.asText()) + ")");
        }
        return v.booleanValue();
    }

    /** A {@link #text} that is a valid path. */
    public Path path(String name) throws ConfigError {
        String value = text(name);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigError(field(name) + " is not a valid path (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }

    /** The constant of {@code type} named by the field; the message lists the constants. */
    public <E extends Enum<E>> E choice(String name, Class<E> type) throws ConfigError {
        return choice(name, type, "one of " + Arrays.toString(type.getEnumConstants()));
    }

    /** The constant of {@code type} named by the field; a wrong name is reported as "must be {@code allowed}". */
    public <E extends Enum<E>> E choice(String name, Class<E> type, String allowed) throws ConfigError {
        String value = text(name);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException _) {
            throw new ConfigError(field(name) + " must be " + allowed + " (was " + shown(value) + ")");
        }
    }

    /** A required list. */
    public List<JsonNode> list(String name) throws ConfigError {
        required(name);
        return optionalList(name);
    }

    /** A list, empty when the field is absent or null. */
    public List<JsonNode> optionalList(String name) throws ConfigError {
        if (!has(name)) {
            return List.of();
        }
        JsonNode v = node.get(name);
        if (!v.isArray()) {
            throw new ConfigError(field(name) + " must be a list");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }
}
