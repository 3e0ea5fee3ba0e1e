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

    private DemoSiteRunner(Path tmp, boolean serial) throws Exception {
        int mqttPort = freePort();
        demo = tmp.resolve("demo");
        controller = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "warden.data-dir", tmp.resolve("data").toString(),
                "warden.demo.dir", demo.toString(),
                "warden.demo.mqtt-uri", "tcp://127.0.0.1:" + mqttPort,
                "warden.mqtt.embedded.port", mqttPort));
        EdgeAgent startedAgent = null;
        Simulator startedSim = null;
        try {
            AgentConfig loaded = AgentConfigLoader.load(demo.resolve("agent.yaml"));
            // a cold JVM on a loaded 2-core machine can take longer than the production deadline for its first decisions
            startedAgent = EdgeAgent.start(new AgentConfig(loaded.agentId(), loaded.mqtt(), Duration.ofSeconds(5),
                    tmp.resolve("agent"), loaded.doors(), serial ? loaded.serialBuses() : List.of()));
            SimConfig c = SimConfigLoader.load(demo.resolve("sim.yaml"));
            startedSim = Simulator.start(new SimConfig(c.brokerUri(), c.seed(), 0.0, c.devices(), c.standaloneReaders(),
                    c.cards(), c.dataDir(), serial ? c.serialBuses() : List.of()));
            EdgeAgent a = startedAgent;
            Simulator s = startedSim;
            await().atMost(Duration.ofSeconds(60)).until(() -> a.isConnected() && s.ready());
            token = signIn(Files.readString(demo.resolve("credentials.txt")));
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
        return new DemoSiteRunner(tmp, serial);
    }

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
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private String signIn(String credentialsFile) throws Exception {
        Matcher m = Pattern.compile("(?m)^admin\\s+(\\S+)").matcher(credentialsFile);
        assertThat(m.find()).as("admin line in credentials.txt").isTrue();
        String body = json.writeValueAsString(Map.of("username", "admin", "password", m.group(1)));
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
