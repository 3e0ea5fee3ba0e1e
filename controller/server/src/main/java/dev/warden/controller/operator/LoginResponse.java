package dev.warden.controller.operator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Answer to a successful sign-in: a JWT to send as {@code Authorization: Bearer <access_token>}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LoginResponse(
        String username,
        List<String> roles,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") Integer expiresIn) {
    @Override
    public String toString() {
        return "LoginResponse[username=" + username + ", roles=" + roles + "]";
    }
}
