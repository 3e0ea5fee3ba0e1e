package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.event.IngestResult;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Verifies the retry, backoff bound and poison classification of agent event storage. */
class EventStorageTest {

    private final List<Duration> slept = new ArrayList<>();
    private final EventStorage storage = new EventStorage(Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofSeconds(30), slept::add);

    @Test
    void aTransientFailureIsRetriedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        EventStorage.Result result = storage.store(() -> {
            if (calls.incrementAndGet() < 4) {
                throw wrapped("08001");
            }
            return IngestResult.STORED;
        });
        assertThat(result).isEqualTo(new EventStorage.Result.Done(IngestResult.STORED, 4));
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void aDatabaseOutageIsRetriedWithCappedBackoffWithinTheBudgetThenGivenUp() {
        AtomicInteger calls = new AtomicInteger();
        EventStorage.Result result = storage.store(() -> {
            calls.incrementAndGet();
            throw wrapped("08S01");
        });
        assertThat(result).isInstanceOf(EventStorage.Result.GaveUp.class);
        assertThat(((EventStorage.Result.GaveUp) result).attempts()).isEqualTo(calls.get()).isGreaterThan(3);
        assertThat(slept).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
        assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus))
                .isLessThanOrEqualTo(Duration.ofSeconds(30))
                .isGreaterThan(Duration.ofSeconds(20));
        assertThat(slept).hasSize(calls.get() - 1);
    }

    @Test
    void dataAndIntegrityErrorsArePoisonAtOnceButADuplicateKeyIsRetried() {
        for (String state : List.of("22001", "22003", "22P02", "23502", "23503", "23514")) {
            AtomicInteger calls = new AtomicInteger();
            EventStorage.Result result = storage.store(() -> {
                calls.incrementAndGet();
                throw wrapped(state);
            });
            assertThat(result).as(state).isInstanceOfSatisfying(EventStorage.Result.Poison.class,
                    p -> assertThat(p.sqlState()).isEqualTo(state));
            assertThat(calls.get()).as(state).isEqualTo(1);
        }
        assertThat(slept).isEmpty();
        AtomicInteger calls = new AtomicInteger();
        EventStorage.Result duplicate = storage.store(() -> {
            if (calls.incrementAndGet() == 1) {
                throw wrapped("23505");
            }
            return IngestResult.DUPLICATE;
        });
        assertThat(duplicate).isEqualTo(new EventStorage.Result.Done(IngestResult.DUPLICATE, 2));
    }

    @Test
    void anErrorWithoutSqlStateIsTreatedAsTransient() {
        assertThat(EventStorage.permanentSqlState(new IllegalStateException("pool exhausted"))).isEmpty();
        assertThat(EventStorage.permanentSqlState(new RuntimeException(new SQLException("no state")))).isEmpty();
        assertThat(EventStorage.permanentSqlState(wrapped("40001"))).isEmpty();
    }

    /** Random failure sequences: the outcome and the sleeping always stay within the bounds. */
    @Test
    void randomFailureSequencesStayWithinTheBounds() {
        Random random = new Random(20261123L);
        String[] states = {"08001", "40001", "57P01", "23505", "22001", "23503", null};
        for (int run = 0; run < 500; run++) {
            slept.clear();
            int failures = random.nextInt(20);
            String[] sequence = new String[failures];
            for (int i = 0; i < failures; i++) {
                sequence[i] = states[random.nextInt(states.length)];
            }
            AtomicInteger calls = new AtomicInteger();
            Supplier<IngestResult> attempt = () -> {
                int n = calls.getAndIncrement();
                if (n < sequence.length) {
                    throw sequence[n] == null ? new IllegalStateException("x") : wrapped(sequence[n]);
                }
                return IngestResult.STORED;
            };
            EventStorage.Result result = storage.store(attempt);
            assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus))
                    .isLessThanOrEqualTo(Duration.ofSeconds(30));
            int firstPoison = -1;
            for (int i = 0; i < failures; i++) {
                if (sequence[i] != null && (sequence[i].startsWith("22") || sequence[i].equals("23503"))) {
                    firstPoison = i;
                    break;
                }
            }
            switch (result) {
                case EventStorage.Result.Poison p -> assertThat(calls.get() - 1).isEqualTo(firstPoison);
                case EventStorage.Result.Done d -> {
                    assertThat(firstPoison).isEqualTo(-1);
                    assertThat(d.attempts()).isEqualTo(failures + 1);
                }
                case EventStorage.Result.GaveUp g -> assertThat(firstPoison).isNotEqualTo(calls.get() - 1);
            }
        }
    }

    private static RuntimeException wrapped(String sqlState) {
        return new IllegalStateException("storing failed", new SQLException("db says no", sqlState));
    }
}
