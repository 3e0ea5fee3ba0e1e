package dev.warden.controller.operator;

import dev.warden.controller.api.ApiError;
import io.micronaut.http.HttpHeaders;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/auth/login}: exchanges user name and password for a signed JWT. Failures answer 401 with
 * the same message whatever was wrong, are counted, and are logged with the user name and client address
 * (never the password). Repeated failures per user name or client address lock sign-in for exponentially longer
 * (429 {@code TOO_MANY_SIGN_IN_FAILURES}); password checks run at most one per processor at once (503
 * {@code SIGN_IN_BUSY} when none frees up within 2 s); see {@link SignInThrottle}. {@code GET /api/v1/auth/me}
 * tells a token's holder who they are.
 */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {
    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    private final OperatorService operators;
    private final AccessRefreshTokenGenerator tokens;
    private final SignInFailures failures;
    private final SignInThrottle throttle;

    LoginController(OperatorService operators, AccessRefreshTokenGenerator tokens, SignInFailures failures,
                    SignInThrottle throttle) {
        this.operators = operators;
        this.tokens = tokens;
        this.failures = failures;
        this.throttle = throttle;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> login(HttpRequest<?> request, @Body LoginRequest body) {
        String username = body == null ? null : body.username();
        String client = request.getRemoteAddress().getAddress().getHostAddress();
        Duration locked = throttle.lockedFor(username, client);
        if (!locked.isZero()) {
            long seconds = Math.max(1, (locked.toMillis() + 999) / 1000);
            LOG.warn("Sign-in for user '{}' from {} refused: too many failed sign-ins, locked for {} s",
                    printable(username), client, seconds);
            return HttpResponse.<ApiError>status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(new ApiError("TOO_MANY_SIGN_IN_FAILURES",
                            "too many failed sign-ins; try again in " + seconds + " s"));
        }
        Optional<OperatorService.SignedIn> who;
        try {
            if (!throttle.acquireVerification()) {
                LOG.warn("Sign-in for user '{}' from {} refused: all password verifications busy",
                        printable(username), client);
                return busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy();
        }
        try {
            who = body == null ? Optional.empty() : operators.authenticate(username, body.password());
        } finally {
            throttle.releaseVerification();
        }
        if (who.isEmpty()) {
            throttle.failed(username, client);
            long count = failures.record();
            LOG.warn("Sign-in failed for user '{}' from {} ({} failed sign-ins since start)", printable(username),
                    client, count);
            return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                    .body(new ApiError("UNAUTHORIZED", "invalid user name or password"));
        }
        throttle.succeeded(username);
        OperatorService.SignedIn op = who.get();
        Optional<AccessRefreshToken> token = tokens.generate(Authentication.build(op.username(), op.roles(),
                Map.of(OperatorSessions.CLAIM, op.credentialsVersion())));
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

    private static HttpResponse<ApiError> busy() {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(new ApiError("SIGN_IN_BUSY", "too many sign-ins at once; try again shortly"));
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
