package dev.warden.controller.operator;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Row of table {@code operator}: hash and salt in Base64, roles comma-separated. {@code credentialsChangedAt}
 * (millisecond precision, strictly increasing per operator) is when the password, roles or enabled flag last
 * changed; tokens issued before it are refused.
 */
@MappedEntity(value = "operator", escape = false)
public record OperatorRow(
        @Id String username,
        String passwordHash,
        String salt,
        int iterations,
        String roles,
        boolean enabled,
        Instant createdAt,
        Instant credentialsChangedAt) {

    public List<String> roleList() {
        return roles.isBlank() ? List.of() : Arrays.stream(roles.split(",")).map(String::strip).toList();
    }

    @Override
    public String toString() {
        return "OperatorRow[username=" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
