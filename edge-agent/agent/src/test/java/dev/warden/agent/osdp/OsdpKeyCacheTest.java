package dev.warden.agent.osdp;

import static dev.warden.agent.osdp.OsdpTestBus.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The key cache between the bus thread and {@link ReaderKeys}: a lookup never blocks, one fetch per reader at a
 * time, a missing key is fetched again on the next lookup, a failing port counts as missing, a forgotten key is
 * fetched again, and close zeroes the keys it holds.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OsdpKeyCacheTest {

    private final BusCounters counters = new BusCounters();

    @Test
    void aLookupNeverWaitsForASlowPortAndFetchesOnlyOnceAtATime() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ReaderKeys slow = id -> {
            calls.incrementAndGet();
            try {
                answer.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(KEY_A.clone());
        };
        try (KeyCache cache = KeyCache.threaded("t", slow, counters)) {
            cache.prefetch(List.of("rdr-1"));
            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertThat(cache.lookup("rdr-1")).isInstanceOf(KeyCache.Lookup.Pending.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            answer.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> cache.lookup("rdr-1") instanceof KeyCache.Lookup.Found);
            assertThat(calls.get()).isEqualTo(1);
            KeyCache.Lookup.Found found = (KeyCache.Lookup.Found) cache.lookup("rdr-1");
            assertThat(found.key()).isEqualTo(KEY_A);
            assertThat(found.toString()).doesNotContain("0011");
            // the caller's copy is its own
            found.key()[0] = 0x7F;
            assertThat(((KeyCache.Lookup.Found) cache.lookup("rdr-1")).key()).isEqualTo(KEY_A);
        }
    }

    @Test
    void aMissingOrFailingKeyIsReportedOnceAndFetchedAgainOnTheNextLookup() {
        AtomicInteger calls = new AtomicInteger();
        ReaderKeys flaky = id -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                return Optional.empty();
            }
            if (n == 2) {
                throw new IllegalStateException("broker down");
            }
            return Optional.of(KEY_A.clone());
        };
        KeyCache cache = KeyCache.direct(flaky, counters);
        assertThat(cache.lookup("rdr-1")).isInstanceOf(KeyCache.Lookup.Missing.class);
        assertThat(cache.lookup("rdr-1")).isInstanceOf(KeyCache.Lookup.Missing.class);
        assertThat(counters.get("key_lookup_failed")).isEqualTo(1);
        assertThat(cache.lookup("rdr-1")).isInstanceOf(KeyCache.Lookup.Found.class);
        assertThat(cache.lookup("rdr-1")).isInstanceOf(KeyCache.Lookup.Found.class);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void aForgottenKeyIsFetchedAgainAndCloseStopsFetching() {
        AtomicInteger calls = new AtomicInteger();
        KeyCache cache = KeyCache.direct(id -> {
            calls.incrementAndGet();
            return Optional.of(KEY_A.clone());
        }, counters);
        assertThat(cache.lookup("rdr-1")).isInstanceOf(KeyCache.Lookup.Found.class);
        cache.forget("rdr-1");
        assertThat(cache.lookup("rdr-1")).isInstanceOf(KeyCache.Lookup.Found.class);
        assertThat(calls.get()).isEqualTo(2);
        cache.close();
        assertThat(cache.lookup("rdr-1")).isInstanceOf(KeyCache.Lookup.Pending.class);
        assertThat(calls.get()).isEqualTo(2);
    }
}
