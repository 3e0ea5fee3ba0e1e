package dev.warden.ui.client;

import java.util.List;

/** One page of events, newest first, and how many events match in total. */
public record EventPage(List<EventView> items, int page, int size, long total) {

    public EventPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
