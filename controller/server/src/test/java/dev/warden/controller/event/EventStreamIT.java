package dev.warden.controller.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.controller.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Verifies the live SSE stream: bearer-authenticated, one "access" event per stored event, heartbeat comments. */
@MicronautTest(transactional = false)
@Property(name = "warden.events.heartbeat", value = "500ms")
class EventStreamIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    EventWriter writer;

    @Inject
    EventBroadcaster broadcaster;

    @Test
    void storedEventsArriveOnTheStream() throws Exception {
        Api admin = Api.admin(client);
        List<String> lines = new CopyOnWriteArrayList<>();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + server.getPort() + "/api/v1/events/stream"))
                    .header("Authorization", "Bearer " + admin.token())
                    .header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("text/event-stream");
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (Exception closed) {
                    // the test closed the stream
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.subscribers() > 0);

            writer.submit(new AccessEventRow(null, Instant.parse("2026-05-04T10:00:00Z"), "ACCESS", "S-door",
                    "S-rdr", "IN", "S-p", "S-c", "H10301 12:4567", "GRANT", "GRANTED", "MQTT_READER", null, null,
                    null));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("S-rdr")));
            int data = indexOf(lines, "S-rdr");
            assertThat(lines.subList(0, data)).contains("event: access");
            assertThat(lines.get(data)).contains("\"card\":\"H10301 12:4567\"").contains("\"decision\":\"GRANT\"")
                    .contains("\"reasonText\":\"Access granted\"");
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(": heartbeat"));
            response.body().close();
            reader.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void streamNeedsAToken() throws Exception {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.getPort() + "/api/v1/events/stream"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("data:") && lines.get(i).contains(needle)) {
                return i;
            }
        }
        return -1;
    }
}
