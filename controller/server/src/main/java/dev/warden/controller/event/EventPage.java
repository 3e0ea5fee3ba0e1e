package dev.warden.controller.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of events, newest first; {@code total} counts all events matching the filters. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventPage(List<EventView> items, int page, int size, long total) {}
