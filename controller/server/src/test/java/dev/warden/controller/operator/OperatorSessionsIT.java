package dev.warden.controller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.Api;
import dev.warden.controller.api.ConflictException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Verifies over real HTTP that a token stops working on the next request once its operator is disabled, deleted,
 * loses a role or changes password; that unchanged operators keep working; that repeated failed sign-ins are
 * locked out with 429; and that two concurrent changes can never remove the last enabled ADMIN.
 */
@MicronautTest(transactional = false)
class OperatorSessionsIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OperatorService operators;

    private Map<String, Object> operator(String username, List<String> roles, Boolean enabled, String password) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("roles", roles);
        body.put("enabled", enabled);
        body.put("password", password);
        return body;
    }

    @Test
    void disablingAnOperatorEndsTheirSessionAtOnce() {
        Api admin = Api.admin(client);
        Api guard = admin.newOperator(client, "s-disabled", Roles.GUARD);
        assertThat(guard.list("/api/v1/doors")).isNotNull();

        admin.put("/api/v1/operators/s-disabled", operator("s-disabled", null, false, null), Map.class);

        assertThat(guard.fails(() -> guard.list("/api/v1/doors")).status()).isEqualTo(401);
    }

    @Test
    void removingARoleEndsTheSession() {
        Api admin = Api.admin(client);
        Api both = admin.newOperator(client, "s-roles", Roles.HR, Roles.GUARD);
        both.post("/api/v1/people", Map.of("id", "p-s-roles", "displayName", "P", "kind", "EMPLOYEE"), Map.class);

        admin.put("/api/v1/operators/s-roles", operator("s-roles", List.of(Roles.GUARD), null, null), Map.class);

        int status = both.fails(() -> both.post("/api/v1/people",
                Map.of("id", "p-s-roles-2", "displayName", "P", "kind", "EMPLOYEE"), Map.class)).status();
        assertThat(status).isIn(401, 403);
        assertThat(both.fails(() -> both.list("/api/v1/doors")).status()).as("the whole token is gone").isEqualTo(401);
        Api again = Api.as(client, "s-roles", "password-of-s-roles");
        assertThat(again.list("/api/v1/doors")).as("a new sign-in gets the new roles").isNotNull();
    }

    @Test
    void deletionAndPasswordChangeEndTheSession() {
        Api admin = Api.admin(client);
        Api deleted = admin.newOperator(client, "s-deleted", Roles.GUARD);
        Api moved = admin.newOperator(client, "s-password", Roles.GUARD);
        admin.delete("/api/v1/operators/s-deleted");
        admin.put("/api/v1/operators/s-password", operator("s-password", null, null, "a-brand-new-password"),
                Map.class);

        assertThat(deleted.fails(() -> deleted.list("/api/v1/doors")).status()).isEqualTo(401);
        assertThat(moved.fails(() -> moved.list("/api/v1/doors")).status()).isEqualTo(401);
    }

    @Test
    void unchangedOperatorsKeepWorking() {
        Api admin = Api.admin(client);
        Api guard = admin.newOperator(client, "s-steady", Roles.GUARD);
        admin.newOperator(client, "s-other", Roles.GUARD);
        admin.put("/api/v1/operators/s-other", operator("s-other", null, false, null), Map.class);
        admin.put("/api/v1/operators/s-steady", operator("s-steady", List.of(Roles.GUARD), true, null), Map.class);

        for (int i = 0; i < 5; i++) {
            assertThat(guard.list("/api/v1/doors")).isNotNull();
        }
        assertThat(admin.list("/api/v1/operators")).isNotEmpty();
    }

    @Test
    void repeatedFailuresAreLockedOutWith429() {
        Api admin = Api.admin(client);
        admin.newOperator(client, "s-guessed", Roles.GUARD);
        for (int i = 0; i < SignInThrottle.FREE_PER_USER; i++) {
            assertThat(signIn("s-guessed", "wrong-password-" + i)).isEqualTo(401);
        }
        HttpClientResponseException locked = signInError("s-guessed", "password-of-s-guessed");
        assertThat(locked.getStatus().getCode()).as("even the right password waits").isEqualTo(429);
        assertThat(locked.getResponse().getHeaders().get("Retry-After")).isNotBlank();
        assertThat(locked.getResponse().getBody(dev.warden.controller.api.ApiError.class).orElseThrow().error())
                .isEqualTo("TOO_MANY_SIGN_IN_FAILURES");
        assertThat(signIn("admin", Api.ADMIN_PASSWORD)).as("another user name is not locked").isEqualTo(200);
    }

    /** Verifies that the "keep one enabled ADMIN" rule holds when two changes race (rows locked before the check). */
    @Test
    void concurrentChangesNeverRemoveTheLastAdmin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String a = "race-a" + round;
                String b = "race-b" + round;
                operators.create(new OperatorInput(a, "password-of-race-a", List.of(Roles.ADMIN), true));
                operators.create(new OperatorInput(b, "password-of-race-b", List.of(Roles.ADMIN), true));
                operators.update("admin", new OperatorInput("admin", null, List.of(Roles.GUARD), null));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> results = new ArrayList<>();
                for (String victim : List.of(a, b)) {
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            operators.delete(victim);
                            return true;
                        } catch (ConflictException e) {
                            return false;
                        }
                    }));
                }
                int deleted = 0;
                for (Future<Boolean> f : results) {
                    deleted += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(deleted).as("round %d", round).isEqualTo(1);
                long admins = operators.list().stream()
                        .filter(o -> o.enabled() && o.roles().contains(Roles.ADMIN)).count();
                assertThat(admins).isEqualTo(1);
                operators.update("admin", new OperatorInput("admin", null, List.of(Roles.ADMIN), null));
                operators.list().stream().map(OperatorDto::username).filter(u -> u.startsWith("race-"))
                        .forEach(operators::delete);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int signIn(String username, String password) {
        try {
            return client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/login",
                    Map.of("username", username, "password", password))).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private HttpClientResponseException signInError(String username, String password) {
        try {
            client.toBlocking().exchange(HttpRequest.POST("/api/v1/auth/login",
                    Map.of("username", username, "password", password)));
            throw new AssertionError("sign-in should have failed");
        } catch (HttpClientResponseException e) {
            return e;
        }
    }
}
