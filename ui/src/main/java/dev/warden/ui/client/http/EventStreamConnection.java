package dev.warden.ui.client.http;

import dev.warden.ui.client.AccessToken;
import dev.warden.ui.client.EventSubscription;
import dev.warden.ui.client.EventView;
import dev.warden.ui.client.StreamState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's live event stream: a virtual thread that opens {@code GET /api/v1/events/stream}, reads it
 * line by line, hands each {@code access} frame's event to the subscriber and, when the connection ends, fails or
 * stays silent past the idle timeout, opens it again after an exponential backoff with jitter (reset once a
 * connection delivers anything). It resumes with {@code Last-Event-ID} when the controller sent ids. A 401 or 403
 * ends it for good ({@link StreamState#REFUSED}).
 */
final class EventStreamConnection implements EventSubscription, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamConnection.class);
    private static final String ACCESS_EVENT = "access";

    private final HttpControllerClient client;
    private final AccessToken token;
    private final Consumer<EventView> onEvent;
    private final Consumer<StreamState> onState;

    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean open = true;
    private volatile Thread thread;
    private volatile InputStream body;
    private volatile long lastActivityMillis;
    private volatile ScheduledFuture<?> idleCheck;
    private volatile StreamState lastState;
    private String lastEventId;

    EventStreamConnection(HttpControllerClient client, AccessToken token, Consumer<EventView> onEvent,
            Consumer<StreamState> onState) {
        this.client = client;
        this.token = token;
        this.onEvent = onEvent;
        this.onState = onState;
    }

    void start(String name) {
        Duration idle = client.connection().streamIdleTimeout();
        long period = Math.max(50, idle.toMillis() / 4);
        lastActivityMillis = client.clock().millis();
        thread = Thread.ofVirtual().name(name).unstarted(this);
        idleCheck = client.watchdog().scheduleAtFixedRate(this::dropIfSilent, period, period, TimeUnit.MILLISECONDS);
        thread.start();
    }

    @Override
    public void run() {
        Duration backoff = client.connection().reconnectMin();
        int failuresInARow = 0;
        state(StreamState.CONNECTING);
        while (open) {
            try {
                if (connectAndRead()) {
                    backoff = client.connection().reconnectMin();
                    failuresInARow = 0;
                }
            } catch (Refused refused) {
                LOG.info("The controller refused the event stream (HTTP {}); the operator must sign in again",
                        refused.status);
                state(StreamState.REFUSED);
                open = false;
                break;
            } catch (IOException e) {
                if (open && failuresInARow++ == 0) {
                    LOG.info("Event stream from {} lost: {}; retrying with backoff", client.connection().baseUrl(),
                            HttpControllerClient.describe(e));
                } else if (open) {
                    LOG.debug("Event stream from {} still unavailable: {}", client.connection().baseUrl(),
                            HttpControllerClient.describe(e));
                }
            } catch (InterruptedException e) {
                // close() or the idle watchdog interrupted us; the loop condition tells which
            } finally {
                closeBody();
            }
            Thread.interrupted();
            if (!open) {
                break;
            }
            state(StreamState.RECONNECTING);
            pause(jittered(backoff));
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(client.connection().reconnectMax()) > 0
                    ? client.connection().reconnectMax() : doubled;
        }
        ScheduledFuture<?> check = idleCheck;
        if (check != null) {
            check.cancel(false);
        }
    }

    /** Reads one connection to its end; true if it delivered anything (so the next failure starts a fresh backoff). */
    private boolean connectAndRead() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.connection().resolve("/api/v1/events/stream"))
                .timeout(client.connection().requestTimeout())
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .header("Authorization", token.bearerHeader())
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = client.http().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        body = response.body();
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new Refused(status);
        }
        if (status != 200) {
            throw new IOException("the controller answered HTTP " + status + " to GET /api/v1/events/stream");
        }
        if (!open) {
            return false;
        }
        lastActivityMillis = client.clock().millis();
        state(StreamState.LIVE);
        SseFrameParser parser = new SseFrameParser();
        boolean delivered = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (open && (line = reader.readLine()) != null) {
                lastActivityMillis = client.clock().millis();
                delivered = true;
                parser.accept(line).ifPresent(this::dispatch);
            }
        } finally {
            if (parser.lastEventId() != null) {
                lastEventId = parser.lastEventId();
            }
        }
        if (open) {
            LOG.info("The controller ended the event stream; reconnecting");
        }
        return delivered;
    }

    private void dispatch(SseFrame frame) {
        if (!ACCESS_EVENT.equals(frame.event())) {
            LOG.debug("Ignoring a live frame of type {}", frame.event());
            return;
        }
        client.readEvent(frame.data()).ifPresent(event -> {
            try {
                onEvent.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("The subscriber failed on live event {}", event.id(), e);
            }
        });
    }

    private void state(StreamState state) {
        if (state == lastState) {
            return;
        }
        lastState = state;
        try {
            onState.accept(state);
        } catch (RuntimeException e) {
            LOG.warn("The subscriber failed on stream state {}", state, e);
        }
    }

    /** Run by the watchdog: a connection silent for longer than the idle timeout is dropped and reopened. */
    private void dropIfSilent() {
        long silentFor = client.clock().millis() - lastActivityMillis;
        Thread reader = thread;
        if (open && body != null && lastState == StreamState.LIVE
                && silentFor > client.connection().streamIdleTimeout().toMillis() && reader != null) {
            LOG.info("The event stream was silent for {} ms; reopening it", silentFor);
            lastActivityMillis = client.clock().millis();
            closeBody();
            reader.interrupt();
        }
    }

    /** Waits out a backoff; {@link #close()} cuts it short. */
    private void pause(Duration duration) {
        try {
            closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // close() interrupts too; the loop condition decides
        }
    }

    private static Duration jittered(Duration backoff) {
        long millis = backoff.toMillis();
        long jitter = millis / 5;
        return Duration.ofMillis(millis - jitter + ThreadLocalRandom.current().nextLong(2 * jitter + 1));
    }

    private void closeBody() {
        InputStream current = body;
        body = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("Closing the event stream's body failed", e);
            }
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        closed.countDown();
        ScheduledFuture<?> check = idleCheck;
        if (check != null) {
            check.cancel(false);
        }
        closeBody();
        Thread reader = thread;
        if (reader != null) {
            reader.interrupt();
        }
    }

    /** The controller no longer accepts the token. */
    private static final class Refused extends IOException {
        private final int status;

        Refused(int status) {
            super("refused with HTTP " + status);
            this.status = status;
        }
    }
}
