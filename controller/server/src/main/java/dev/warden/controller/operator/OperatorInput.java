package dev.warden.controller.operator;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Creates or changes an operator. On update, a null password keeps the current one and a null
 * {@code enabled} keeps the current flag.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OperatorInput(String username, String password, List<String> roles, Boolean enabled) {
    @Override
    public String toString() {
        return "OperatorInput[username=" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
