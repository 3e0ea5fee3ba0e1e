package dev.warden.controller.operator;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** An operator as the API shows it (never the password or its hash). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OperatorDto(String username, List<String> roles, boolean enabled, Instant createdAt) {
    static OperatorDto of(OperatorRow row) {
        return new OperatorDto(row.username(), row.roleList(), row.enabled(), row.createdAt());
    }
}
