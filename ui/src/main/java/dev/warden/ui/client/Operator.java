package dev.warden.ui.client;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A signed-in operator as the controller described them: who, with which roles, the token to act with and when
 * that token stops being valid. Roles are kept as the controller names them (ADMIN, SUPERVISOR, GUARD, ...);
 * what a role may do is the controller's decision, not the console's.
 */
public record Operator(String username, List<String> roles, AccessToken token, Instant expiresAt) {

    public Operator {
        Objects.requireNonNull(username, "username");
        roles = List.copyOf(roles);
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean hasExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
