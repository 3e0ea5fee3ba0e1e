package dev.warden.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.ui.client.EventView;
import dev.warden.ui.testing.TestEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NewestEventsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void keepsEventsNewestFirstByTimeThenId() {
        NewestEvents events = new NewestEvents(10);

        events.add(TestEvents.grantedAtServerRoom(1, T0));
        events.add(TestEvents.grantedAtServerRoom(3, T0.minusSeconds(5)));
        events.add(TestEvents.grantedAtServerRoom(2, T0));

        assertThat(events.newestFirst()).extracting(EventView::id).containsExactly(2L, 1L, 3L);
    }

    @Test
    void theSameEventIsKeptOnce() {
        NewestEvents events = new NewestEvents(10);

        assertThat(events.add(TestEvents.grantedAtServerRoom(1, T0))).isTrue();
        assertThat(events.add(TestEvents.grantedAtServerRoom(1, T0))).isFalse();
        assertThat(events.size()).isEqualTo(1);
    }

    @Test
    void beyondCapacityTheOldestGoesAndAnEventOlderThanAllIsNotTaken() {
        NewestEvents events = new NewestEvents(2);
        events.add(TestEvents.grantedAtServerRoom(1, T0));
        events.add(TestEvents.grantedAtServerRoom(2, T0.plusSeconds(1)));

        assertThat(events.add(TestEvents.grantedAtServerRoom(3, T0.plusSeconds(2)))).isTrue();
        assertThat(events.add(TestEvents.grantedAtServerRoom(4, T0.minusSeconds(9)))).isFalse();

        assertThat(events.newestFirst()).extracting(EventView::id).containsExactly(3L, 2L);
    }

    /** Verifies against a plain sort that any arrival order ends with the newest N distinct events. */
    @Test
    void anyArrivalOrderKeepsExactlyTheNewestDistinctEvents() {
        Random random = new Random(4242);
        Comparator<EventView> newestFirst = Comparator.comparing(EventView::occurredAt).thenComparing(EventView::id)
                .reversed();
        for (int round = 0; round < 300; round++) {
            int capacity = 1 + random.nextInt(20);
            NewestEvents events = new NewestEvents(capacity);
            Map<Long, EventView> distinct = new HashMap<>();
            int arrivals = random.nextInt(80);
            for (int i = 0; i < arrivals; i++) {
                long id = 1 + random.nextInt(40);
                EventView event = TestEvents.grantedAtServerRoom(id, T0.plusSeconds(id % 7));
                distinct.put(id, event);
                events.add(event);
            }
            List<EventView> expected = new ArrayList<>(distinct.values());
            expected.sort(newestFirst);
            assertThat(List.copyOf(events.newestFirst()))
                    .isEqualTo(expected.subList(0, Math.min(capacity, expected.size())));
        }
    }
}
