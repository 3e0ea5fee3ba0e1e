package dev.warden.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.controller.api.ApiError;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.Map;

/** Test helper: signs in and calls the REST API as an operator. */
public final class Api {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-1";

    private final BlockingHttpClient http;
    private final String token;

    private Api(BlockingHttpClient http, String token) {
        this.http = http;
        this.token = token;
    }

    public static Api admin(HttpClient client) {
        return as(client, ADMIN, ADMIN_PASSWORD);
    }

    @SuppressWarnings("unchecked")
    public static Api as(HttpClient client, String username, String password) {
        BlockingHttpClient http = client.toBlocking();
        Map<String, Object> body = http.retrieve(
                HttpRequest.POST("/api/v1/auth/login", Map.of("username", username, "password", password)),
                Map.class);
        return new Api(http, (String) body.get("access_token"));
    }

    /** Creates an operator with the given roles (as admin) and signs in as them. */
    public Api newOperator(HttpClient client, String username, String... roles) {
        String password = "password-of-" + username;
        post("/api/v1/operators", Map.of("username", username, "password", password, "roles", List.of(roles)),
                Map.class);
        return as(client, username, password);
    }

    public String token() {
        return token;
    }

    public <T> T get(String path, Class<T> type) {
        return http.retrieve(auth(HttpRequest.GET(path)), type);
    }

    /** GET of a JSON array, as maps. */
    public List<Map<String, Object>> list(String path) {
        return http.retrieve(auth(HttpRequest.GET(path)), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    /** GET of a JSON object, as a map. */
    public Map<String, Object> map(String path) {
        return http.retrieve(auth(HttpRequest.GET(path)), Argument.mapOf(String.class, Object.class));
    }

    public <T> T get(String path, Argument<T> type) {
        return http.retrieve(auth(HttpRequest.GET(path)), type);
    }

    public <T> T post(String path, Object body, Class<T> type) {
        HttpResponse<T> response = http.exchange(auth(HttpRequest.POST(path, body)), type);
        assertThat(response.getStatus().getCode()).isEqualTo(201);
        return response.body();
    }

    /** POST that must answer 201; the created resource as a map. */
    public Map<String, Object> create(String path, Object body) {
        HttpResponse<Map<String, Object>> response = http.exchange(auth(HttpRequest.POST(path, body)),
                Argument.mapOf(String.class, Object.class));
        assertThat(response.getStatus().getCode()).isEqualTo(201);
        return response.body();
    }

    /** POST of an action on a resource (e.g. {@code /revoke}) that must answer 200; the result as a map. */
    public Map<String, Object> action(String path) {
        HttpResponse<Map<String, Object>> response = http.exchange(auth(HttpRequest.POST(path, Map.of())),
                Argument.mapOf(String.class, Object.class));
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        return response.body();
    }

    public <T> T put(String path, Object body, Class<T> type) {
        return http.retrieve(auth(HttpRequest.PUT(path, body)), type);
    }

    public void delete(String path) {
        HttpResponse<?> response = http.exchange(auth(HttpRequest.DELETE(path)));
        assertThat(response.getStatus().getCode()).isEqualTo(204);
    }

    /** Runs a call that must fail; returns the failure's status and error body. */
    public Failure fails(Runnable call) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, call::run);
        assertThat(e).as("the call should have failed").isNotNull();
        ApiError error = e.getResponse().getBody(ApiError.class).orElse(null);
        return new Failure(e.getStatus().getCode(), error);
    }

    public record Failure(int status, ApiError error) {}

    private <B> MutableHttpRequest<B> auth(MutableHttpRequest<B> request) {
        return request.bearerAuth(token);
    }
}
