package dev.warden.ui.client.http;

import dev.warden.ui.client.AccessToken;
import dev.warden.ui.client.ControllerClient;
import dev.warden.ui.client.ControllerUnavailableException;
import dev.warden.ui.client.DoorView;
import dev.warden.ui.client.EventPage;
import dev.warden.ui.client.EventSubscription;
import dev.warden.ui.client.EventView;
import dev.warden.ui.client.Operator;
import dev.warden.ui.client.SessionRefusedException;
import dev.warden.ui.client.SignInResult;
import dev.warden.ui.client.StreamState;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ControllerClient} over the controller's REST API (java.net.http, HTTP/1.1, JSON with Jackson 3).
 *
 * <p>Unknown JSON fields are ignored and unknown enum values read as null, so the controller may grow its
 * answers without breaking the console. A live event whose JSON cannot be read is logged and counted
 * ({@link #rejectedEvents()}), never passed on. Close the client to stop its watchdog thread.
 */
public final class HttpControllerClient implements ControllerClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpControllerClient.class);
    private static final String JSON = "application/json";

    private final ControllerConnection connection;
    private final Clock clock;
    private final HttpClient http;
    private final ControllerJson json;
    private final ScheduledExecutorService watchdog;
    private final AtomicLong rejectedEvents = new AtomicLong();
    private final AtomicLong streamNumbers = new AtomicLong();

    public HttpControllerClient(ControllerConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connection.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = new ControllerJson();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("warden-event-stream-watchdog").factory());
    }

    @Override
    public SignInResult signIn(String username, String password) {
        String body = json.signInRequest(username, password);
        HttpRequest request = HttpRequest.newBuilder(connection.resolve("/api/v1/auth/login"))
                .timeout(connection.requestTimeout())
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (ControllerUnavailableException e) {
            return new SignInResult.Unavailable(e.getMessage());
        }
        return switch (response.statusCode()) {
            case 200 -> readSignIn(response.body(), username);
            case 401, 403 -> new SignInResult.Refused();
            default -> new SignInResult.Unavailable(
                    "the controller answered HTTP " + response.statusCode() + " to the sign-in");
        };
    }

    @Override
    public EventPage recentEvents(AccessToken token, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        return get(token, "/api/v1/events?size=" + size + "&page=0", EventPage.class);
    }

    @Override
    public List<DoorView> doors(AccessToken token) {
        return List.of(get(token, "/api/v1/doors", DoorView[].class));
    }

    @Override
    public EventSubscription streamEvents(AccessToken token, Consumer<EventView> onEvent,
            Consumer<StreamState> onState) {
        EventStreamConnection stream = new EventStreamConnection(this, token, onEvent, onState);
        stream.start("warden-event-stream-" + streamNumbers.incrementAndGet());
        return stream;
    }

    /** How many live events were dropped because their JSON could not be read. */
    public long rejectedEvents() {
        return rejectedEvents.get();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.close();
    }

    ControllerConnection connection() {
        return connection;
    }

    Clock clock() {
        return clock;
    }

    HttpClient http() {
        return http;
    }

    ScheduledExecutorService watchdog() {
        return watchdog;
    }

    /** Reads one live event's JSON; a frame that is not a valid event is logged, counted and skipped. */
    Optional<EventView> readEvent(String data) {
        try {
            return Optional.of(json.event(data));
        } catch (IllegalArgumentException e) {
            long count = rejectedEvents.incrementAndGet();
            LOG.warn("Dropped a live event the console cannot read ({} so far): {}", count, e.getMessage());
            return Optional.empty();
        }
    }

    private <T> T get(AccessToken token, String pathAndQuery, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(connection.resolve(pathAndQuery))
                .timeout(connection.requestTimeout())
                .header("Accept", JSON)
                .header("Authorization", token.bearerHeader())
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        String what = "GET " + request.uri().getPath();
        switch (response.statusCode()) {
            case 200 -> {
                try {
                    return json.read(response.body(), type);
                } catch (IllegalArgumentException e) {
                    LOG.warn("The controller's answer to {} cannot be read: {}", what, e.getMessage());
                    throw new ControllerUnavailableException(
                            "the controller's answer to " + what + " cannot be read", e);
                }
            }
            case 401, 403 -> throw new SessionRefusedException(
                    "the controller refused the session (HTTP " + response.statusCode() + " to " + what + ")");
            default -> throw new ControllerUnavailableException(
                    "the controller answered HTTP " + response.statusCode() + " to " + what);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        String what = request.method() + " " + request.uri().getPath();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("{} to the controller at {} failed: {}", what, connection.baseUrl(), describe(e));
            throw new ControllerUnavailableException(
                    "the controller at " + connection.baseUrl() + " cannot be reached (" + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ControllerUnavailableException(what + " was interrupted", e);
        }
    }

    private SignInResult readSignIn(String body, String typedUsername) {
        ControllerJson.SignInAnswer answer;
        try {
            answer = json.read(body, ControllerJson.SignInAnswer.class);
        } catch (IllegalArgumentException e) {
            LOG.warn("The controller's sign-in answer cannot be read: {}", e.getMessage());
            return new SignInResult.Unavailable("the controller's sign-in answer cannot be read");
        }
        if (answer.accessToken() == null || answer.accessToken().isBlank()) {
            return new SignInResult.Unavailable("the controller's sign-in answer carries no access token");
        }
        if (answer.tokenType() != null && !answer.tokenType().equalsIgnoreCase("Bearer")) {
            return new SignInResult.Unavailable(
                    "the controller issued a token of type " + answer.tokenType() + ", not Bearer");
        }
        if (answer.expiresIn() == null || answer.expiresIn() <= 0) {
            return new SignInResult.Unavailable("the controller's sign-in answer does not say when the token expires");
        }
        String username = answer.username() == null || answer.username().isBlank() ? typedUsername : answer.username();
        List<String> roles = answer.roles() == null ? List.of() : answer.roles();
        return new SignInResult.Accepted(new Operator(username, roles, new AccessToken(answer.accessToken()),
                clock.instant().plusSeconds(answer.expiresIn())));
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
