package dev.warden.controller.api;

import dev.warden.contract.Topics;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/** Checks for request input. Each failing check throws {@link InvalidInputException} naming the field. */
public final class Input {
    public static final int MAX_NAME = 200;

    private Input() {}

    /**
     * Whether {@code value} is a valid id of a resource (and of devices and agents): {@code [A-Za-z0-9._-]{1,64}},
     * safe as an MQTT topic level and in URLs. The one definition is {@link Topics#isValidId}.
     */
    public static boolean isId(String value) {
        return Topics.isValidId(value);
    }

    public static String id(String field, String value) {
        if (!Topics.isValidId(value)) {
            throw new InvalidInputException(field + " must match [A-Za-z0-9._-]{1,64}");
        }
        return value;
    }

    /** A nullable id: null and blank mean "none". */
    public static String optionalId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return id(field, value);
    }

    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException(field + " must be at most " + MAX_NAME + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw new InvalidInputException(field + " must not contain control characters");
            }
        }
        return trimmed;
    }

    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required (one of " + choices(type) + ")");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + " must be one of " + choices(type));
        }
    }

    public static ZoneId zone(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + " is required (an IANA time zone such as Europe/Berlin)");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(field + " is not a known time zone: use an IANA name such as Europe/Berlin");
        }
    }

    public static Instant optionalInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(field + " must be an ISO-8601 instant such as 2026-01-31T08:00:00Z");
        }
    }

    public static void validityOrder(Instant from, Instant until) {
        if (from != null && until != null && until.isBefore(from)) {
            throw new InvalidInputException("validUntil must not be before validFrom");
        }
    }

    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }

    public static void bodyPresent(Object body) {
        if (body == null) {
            throw new InvalidInputException("a JSON request body is required");
        }
    }

    /** The id in the body, when given, must equal the id in the path. */
    public static void sameId(String pathId, String bodyId) {
        if (bodyId != null && !bodyId.equals(pathId)) {
            throw new InvalidInputException("id in the body ('" + bodyId + "') differs from the id in the path");
        }
    }

    private static <E extends Enum<E>> String choices(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(e.name());
        }
        return sb.toString();
    }
}
