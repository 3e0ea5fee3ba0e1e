package dev.warden.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON codec of the contract. Parsing never throws and never returns null: it yields a {@link Parsed}.
 * Unknown fields are ignored (a newer device may send more); missing required fields, wrong types, bad enum
 * values and violated invariants are {@link Parsed#INVALID_PAYLOAD}; payloads over {@link #MAX_PAYLOAD_BYTES}
 * are refused before they are read.
 */
public final class ContractJson {

    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxStringLength(MAX_PAYLOAD_BYTES)
                        .maxNumberLength(32)
                        .build());
    }

    private ContractJson() {}

    public static <T> Parsed<T> parse(byte[] payload, Class<T> type) {
        if (payload == null || payload.length == 0) {
            return new Parsed.Rejected<>(Parsed.MALFORMED_JSON, "empty payload", null);
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return new Parsed.Rejected<>(
                    Parsed.PAYLOAD_TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD_BYTES,
                    null);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(payload);
        } catch (IOException | RuntimeException e) {
            return new Parsed.Rejected<>(Parsed.MALFORMED_JSON, "not valid JSON: " + firstLine(e), null);
        }
        if (tree == null || !tree.isObject()) {
            return new Parsed.Rejected<>(Parsed.MALFORMED_JSON, "payload must be a JSON object", null);
        }
        String requestId = requestIdOf(tree);
        try {
            T value = MAPPER.treeToValue(tree, type);
            if (value == null) {
                return new Parsed.Rejected<>(Parsed.INVALID_PAYLOAD, "empty message", requestId);
            }
            return new Parsed.Ok<>(value);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Parsed.Rejected<>(Parsed.INVALID_PAYLOAD, firstLine(cause), requestId);
        } catch (InvalidFormatException e) {
            return new Parsed.Rejected<>(Parsed.INVALID_PAYLOAD, "invalid value for " + path(e), requestId);
        } catch (MismatchedInputException e) {
            return new Parsed.Rejected<>(Parsed.INVALID_PAYLOAD, "wrong type or missing value for " + path(e), requestId);
        } catch (JsonProcessingException | RuntimeException e) {
            return new Parsed.Rejected<>(Parsed.INVALID_PAYLOAD, firstLine(e), requestId);
        }
    }

    public static byte[] write(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("contract message could not be written: " + message.getClass(), e);
        }
    }

    public static String writeString(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("contract message could not be written: " + message.getClass(), e);
        }
    }

    private static String requestIdOf(JsonNode tree) {
        JsonNode id = tree.get("requestId");
        if (id != null && id.isTextual() && id.textValue().length() <= 64 && Topics.isValidId(id.textValue())) {
            return id.textValue();
        }
        return null;
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.toString();
        }
        return "a field";
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = msg.indexOf('\n');
        String line = nl < 0 ? msg : msg.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
