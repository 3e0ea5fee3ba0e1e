package dev.warden.controller.alarm;

import dev.warden.policy.alarm.AlarmType;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Fans every alarm change (raised, repeated, acknowledged, escalated, cleared) out to the live SSE subscribers, as
 * the access-event broadcaster does: serialised once, shared, each subscriber with its own bounded buffer that
 * drops its oldest frames (counted) rather than slowing the alarms or the other subscribers, plus a comment heartbeat.
 * DURESS alarms reach only subscribers allowed to see them.
 *
 * @see dev.warden.controller.event.EventBroadcaster
 */
@Singleton
public class AlarmBroadcaster {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmBroadcaster.class);
    static final String EVENT_NAME = "alarm";
    static final int SUBSCRIBER_BUFFER = 1024;

    private record Frame(long id, boolean duress, String json) {}

    private final Sinks.Many<Frame> sink = Sinks.many().multicast().directBestEffort();
    private final JsonMapper json;
    private final Duration heartbeat;
    private final LongAdder droppedForSlowSubscribers = new LongAdder();

    public AlarmBroadcaster(JsonMapper json, AlarmSettings settings) {
        this.json = json;
        this.heartbeat = settings.getHeartbeat();
    }

    /** Publishes the alarm as it is after a change. */
    public void publish(AlarmDto alarm) {
        if (sink.currentSubscriberCount() == 0) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(alarm);
        } catch (IOException e) {
            LOG.error("Alarm {} could not be serialised for the live stream", alarm.id(), e);
            return;
        }
        synchronized (sink) {
            sink.tryEmitNext(new Frame(alarm.id(), AlarmType.DURESS.name().equals(alarm.type()), text));
        }
    }

    /** A live stream: one SSE event named {@code alarm} per change, plus a heartbeat comment. */
    public Flux<Event<String>> stream(boolean includeDuress) {
        return stream(includeDuress, () -> true);
    }

    /**
     * As {@link #stream(boolean)}, and {@code stillAllowed} is asked at every heartbeat (off the event loop): when it
     * answers false the stream completes (the subscriber's operator was disabled, lost a role, ...).
     */
    public Flux<Event<String>> stream(boolean includeDuress, BooleanSupplier stillAllowed) {
        Flux<Event<String>> alarms = sink.asFlux()
                .filter(f -> includeDuress || !f.duress())
                .onBackpressureBuffer(SUBSCRIBER_BUFFER, f -> droppedForSlowSubscribers.increment(),
                        BufferOverflowStrategy.DROP_OLDEST)
                .map(f -> Event.of(f.json()).name(EVENT_NAME).id(Long.toString(f.id())));
        Flux<Boolean> checks = Flux.interval(heartbeat, heartbeat)
                .onBackpressureDrop()
                .publishOn(Schedulers.boundedElastic())
                .map(i -> allowed(stillAllowed))
                .share();
        Flux<Event<String>> beats = checks.filter(ok -> ok).map(ok -> Event.of("").comment("heartbeat"));
        return Flux.merge(alarms, beats).takeUntilOther(checks.filter(ok -> !ok));
    }

    private static boolean allowed(BooleanSupplier stillAllowed) {
        try {
            return stillAllowed.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("Could not re-check an alarm stream subscriber; the stream ends", e);
            return false;
        }
    }

    public int subscribers() {
        return sink.currentSubscriberCount();
    }

    public long droppedForSlowSubscribers() {
        return droppedForSlowSubscribers.sum();
    }
}
