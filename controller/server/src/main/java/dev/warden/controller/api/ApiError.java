package dev.warden.controller.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error response: a stable upper-case code and a message for a person.
 *
 * @param error   e.g. {@code INVALID_INPUT}, {@code NOT_FOUND}, {@code CONFLICT}, {@code UNAUTHORIZED}
 * @param message what was wrong; never contains secrets
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(String error, String message) {}
