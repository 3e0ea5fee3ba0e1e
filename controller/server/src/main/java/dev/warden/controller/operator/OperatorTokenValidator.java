package dev.warden.controller.operator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Refuses, on every authenticated request, a validly signed token whose operator was deleted, disabled, or changed
 * (password, roles) after the token was issued — the request then answers 401. See {@link OperatorSessions}.
 */
@Singleton
class OperatorTokenValidator<T> implements GenericJwtClaimsValidator<T> {
    private final OperatorSessions sessions;

    OperatorTokenValidator(OperatorSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        Object subject = claims.get(Claims.SUBJECT);
        return subject instanceof String username && sessions.stillValid(username, claims.get(OperatorSessions.CLAIM));
    }
}
