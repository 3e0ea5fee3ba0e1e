package dev.warden.controller.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Gives errors raised by the framework itself (malformed JSON, unknown route, wrong method, unreadable
 * parameter) the same {@link ApiError} shape as the application's own errors.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class JsonErrorBodies implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String message = context.getErrors().stream()
                .map(Error::getMessage)
                .filter(m -> m != null && !m.isBlank())
                .findFirst()
                .orElse(status.getReason());
        return new ApiError(code(status), sanitize(message));
    }

    @Override
    public String contentType() {
        return MediaType.APPLICATION_JSON;
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "INVALID_INPUT";
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case CONFLICT -> "CONFLICT";
            case INTERNAL_SERVER_ERROR -> "INTERNAL_ERROR";
            default -> status.name().toUpperCase(Locale.ROOT);
        };
    }

    private static String sanitize(String message) {
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
