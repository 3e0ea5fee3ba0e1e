package dev.warden.controller.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.policy.AreaId;
import dev.warden.policy.DoorId;
import dev.warden.policy.PersonId;
import dev.warden.policy.Presence;
import dev.warden.policy.PresenceChange;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the presence journal against H2: changes are written in order (entry replaces, departure and forgetting
 * delete), a full queue never blocks and ends in a rewrite of the whole presence, and a shutdown writes what is
 * still queued.
 */
@MicronautTest(transactional = false)
class PresenceJournalIT {
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    PresenceRepository repository;

    @Inject
    TransactionOperations<Connection> transactions;

    /** The truth the journal is asked for when it must rewrite everything: the changes applied in memory. */
    final Map<String, Presence> truth = new TreeMap<>();
    final List<JdbcPresenceJournal> started = new ArrayList<>();

    @BeforeEach
    @AfterEach
    void empty() {
        started.forEach(JdbcPresenceJournal::stop);
        started.clear();
        repository.deleteAll();
    }

    private JdbcPresenceJournal journal(int capacity, boolean start) {
        JdbcPresenceJournal journal = new JdbcPresenceJournal(repository, transactions, capacity);
        journal.attach(() -> {
            synchronized (truth) { // as Occupancy's lock: replace and record never interleave
                journal.replace(List.copyOf(truth.values()));
            }
        });
        if (start) {
            journal.start();
            started.add(journal);
        }
        return journal;
    }

    private void apply(JdbcPresenceJournal journal, PresenceChange change) {
        synchronized (truth) {
            switch (change) {
                case PresenceChange.Entered e -> truth.put(e.person().value(), e.presence());
                case PresenceChange.Left l -> truth.remove(l.person().value());
                case PresenceChange.Forgotten f -> truth.remove(f.person().value());
            }
            journal.record(List.of(change));
        }
    }

    private static PresenceChange.Entered entered(String person, String area, int second, String escort) {
        return new PresenceChange.Entered(new Presence(new PersonId(person), new AreaId(area), T.plusSeconds(second),
                new DoorId("door-" + area), escort == null ? null : new PersonId(escort)));
    }

    private Map<String, Presence> copyOfTruth() {
        synchronized (truth) {
            return new TreeMap<>(truth);
        }
    }

    private Map<String, Presence> stored() {
        Map<String, Presence> result = new TreeMap<>();
        for (Presence p : journal(1, false).load()) {
            result.put(p.person().value(), p);
        }
        return result;
    }

    @Test
    void changesAreWrittenInOrderAndLoadedBack() {
        JdbcPresenceJournal journal = journal(100, true);
        apply(journal, entered("ada", "building", 0, null));
        apply(journal, entered("vic", "building", 1, "ada"));
        apply(journal, new PresenceChange.Left(new PersonId("ada"), new AreaId("building"), new DoorId("d"),
                T.plusSeconds(2)));
        apply(journal, entered("ada", "hall", 3, null));
        apply(journal, entered("bob", "hall", 4, null));
        apply(journal, new PresenceChange.Forgotten(new PersonId("bob"), T.plusSeconds(5)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stored()).isEqualTo(copyOfTruth()));
        assertThat(truth).containsOnlyKeys("ada", "vic");
        assertThat(stored().get("vic").escort()).isEqualTo(new PersonId("ada"));
        assertThat(stored().get("ada").since()).isEqualTo(T.plusSeconds(3));
    }

    @Test
    void aFullQueueNeverBlocksAndEndsInAFullRewrite() {
        JdbcPresenceJournal journal = journal(2, true);
        Random random = new Random(42);
        List<String> areas = List.of("building", "hall", "cage");
        for (int i = 0; i < 3000; i++) {
            String person = "p" + random.nextInt(50);
            switch (random.nextInt(3)) {
                case 0, 1 -> apply(journal, entered(person, areas.get(random.nextInt(3)), i, null));
                default -> apply(journal, new PresenceChange.Left(new PersonId(person), new AreaId("hall"),
                        new DoorId("d"), T.plusSeconds(i)));
            }
        }
        assertThat(journal.dropped()).as("a queue of 2 overflowed").isPositive();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stored()).isEqualTo(copyOfTruth()));
    }

    @Test
    void shutdownWritesWhatIsStillQueued() {
        JdbcPresenceJournal journal = journal(100, false);
        apply(journal, entered("ada", "cage", 0, null));
        apply(journal, entered("bob", "hall", 1, null));
        assertThat(journal.pending()).isEqualTo(2);
        journal.stop();
        assertThat(stored()).isEqualTo(truth).containsOnlyKeys("ada", "bob");
    }
}
