package dev.warden.ui.client.http;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.warden.ui.client.AccessToken;
import dev.warden.ui.client.ControllerUnavailableException;
import dev.warden.ui.client.Decision;
import dev.warden.ui.client.DoorState;
import dev.warden.ui.client.DoorView;
import dev.warden.ui.client.EventPage;
import dev.warden.ui.client.EventSubscription;
import dev.warden.ui.client.EventView;
import dev.warden.ui.client.SessionRefusedException;
import dev.warden.ui.client.SignInResult;
import dev.warden.ui.client.StreamState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the HTTP client against a real HTTP server on a random port that answers in the controller's
 * contract: sign-in, events, doors, and a live Server-Sent Events stream that drops and comes back.
 */
class HttpControllerClientIT {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30Z");
    private static final AccessToken TOKEN = new AccessToken("token-for-alice");
    private static final String EVENT_1 = """
            {"id":1,"occurredAt":"2026-11-23T10:15:30.123Z","kind":"ACCESS","doorId":"door-7","doorName":"Server room 1",
             "personName":"Ada Lovelace","card":"H10301 12:4567","decision":"GRANT","source":"MQTT_READER"}""";
    private static final String EVENT_2 = """
            {"id":2,"occurredAt":"2026-11-23T10:15:31Z","kind":"ACCESS","doorName":"Loading dock","decision":"DENY",
             "reason":"OUTSIDE_SCHEDULE","reasonText":"Outside the access schedule","futureField":{"x":1}}""";

    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, List<Map<String, String>>> requests = new ConcurrentHashMap<>();
    private HttpServer server;
    private HttpControllerClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        if (client != null) {
            client.close();
        }
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void signInSendsTheCredentialsAsJsonAndKeepsTokenRolesAndExpiry() {
        AtomicInteger calls = new AtomicInteger();
        List<String> bodies = new CopyOnWriteArrayList<>();
        serve("/api/v1/auth/login", exchange -> {
            calls.incrementAndGet();
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            json(exchange, 200, """
                    {"username":"alice","roles":["GUARD","SUPERVISOR"],"access_token":"abc.def.ghi",
                     "token_type":"Bearer","expires_in":3600}""");
        });

        SignInResult result = client(Clock.fixed(T0, ZoneOffset.UTC)).signIn("alice", "correct horse");

        assertThat(result).isInstanceOfSatisfying(SignInResult.Accepted.class, accepted -> {
            assertThat(accepted.operator().username()).isEqualTo("alice");
            assertThat(accepted.operator().roles()).containsExactly("GUARD", "SUPERVISOR");
            assertThat(accepted.operator().token().value()).isEqualTo("abc.def.ghi");
            assertThat(accepted.operator().expiresAt()).isEqualTo(T0.plusSeconds(3600));
            assertThat(accepted.operator().toString()).doesNotContain("abc.def.ghi");
        });
        assertThat(calls).hasValue(1);
        assertThat(bodies.getFirst()).contains("\"username\":\"alice\"", "\"password\":\"correct horse\"");
        assertThat(requests.get("/api/v1/auth/login").getFirst())
                .containsEntry("Content-Type", "application/json")
                .doesNotContainKey("Authorization");
    }

    @Test
    void aRefusedSignInIsRefusedAndAFailingControllerIsUnavailable() {
        AtomicInteger calls = new AtomicInteger();
        serve("/api/v1/auth/login", exchange -> {
            switch (calls.incrementAndGet()) {
                case 1 -> json(exchange, 401, "{\"error\":\"bad credentials\"}");
                case 2 -> json(exchange, 503, "{}");
                default -> json(exchange, 200, "{\"username\":\"alice\",\"roles\":[]}");
            }
        });
        HttpControllerClient client = client(Clock.systemUTC());

        assertThat(client.signIn("alice", "wrong")).isEqualTo(new SignInResult.Refused());
        assertThat(client.signIn("alice", "pw")).isInstanceOfSatisfying(SignInResult.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("HTTP 503"));
        assertThat(client.signIn("alice", "pw")).isInstanceOfSatisfying(SignInResult.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("no access token"));
    }

