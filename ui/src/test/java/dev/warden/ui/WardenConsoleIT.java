package dev.warden.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.ui.client.ControllerClient;
import dev.warden.ui.client.http.HttpControllerClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Verifies that the whole application starts with Spring on a random port in production mode (the prebuilt
 * frontend bundle, no Node) and serves the console's pages, with no controller running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "warden.controller.url=http://127.0.0.1:9")
class WardenConsoleIT {

    @LocalServerPort
    private int port;

    @Autowired
    private ControllerClient controller;

    @Test
    void startsAndServesTheSignInPageFromTheProductionBundle() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("<!doctype html").contains("VAADIN/build/");
        }
        assertThat(controller).isInstanceOf(HttpControllerClient.class);
    }
}
