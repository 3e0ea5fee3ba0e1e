package dev.warden.ui.client.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.warden.ui.client.EventView;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The controller's JSON, read leniently where the contract allows it and strictly where it does not: unknown
 * fields are ignored, unknown enum values read as null, absent booleans as false; an event without a positive id,
 * an {@code occurredAt} or a known kind is refused. Error messages never quote the input (it may hold a token).
 */
final class ControllerJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    /**
     * Reads a JSON document as {@code type}.
     *
     * @throws IllegalArgumentException if it is not valid JSON, is JSON null, or breaks a record's invariants
     */
    <T> T read(String json, Class<T> type) {
        T value;
        try {
            value = mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(reason(e), e);
        }
        if (value == null) {
            throw new IllegalArgumentException("the document is JSON null, not a " + type.getSimpleName());
        }
        return value;
    }

    /** Reads one live event; see {@link #read}. */
    EventView event(String json) {
        return read(json, EventView.class);
    }

    String signInRequest(String username, String password) {
        return mapper.writeValueAsString(Map.of("username", username, "password", password));
    }

    /** The wire shape of the sign-in answer; its {@link #toString()} leaves the token out. */
    record SignInAnswer(
            String username,
            List<String> roles,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn) {

        @Override
        public String toString() {
            return "SignInAnswer[username=" + username + ", roles=" + roles + "]";
        }
    }

    /** The first line of a Jackson message, or of the invariant that a record's constructor enforced. */
    private static String reason(JacksonException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                ? cause.getMessage() : e.getOriginalMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
