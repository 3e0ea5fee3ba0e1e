package dev.warden.controller.operator;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /api/v1/auth/login}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LoginRequest(String username, String password) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
