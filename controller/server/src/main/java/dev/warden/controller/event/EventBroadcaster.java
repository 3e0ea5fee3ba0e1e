package dev.warden.controller.event;

import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.IndexView;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Fans every stored event out to the live SSE subscribers. Each event is serialised once, then shared.
 * A slow subscriber gets its own bounded buffer that drops its oldest events (counted) rather than slowing
 * storage or the other subscribers. Every stream also carries a comment heartbeat so proxies keep it open.
 */
@Singleton
public class EventBroadcaster {
    private static final Logger LOG = LoggerFactory.getLogger(EventBroadcaster.class);
    static final String EVENT_NAME = "access";
    static final int SUBSCRIBER_BUFFER = 4096;

    private record Frame(long id, String json) {}

    private final Sinks.Many<Frame> sink = Sinks.many().multicast().directBestEffort();
    private final JsonMapper json;
    private final AccessIndex index;
    private final Duration heartbeat;
    private final LongAdder droppedForSlowSubscribers = new LongAdder();

    public EventBroadcaster(JsonMapper json, AccessIndex index,
                            @Value("${warden.events.heartbeat:15s}") Duration heartbeat) {
        this.json = json;
        this.index = index;
        this.heartbeat = heartbeat;
    }

    /** Publishes stored rows (with ids) to the current subscribers, in order. */
    public void publish(List<AccessEventRow> stored) {
        if (sink.currentSubscriberCount() == 0 || stored.isEmpty()) {
            return;
        }
        IndexView view = index.current();
        for (AccessEventRow row : stored) {
            String text;
            try {
                text = json.writeValueAsString(EventViews.of(row, view));
            } catch (IOException e) {
                LOG.error("Event {} could not be serialised for the live stream", row.id(), e);
                continue;
            }
            synchronized (sink) {
                sink.tryEmitNext(new Frame(row.id(), text));
            }
        }
    }

    /** A live stream: one SSE event named {@code access} per stored event, plus a heartbeat comment. */
    public Flux<Event<String>> stream() {
        Flux<Event<String>> events = sink.asFlux()
                .onBackpressureBuffer(SUBSCRIBER_BUFFER, f -> droppedForSlowSubscribers.increment(),
                        BufferOverflowStrategy.DROP_OLDEST)
                .map(f -> Event.of(f.json()).name(EVENT_NAME).id(Long.toString(f.id())));
        Flux<Event<String>> beats = Flux.interval(heartbeat, heartbeat).map(i -> Event.of("").comment("heartbeat"));
        return Flux.merge(events, beats);
    }

    public int subscribers() {
        return sink.currentSubscriberCount();
    }

    public long droppedForSlowSubscribers() {
        return droppedForSlowSubscribers.sum();
    }
}
