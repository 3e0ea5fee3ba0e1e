package dev.warden.controller.operator;

import dev.warden.controller.api.ApiError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/auth/login}: exchanges user name and password for a signed JWT. Failures answer 401 with
 * the same message whatever was wrong, are counted, and are logged with the user name and client address
 * (never the password). {@code GET /api/v1/auth/me} tells a token's holder who they are.
 */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {
    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    private final OperatorService operators;
    private final AccessRefreshTokenGenerator tokens;
    private final SignInFailures failures;

    LoginController(OperatorService operators, AccessRefreshTokenGenerator tokens, SignInFailures failures) {
        this.operators = operators;
        this.tokens = tokens;
        this.failures = failures;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> login(HttpRequest<?> request, @Body LoginRequest body) {
        String username = body == null ? null : body.username();
        Optional<OperatorService.SignedIn> who = body == null
                ? Optional.empty()
                : operators.authenticate(username, body.password());
        if (who.isEmpty()) {
            long count = failures.record();
            LOG.warn("Sign-in failed for user '{}' from {} ({} failed sign-ins since start)", printable(username),
                    request.getRemoteAddress().getAddress().getHostAddress(), count);
            return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                    .body(new ApiError("UNAUTHORIZED", "invalid user name or password"));
        }
        OperatorService.SignedIn op = who.get();
        Optional<AccessRefreshToken> token = tokens.generate(Authentication.build(op.username(), op.roles()));
        if (token.isEmpty()) {
            LOG.error("No token could be generated for {}; is JWT signing configured?", op.username());
            return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(new ApiError("INTERNAL_ERROR", "token could not be issued"));
        }
        LOG.info("Operator {} signed in from {} with roles {}", op.username(),
                request.getRemoteAddress().getAddress().getHostAddress(), op.roles());
        AccessRefreshToken t = token.get();
        return HttpResponse.ok(new LoginResponse(op.username(), op.roles(), t.getAccessToken(),
                t.getTokenType() == null ? "Bearer" : t.getTokenType(), t.getExpiresIn()));
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> me(Authentication authentication) {
        return Map.of("username", authentication.getName(), "roles", new ArrayList<>(authentication.getRoles()));
    }

    private static String printable(String username) {
        if (username == null) {
            return "";
        }
        String s = username.length() > 64 ? username.substring(0, 64) + "…" : username;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }
}
