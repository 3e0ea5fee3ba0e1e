package dev.warden.ui.live;

import dev.warden.ui.client.EventView;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The newest events, newest first (by occurrence time, then id), at most {@code capacity} of them, each event id
 * at most once. Adding beyond the capacity drops the oldest. Not thread-safe: the live view touches it only while
 * holding the Vaadin session lock.
 */
final class NewestEvents {

    private static final Comparator<EventView> NEWEST_FIRST = Comparator
            .comparing(EventView::occurredAt, Comparator.reverseOrder())
            .thenComparing(EventView::id, Comparator.reverseOrder());

    private final int capacity;
    private final NavigableSet<EventView> events = new TreeSet<>(NEWEST_FIRST);
    private final Set<Long> ids = new HashSet<>();

    NewestEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds an event; false if it was already here or is older than everything kept in a full buffer. */
    boolean add(EventView event) {
        if (!ids.add(event.id())) {
            return false;
        }
        events.add(event);
        if (events.size() > capacity) {
            EventView oldest = events.pollLast();
            ids.remove(oldest.id());
            return oldest != event;
        }
        return true;
    }

    /** Adds every event; true if any of them was new. */
    boolean addAll(Collection<EventView> more) {
        boolean changed = false;
        for (EventView event : more) {
            changed |= add(event);
        }
        return changed;
    }

    /** A live, read-only view of the kept events, newest first, for the grid's data provider. */
    Collection<EventView> newestFirst() {
        return Collections.unmodifiableSortedSet(events);
    }

    int size() {
        return events.size();
    }
}
