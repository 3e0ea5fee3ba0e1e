package dev.warden.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.agent.EdgeAgent;
import dev.warden.agent.config.AgentConfig;
import dev.warden.agent.config.AgentConfigLoader;
import dev.warden.sim.Simulator;
import dev.warden.sim.config.SimConfig;
import dev.warden.sim.config.SimConfigLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo site with every real part in one JVM: the controller (embedded HiveMQ with device accounts, H2 file,
 * demo seeding), the edge agent from the generated agent.yaml and the simulator from the generated sim.yaml (walker
 * off), plus the REST calls the system tests check results with. With {@code serial} the agent's serial buses and the
 * simulator's pseudo-terminal devices run too; without, only the MQTT devices.
 */
final class DemoSiteRunner implements AutoCloseable {

    final EmbeddedServer controller;
    final EdgeAgent agent;
    final Simulator sim;
    final Path demo;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String token;

    private DemoSiteRunner(Path tmp, boolean serial, Map<String, Object> settings) throws Exception {
        int mqttPort = freePort();
        demo = tmp.resolve("demo");
        Map<String, Object> properties = new java.util.HashMap<>(settings);
        properties.putAll(Map.of(
                "micronaut.server.port", -1,
                "warden.data-dir", tmp.resolve("data").toString(),
                "warden.demo.dir", demo.toString(),
                "warden.demo.mqtt-uri", "tcp://127.0.0.1:" + mqttPort,
                "warden.mqtt.embedded.port", mqttPort));
        controller = ApplicationContext.run(EmbeddedServer.class, properties);
        EdgeAgent startedAgent = null;
        Simulator startedSim = null;
        try {
            AgentConfig loaded = AgentConfigLoader.load(demo.resolve("agent.yaml"));
            // a cold JVM on a loaded 2-core machine can take longer than the production deadline for its first decisions
            startedAgent = EdgeAgent.start(new AgentConfig(loaded.agentId(), loaded.mqtt(), Duration.ofSeconds(5),
                    tmp.resolve("agent"), loaded.doors(), serial ? loaded.serialBuses() : List.of()));
            SimConfig c = SimConfigLoader.load(demo.resolve("sim.yaml")).withRate(0.0);
            startedSim = Simulator.start(serial ? c : c.withoutSerialBuses());
            EdgeAgent a = startedAgent;
            Simulator s = startedSim;
            await().atMost(Duration.ofSeconds(60)).until(() -> a.isConnected() && s.ready());
            token = signIn("admin");
        } catch (Exception | Error e) {
            if (startedSim != null) {
                startedSim.stop();
            }
            if (startedAgent != null) {
                startedAgent.close();
            }
            controller.close();
            throw e;
        }
        agent = startedAgent;
        sim = startedSim;
    }

    static DemoSiteRunner start(Path tmp, boolean serial) throws Exception {
        return new DemoSiteRunner(tmp, serial, Map.of());
    }

    /** With extra controller settings, e.g. {@code warden.alarms.held-open}. */
    static DemoSiteRunner start(Path tmp, boolean serial, Map<String, Object> settings) throws Exception {
        return new DemoSiteRunner(tmp, serial, settings);
    }

    /** An answer of the REST API: status and JSON body (null when there is none). */
    record Answer(int status, JsonNode body) {}

    JsonNode events(String query) throws IOException, InterruptedException {
        return get("/api/v1/events?size=100&" + query);
    }

    long count(String query) throws IOException, InterruptedException {
        return events(query).get("total").asLong();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api(path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** POSTs JSON as the demo's admin; returns the status code. */
    int post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        return send("POST", path, body, token).status();
    }

    /** GETs as another operator (a token from {@link #signIn}). */
    Answer get(String path, String operatorToken) throws IOException, InterruptedException {
        return send("GET", path, null, operatorToken);
    }

    /** Sends JSON ({@code body} a map, a {@link JsonNode} or null) as the operator whose token is given. */
    Answer send(String method, String path, Object body, String operatorToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + operatorToken);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Answer(response.statusCode(), text == null || text.isBlank() ? null : json.readTree(text));
    }

    /** Sends JSON as the demo's admin and expects a 2xx answer. */
    JsonNode write(String method, String path, Object body) throws IOException, InterruptedException {
        Answer answer = send(method, path, body, token);
        assertThat(answer.status()).as("%s %s: %s", method, path, answer.body()).isBetween(200, 299);
        return answer.body();
    }

    /** The admin's token. */
    String adminToken() {
        return token;
    }

    /** Signs in as one of the demo's operators (admin, supervisor, guard); returns the bearer token. */
    String signIn(String username) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + username + "\\s+(\\S+)").matcher(Files.readString(demo.resolve("credentials.txt")));
        assertThat(m.find()).as(username + " line in credentials.txt").isTrue();
        String body = json.writeValueAsString(Map.of("username", username, "password", m.group(1)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api("/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).get("access_token").asText();
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + controller.getPort() + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        sim.stop();
        agent.close();
        controller.close();
    }
}
