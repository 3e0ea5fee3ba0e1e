package dev.warden.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.Api;
import dev.warden.controller.api.ApiError;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verifies sign-in, bearer-token authentication and role checks over real HTTP. */
@MicronautTest(transactional = false)
class AuthIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SignInFailures failures;

    @Test
    void bootstrapAdminSignsInAndGetsABearerToken() {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/login",
                Map.of("username", Api.ADMIN, "password", Api.ADMIN_PASSWORD)), Argument.mapOf(String.class, Object.class));

        assertThat(body).containsEntry("username", "admin").containsEntry("token_type", "Bearer")
                .containsEntry("roles", List.of("ADMIN"));
        assertThat((String) body.get("access_token")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(((Number) body.get("expires_in")).intValue()).isPositive();

        Api admin = Api.admin(client);
        assertThat(admin.get("/api/v1/auth/me", Map.class)).containsEntry("username", "admin");
    }

    @Test
    void wrongPasswordIs401AndCounted() {
        long before = failures.count();
        Api.Failure f = Api.admin(client).fails(() -> client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/auth/login", Map.of("username", "admin", "password", "not-the-password"))));

        assertThat(f.status()).isEqualTo(401);
        assertThat(f.error()).isEqualTo(new ApiError("UNAUTHORIZED", "invalid user name or password"));
        assertThat(failures.count()).isEqualTo(before + 1);
    }

    @Test
    void unknownUserIsAlso401() {
        Api.Failure f = Api.admin(client).fails(() -> client.toBlocking().exchange(HttpRequest.POST(
                "/api/v1/auth/login", Map.of("username", "nobody", "password", "whatever-it-is-123"))));
        assertThat(f.status()).isEqualTo(401);
    }

    @Test
    void missingOrForgedTokenIs401() {
        Api admin = Api.admin(client);
        Api.Failure noToken = admin.fails(() -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/doors")));
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.error().error()).isEqualTo("UNAUTHORIZED");
        String forged = admin.token().substring(0, admin.token().lastIndexOf('.') + 1) + "AAAA";
        assertThat(admin.fails(() -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/doors").bearerAuth(forged))).status())
                .isEqualTo(401);
    }

    @Test
    void roleWithoutWriteRightIsRefused403() {
        Api admin = Api.admin(client);
        Api guard = admin.newOperator(client, "guard-403", Roles.GUARD);

        assertThat(guard.list("/api/v1/sites")).isNotNull();
        Api.Failure f = guard.fails(() -> guard.post("/api/v1/sites",
                Map.of("id", "S-403", "name", "x", "timeZone", "UTC"), Map.class));
        assertThat(f.status()).isEqualTo(403);
        assertThat(guard.fails(() -> guard.list("/api/v1/operators")).status())
                .isEqualTo(403);
    }

    @Test
    void hrMayWritePeopleButNotDoors() {
        Api admin = Api.admin(client);
        Api hr = admin.newOperator(client, "hr-1", Roles.HR);

        hr.post("/api/v1/people", Map.of("id", "p-hr-1", "displayName", "Hired Person", "kind", "EMPLOYEE"), Map.class);
        assertThat(hr.fails(() -> hr.post("/api/v1/doors", Map.of("id", "d-hr"), Map.class)).status())
                .isEqualTo(403);
    }

    @Test
    void unknownRoutesAre404() {
        Api admin = Api.admin(client);
        Api.Failure f = admin.fails(() -> admin.map("/api/v1/no-such-thing"));
        assertThat(f.status()).isEqualTo(404);
        assertThat(f.error().error()).isEqualTo("NOT_FOUND");
    }

    @Test
    void healthIsOpenToEveryone() {
        Map<String, Object> health = client.toBlocking().retrieve(HttpRequest.GET("/health"),
                Argument.mapOf(String.class, Object.class));
        assertThat(health).isEqualTo(Map.of("status", "UP"));
    }

    /** Verifies that signed-in operators see the access index's health details (version), anonymous callers not. */
    @Test
    void healthDetailsAreForAuthenticatedCallers() {
        Api admin = Api.admin(client);
        Map<String, Object> health = admin.map("/health");
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.toString()).contains("accessIndex").contains("version");
    }

    @Test
    void operatorsAreManagedByAdminAndTheLastAdminStays() {
        Api admin = Api.admin(client);
        Api.Failure weak = admin.fails(() -> admin.post("/api/v1/operators",
                Map.of("username", "weak", "password", "short", "roles", List.of("GUARD")), Map.class));
        assertThat(weak.status()).isEqualTo(400);
        Api.Failure badRole = admin.fails(() -> admin.post("/api/v1/operators",
                Map.of("username", "weird", "password", "long-enough-password", "roles", List.of("KING")), Map.class));
        assertThat(badRole.error().message()).contains("unknown role");

        Api.Failure last = admin.fails(() -> admin.delete("/api/v1/operators/admin"));
        assertThat(last.status()).isEqualTo(409);
        List<?> listed = admin.list("/api/v1/operators");
        assertThat(listed.toString()).contains("admin").doesNotContain("passwordHash").doesNotContain("salt");
    }
}