    @Test
    void aControllerThatIsNotThereIsUnavailableWithItsAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        try (HttpControllerClient absent = new HttpControllerClient(ControllerConnection.to(nowhere), Clock.systemUTC())) {
            assertThat(absent.signIn("alice", "pw")).isInstanceOfSatisfying(SignInResult.Unavailable.class,
                    unavailable -> assertThat(unavailable.reason()).contains(nowhere.toString(), "cannot be reached"));
            assertThatThrownBy(() -> absent.doors(TOKEN)).isInstanceOf(ControllerUnavailableException.class);
        }
    }

    @Test
    void recentEventsAsksForTheNewestPageWithTheBearerToken() {
        serve("/api/v1/events", exchange -> json(exchange, 200,
                "{\"items\":[" + EVENT_2 + "," + EVENT_1 + "],\"page\":0,\"size\":100,\"total\":1234}"));

        EventPage page = client(Clock.systemUTC()).recentEvents(TOKEN, 100);

        assertThat(page.items()).extracting(EventView::id).containsExactly(2L, 1L);
        assertThat(page.items().getFirst().reasonText()).isEqualTo("Outside the access schedule");
        assertThat(page.items().get(1).decision()).isEqualTo(Decision.GRANT);
        assertThat(page.total()).isEqualTo(1234);
        Map<String, String> request = requests.get("/api/v1/events").getFirst();
        assertThat(request).containsEntry("Authorization", "Bearer token-for-alice")
                .containsEntry("query", "size=100&page=0");
    }

    @Test
    void doorsAreReadAndARefusedTokenOrABrokenAnswerAreTold() {
        AtomicInteger calls = new AtomicInteger();
        serve("/api/v1/doors", exchange -> {
            switch (calls.incrementAndGet()) {
                case 1 -> json(exchange, 200, """
                        [{"id":"door-7","name":"Server room 1","areaId":"a-1","kind":"DOOR","state":"OPEN",
                          "agentId":"agent-1","agentOnline":true,"lastChange":"2026-11-23T10:15:30Z"}]""");
                case 2 -> json(exchange, 401, "{}");
                case 3 -> json(exchange, 500, "{}");
                default -> json(exchange, 200, "[{\"id\":");
            }
        });
        HttpControllerClient client = client(Clock.systemUTC());

        List<DoorView> doors = client.doors(TOKEN);
        assertThat(doors).singleElement().satisfies(door -> {
            assertThat(door.state()).isEqualTo(DoorState.OPEN);
            assertThat(door.agentOnline()).isTrue();
            assertThat(door.lastChange()).isEqualTo(T0);
        });
        assertThatThrownBy(() -> client.doors(TOKEN)).isInstanceOf(SessionRefusedException.class);
        assertThatThrownBy(() -> client.doors(TOKEN)).isInstanceOf(ControllerUnavailableException.class)
                .hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> client.doors(TOKEN)).isInstanceOf(ControllerUnavailableException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void theStreamDeliversEventsAcrossADroppedConnection() {
        AtomicInteger connections = new AtomicInteger();
        serve("/api/v1/events/stream", exchange -> {
            int connection = connections.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            if (connection == 1) {
                send(body, ": heartbeat\n\nid: 1\nevent: access\ndata: " + oneLine(EVENT_1) + "\n\n");
                exchange.close();
            } else {
                send(body, ": heartbeat\n\nevent: access\ndata: " + oneLine(EVENT_2) + "\n\n");
                awaitRelease();
            }
        });
        List<EventView> received = new CopyOnWriteArrayList<>();
        List<StreamState> states = new CopyOnWriteArrayList<>();

        try (EventSubscription ignored = client(Clock.systemUTC()).streamEvents(TOKEN, received::add, states::add)) {
            await().atMost(10, SECONDS).until(() -> received.size() == 2);

            assertThat(received).extracting(EventView::id).containsExactly(1L, 2L);
            assertThat(received.get(1).reasonText()).isEqualTo("Outside the access schedule");
            assertThat(states).containsExactly(StreamState.CONNECTING, StreamState.LIVE, StreamState.RECONNECTING,
                    StreamState.LIVE);
            List<Map<String, String>> seen = requests.get("/api/v1/events/stream");
            assertThat(seen).hasSize(2).allSatisfy(request -> assertThat(request)
                    .containsEntry("Authorization", "Bearer token-for-alice")
                    .containsEntry("Accept", "text/event-stream"));
            assertThat(seen.get(1)).as("the reconnect resumes after the last id").containsEntry("Last-Event-ID", "1");
        }
    }

    @Test
    void anUnreadableLiveEventIsCountedAndSkipped() {
        serve("/api/v1/events/stream", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            send(exchange.getResponseBody(), "event: access\ndata: {not json\n\n"
                    + "event: access\ndata: {\"id\":9,\"kind\":\"ACCESS\"}\n\n"
                    + "event: alarm\ndata: {\"anything\":1}\n\n"
                    + "event: access\ndata: " + oneLine(EVENT_2) + "\n\n");
            awaitRelease();
        });
        List<EventView> received = new CopyOnWriteArrayList<>();
        HttpControllerClient client = client(Clock.systemUTC());

        try (EventSubscription ignored = client.streamEvents(TOKEN, received::add, state -> { })) {
            await().atMost(10, SECONDS).until(() -> received.size() == 1);

            assertThat(received.getFirst().id()).isEqualTo(2);
            assertThat(client.rejectedEvents()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedTokenStopsTheStreamForGood() {
        AtomicInteger connections = new AtomicInteger();
        serve("/api/v1/events/stream", exchange -> {
            connections.incrementAndGet();
            json(exchange, 401, "{}");
        });
        List<StreamState> states = new CopyOnWriteArrayList<>();

        try (EventSubscription ignored = client(Clock.systemUTC()).streamEvents(TOKEN, event -> { }, states::add)) {
            await().atMost(10, SECONDS).until(() -> states.contains(StreamState.REFUSED));
            await().during(Duration.ofMillis(400)).atMost(2, SECONDS).until(() -> connections.get() == 1);
            assertThat(states).containsExactly(StreamState.CONNECTING, StreamState.REFUSED);
        }
    }

    @Test
    void aSilentStreamIsTreatedAsDeadAndReopened() {
        AtomicInteger connections = new AtomicInteger();
        serve("/api/v1/events/stream", exchange -> {
            int connection = connections.incrementAndGet();
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().flush();
            if (connection > 1) {
                send(exchange.getResponseBody(), "event: access\ndata: " + oneLine(EVENT_1) + "\n\n");
            }
            awaitRelease();
        });
        List<EventView> received = new CopyOnWriteArrayList<>();
        ControllerConnection impatient = new ControllerConnection(baseUrl(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMillis(200));
        client = new HttpControllerClient(impatient, Clock.systemUTC());

        try (EventSubscription ignored = client.streamEvents(TOKEN, received::add, state -> { })) {
            await().atMost(10, SECONDS).until(() -> received.size() == 1);
            assertThat(connections.get()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void closingTheSubscriptionStopsReconnecting() {
        AtomicInteger connections = new AtomicInteger();
        serve("/api/v1/events/stream", exchange -> {
            connections.incrementAndGet();
            json(exchange, 503, "{}");
        });
        List<StreamState> states = new CopyOnWriteArrayList<>();
        EventSubscription subscription = client(Clock.systemUTC()).streamEvents(TOKEN, event -> { }, states::add);
        await().atMost(10, SECONDS).until(() -> connections.get() >= 2);

        subscription.close();
        int afterClose = connections.get();

        await().during(Duration.ofMillis(500)).atMost(2, SECONDS)
                .until(() -> connections.get() <= afterClose + 1);
        assertThat(states).doesNotContain(StreamState.LIVE);
    }

    private HttpControllerClient client(Clock clock) {
        ControllerConnection connection = new ControllerConnection(baseUrl(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofMillis(200));
        client = new HttpControllerClient(connection, clock);
        return client;
    }

    private URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code path}, recording each request's interesting headers and query first. */
    private void serve(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            Map<String, String> seen = new ConcurrentHashMap<>();
            for (String header : List.of("Authorization", "Accept", "Content-Type", "Last-Event-ID")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    seen.put(header, value);
                }
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                seen.put("query", query);
            }
            requests.computeIfAbsent(exchange.getRequestURI().getPath(), key -> new CopyOnWriteArrayList<>())
                    .add(seen);
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
    }

    private void awaitRelease() {
        try {
            release.await(30, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void send(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static String oneLine(String json) {
        return json.replace("\n", "");
    }
}
