package dev.warden.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.agent.event.EventRecorder;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies the journal on the real file system: durability, recovery, numbering, segments, capacity and reserve. */
class EventJournalIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    /** Tiny segments so that a few hundred events span several. */
    static final JournalSettings SMALL = JournalSettings.defaults().withSizes(64 * 1024, 256 * 1024, 80 * 1024);

    @TempDir
    Path data;

    final Counters counters = new Counters();

    static AgentEvent event(long seq) {
        return new AgentEvent("agent-1", seq, CLOCK.instant(), AgentEventType.DOOR_STATE, "door-lobby-main", "dc-door-lobby-main",
                Map.of("state", seq % 2 == 0 ? "OPEN" : "CLOSED"));
    }

    static List<Long> readAll(EventJournal journal, long after) {
        List<Long> seqs = new ArrayList<>();
        try (JournalReader reader = journal.reader(after)) {
            for (JournalReader.Entry e = reader.next(); e != null; e = reader.next()) {
                assertThat(e.event()).isEqualTo(event(e.seq()));
                seqs.add(e.seq());
            }
        }
        return seqs;
    }

    static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(data.resolve(EventJournal.DIR_NAME))) {
            return s.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().toList();
        }
    }

    @Test
    void everyAcceptedEventIsOnDiskAndReadBackInOrderAfterAReopen() throws IOException {
        try (EventJournal journal = EventJournal.open(data, SMALL, counters)) {
            for (long s = 1; s <= 700; s++) {
                assertThat(journal.append(event(s))).isInstanceOf(EventJournal.Appended.Accepted.class);
            }
        }

        try (EventJournal reopened = EventJournal.open(data, SMALL, counters)) {
            assertThat(reopened.last()).isEqualTo(700);
            assertThat(reopened.recovery().records()).isEqualTo(700);
            assertThat(reopened.recovery().truncatedTails()).isZero();
            assertThat(readAll(reopened, 0)).isEqualTo(range(1, 700));
            assertThat(readAll(reopened, 650)).isEqualTo(range(651, 700));
        }
        assertThat(segments()).hasSizeGreaterThan(1);
    }

    @Test
    void aTornLastRecordIsTruncatedLoggedAndCountedAndNumberingGoesOn() throws IOException {
        try (EventJournal journal = EventJournal.open(data, SMALL, counters)) {
            for (long s = 1; s <= 5; s++) {
                journal.append(event(s));
            }
        }
        Path segment = segments().getLast();
        long good = Files.size(segment);
        byte[] next = JournalRecord.encode(6, dev.warden.contract.ContractJson.write(event(6)));
        Files.write(segment, java.util.Arrays.copyOf(next, next.length / 2), StandardOpenOption.APPEND);

        try (EventJournal journal = EventJournal.open(data, SMALL, counters)) {
            assertThat(journal.recovery().truncatedTails()).isEqualTo(1);
            assertThat(journal.recovery().truncatedBytes()).isEqualTo(next.length / 2);
            assertThat(counters.get("journal.recovery.truncated")).isEqualTo(1);
            assertThat(Files.size(segment)).isEqualTo(good);
            assertThat(journal.last()).isEqualTo(5);

            EventRecorder recorder = new EventRecorder("agent-1", journal, journal, CLOCK);
            assertThat(recorder.record(AgentEventType.DOOR_STATE, "door-lobby-main", "dc-door-lobby-main", Map.of("state", "OPEN")).seq()).isEqualTo(6);
            assertThat(readAll(journal, 0)).isEqualTo(range(1, 6));
        }
    }

    @Test
    void aCorruptRecordInTheMiddleIsSkippedButTheValidOnesBehindItAreKept() throws IOException {
        try (EventJournal journal = EventJournal.open(data, SMALL, counters)) {
            for (long s = 1; s <= 5; s++) {
                journal.append(event(s));
            }
        }
        Path segment = segments().getLast();
        byte[] bytes = Files.readAllBytes(segment);
        int recordSize = bytes.length / 5; // equal-sized records
        bytes[2 * recordSize + JournalRecord.HEADER + 4] ^= 0x20; // a payload byte of record 3
        Files.write(segment, bytes);

        try (EventJournal journal = EventJournal.open(data, SMALL, counters)) {
            assertThat(journal.recovery().corruptRegions()).isEqualTo(1);
            assertThat(counters.get("journal.recovery.corrupt-skipped")).isEqualTo(1);
            assertThat(journal.last()).isEqualTo(5);
            assertThat(readAll(journal, 0)).containsExactly(1L, 2L, 4L, 5L);
        }
    }

    @Test
    void acknowledgedSegmentsAreDeletedAndTheNumberingSurvivesTheirDeletion() throws IOException {
        try (EventJournal journal = EventJournal.open(data, SMALL, counters)) {
            for (long s = 1; s <= 800; s++) {
                journal.append(event(s));
            }
            int before = segments().size();
            long usedBefore = journal.used();
            journal.acknowledge(800);
            journal.persistAcknowledged();

            assertThat(before).isGreaterThan(2);
            assertThat(segments()).hasSize(1);
            assertThat(journal.used()).isLessThan(usedBefore);
            assertThat(counters.get("journal.segments-deleted")).isEqualTo(before - 1);
        }
        try (EventJournal reopened = EventJournal.open(data, SMALL, counters)) {
            assertThat(reopened.last()).isEqualTo(800);
            assertThat(reopened.acknowledged()).isEqualTo(800);
            assertThat(readAll(reopened, reopened.acknowledged())).isEmpty();
        }
    }

    @Test
    void pastEightyPercentItIsHighPastTheCapacityItUsesTheReserveThenRefusesButDropsNothingJournaled() throws IOException {
        JournalSettings tiny = JournalSettings.defaults().withSizes(64 * 1024, 128 * 1024, 66 * 1024);
        try (EventJournal journal = EventJournal.open(data, tiny, counters)) {
            long accepted = 0;
            long s = 1;
            boolean wasHighBeforeReserve = false;
            for (; s <= 20_000; s++) {
                EventJournal.Appended a = journal.append(event(s));
                if (a instanceof EventJournal.Appended.Refused r) {
                    assertThat(r.reason()).isEqualTo("FULL");
                    break;
                }
                accepted++;
                if (a instanceof EventJournal.Appended.Accepted ok && ok.reserve() && !wasHighBeforeReserve) {
                    wasHighBeforeReserve = journal.stats().high();
                }
            }
            assertThat(wasHighBeforeReserve).isTrue();
            assertThat(counters.get("journal.high")).isEqualTo(1);
            assertThat(counters.get("journal.reserve-used")).isPositive();
            assertThat(counters.get("journal.refused.FULL")).isEqualTo(1);
            assertThat(journal.used()).isLessThanOrEqualTo(tiny.capacityBytes() + tiny.reserveBytes());
            assertThat(readAll(journal, 0)).isEqualTo(range(1, accepted));

            // the broker confirms everything: the journal drains and takes new events again
            journal.acknowledge(accepted);
            journal.persistAcknowledged();
            assertThat(journal.stats().high()).isFalse();
            assertThat(journal.append(event(s + 1))).isInstanceOf(EventJournal.Appended.Accepted.class);
            assertThat(readAll(journal, accepted)).containsExactly(s + 1);
        }
    }

    @Test
    void anOlderAgentsSequenceFileIsContinued() throws IOException {
        Files.writeString(data.resolve("event-seq"), "500\n");

        try (EventJournal journal = EventJournal.open(data, SMALL, counters)) {
            EventRecorder recorder = new EventRecorder("agent-1", journal, journal, CLOCK);
            assertThat(recorder.record(AgentEventType.DOOR_STATE, "door-lobby-main", null, Map.of()).seq()).isEqualTo(501);
            assertThat(journal.acknowledged()).isEqualTo(500);
        }
        try (EventJournal reopened = EventJournal.open(data, SMALL, counters)) {
            assertThat(reopened.last()).isEqualTo(501);
            assertThat(reopened.acknowledged()).isEqualTo(500);
        }
    }

    @Test
    void aCorruptLegacySequenceFileStopsTheStartInsteadOfRestartingAtOne() throws IOException {
        Files.writeString(data.resolve("event-seq"), "garbage");

        assertThatThrownBy(() -> EventJournal.open(data, SMALL, counters))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void aRefusedEventDoesNotStopTheNextOnes() throws IOException {
        try (EventJournal journal = EventJournal.open(data, SMALL, counters)) {
            journal.append(event(1));
            assertThat(journal.append(event(1))).isInstanceOfSatisfying(EventJournal.Appended.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo("OUT_OF_ORDER"));
            assertThat(journal.append(event(2))).isInstanceOf(EventJournal.Appended.Accepted.class);
            assertThat(counters.get("journal.refused.OUT_OF_ORDER")).isEqualTo(1);
            assertThat(readAll(journal, 0)).containsExactly(1L, 2L);
        }
    }
}
