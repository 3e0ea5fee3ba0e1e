package dev.warden.controller.event;

import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.reactivestreams.Publisher;

/** {@code /api/v1/events}: search (paged, newest first) and the live SSE stream; any operator. */
@Controller("/api/v1/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
class EventController {
    static final int MAX_SIZE = 500;
    private static final Set<String> DECISIONS = Set.of("GRANT", "DENY", "REJECTED");

    private final EventQueryService queries;
    private final EventBroadcaster broadcaster;

    EventController(EventQueryService queries, EventBroadcaster broadcaster) {
        this.queries = queries;
        this.broadcaster = broadcaster;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    EventPage search(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                     @Nullable @QueryValue String doorId, @Nullable @QueryValue String personId,
                     @Nullable @QueryValue String decision, @Nullable @QueryValue String page,
                     @Nullable @QueryValue String size) {
        Instant fromAt = Input.optionalInstant("from", from);
        Instant toAt = Input.optionalInstant("to", to);
        if (fromAt != null && toAt != null && !toAt.isAfter(fromAt)) {
            throw new InvalidInputException("to must be after from");
        }
        String verdict = null;
        if (decision != null && !decision.isBlank()) {
            verdict = decision.strip().toUpperCase(Locale.ROOT);
            Input.require(DECISIONS.contains(verdict), "decision must be one of GRANT, DENY, REJECTED");
        }
        int pageNo = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = number("size", size, 50, 1, MAX_SIZE);
        return queries.search(new EventQuery(fromAt, toAt, Input.optionalId("doorId", doorId),
                Input.optionalId("personId", personId), verdict, pageNo, pageSize));
    }

    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> stream() {
        return broadcaster.stream();
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(field + " must be a whole number between " + min + " and " + max);
    }
}
