package dev.warden.ui.client.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the controller is and how patient to be with it.
 *
 * @param baseUrl           the controller's base URL, e.g. {@code http://127.0.0.1:8081} (a path prefix is kept)
 * @param connectTimeout    how long to wait for a TCP connection
 * @param requestTimeout    how long to wait for the answer's headers (for the stream: for the stream to open)
 * @param streamIdleTimeout how long the event stream may stay silent (no event, no heartbeat) before it is treated
 *                          as dead and reopened; the controller sends a heartbeat every 15 s
 * @param reconnectMin      the first backoff after the stream is lost; it doubles on each failure
 * @param reconnectMax      the longest backoff
 */
public record ControllerConnection(
        URI baseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration streamIdleTimeout,
        Duration reconnectMin,
        Duration reconnectMax) {

    public ControllerConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "warden.controller.url must be an http(s) URL such as http://127.0.0.1:8081, got " + baseUrl);
        }
        String text = baseUrl.toString();
        baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(streamIdleTimeout, "streamIdleTimeout");
        requirePositive(reconnectMin, "reconnectMin");
        requirePositive(reconnectMax, "reconnectMax");
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax must not be shorter than reconnectMin");
        }
    }

    /** The defaults for the controller at the URL in {@code warden.controller.url}; see {@link #to(URI)}. */
    public static ControllerConnection to(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "warden.controller.url must be an http(s) URL such as http://127.0.0.1:8081, got " + baseUrl, e);
        }
        return to(uri);
    }

    /** The defaults for a controller at {@code baseUrl}: 3 s to connect, 5 s to answer, 45 s of stream silence. */
    public static ControllerConnection to(URI baseUrl) {
        return new ControllerConnection(baseUrl, Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(45),
                Duration.ofMillis(500), Duration.ofSeconds(15));
    }

    URI resolve(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
