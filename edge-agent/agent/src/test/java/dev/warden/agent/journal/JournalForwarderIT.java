package dev.warden.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.event.DeliverEvent;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the forwarder against a real journal and a hand-driven delivery port: order, the window, the acknowledged
 * position moving only over confirmed events in journal order, and sending again after a failure or a reconnect.
 */
class JournalForwarderIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** A delivery port whose confirmations the test gives (or withholds) by hand. */
    static final class HandPort implements DeliverEvent {
        record Sent(AgentEvent event, CompletableFuture<Void> confirmation) {}

        final List<Sent> sent = new CopyOnWriteArrayList<>();
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        volatile boolean up = true;

        @Override
        public boolean ready() {
            return up;
        }

        @Override
        public CompletionStage<Void> deliver(AgentEvent event) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            sent.add(new Sent(event, f));
            return f;
        }

        @Override
        public void onReady(Runnable listener) {
            listeners.add(listener);
        }

        void reconnect() {
            up = true;
            listeners.forEach(Runnable::run);
        }

        List<Long> seqs() {
            return sent.stream().map(s -> s.event().seq()).toList();
        }

        void confirm(long seq) {
            sent.stream().filter(s -> s.event().seq() == seq && !s.confirmation().isDone()).findFirst()
                    .orElseThrow().confirmation().complete(null);
        }
    }

    @TempDir
    Path data;

    final Counters counters = new Counters();
    final HandPort port = new HandPort();
    EventJournal journal;
    JournalForwarder forwarder;

    void start(int window) throws IOException {
        JournalSettings settings = new JournalSettings(64 * 1024, 256 * 1024, 80 * 1024, window, Duration.ofSeconds(30), Duration.ofMillis(10));
        journal = EventJournal.open(data, settings, counters);
        forwarder = new JournalForwarder(journal, port, counters, "test");
        forwarder.start();
    }

    @AfterEach
    void stop() {
        if (forwarder != null) {
            forwarder.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    void append(long from, long to) {
        for (long s = from; s <= to; s++) {
            journal.append(EventJournalIT.event(s));
        }
    }

    @Test
    void sendsInOrderAndNeverMoreThanTheWindowUnconfirmed() throws IOException {
        start(3);
        append(1, 5);

        await().atMost(WAIT).until(() -> port.sent.size() == 3);
        assertThat(port.seqs()).containsExactly(1L, 2L, 3L);

        port.confirm(1);
        await().atMost(WAIT).until(() -> port.sent.size() == 4);
        port.confirm(2);
        port.confirm(3);
        port.confirm(4);
        await().atMost(WAIT).until(() -> port.sent.size() == 5);
        port.confirm(5);

        await().atMost(WAIT).until(() -> journal.acknowledged() == 5);
        assertThat(port.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void theAcknowledgedPositionMovesOnlyOverConfirmedEventsInJournalOrder() throws IOException {
        start(10);
        append(1, 3);
        await().atMost(WAIT).until(() -> port.sent.size() == 3);

        port.confirm(2);
        port.confirm(3);
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> journal.acknowledged() == 0);

        port.confirm(1);
        await().atMost(WAIT).until(() -> journal.acknowledged() == 3);
        Path acked = data.resolve(EventJournal.DIR_NAME).resolve(EventJournal.ACKED_FILE);
        await().atMost(WAIT).until(() -> java.nio.file.Files.exists(acked) && java.nio.file.Files.readString(acked).strip().equals("3"));
    }

    @Test
    void afterAFailedDeliveryItSendsAgainFromTheFirstUnconfirmedInOrder() throws IOException {
        start(10);
        append(1, 4);
        await().atMost(WAIT).until(() -> port.sent.size() == 4);

        port.confirm(1);
        port.sent.get(1).confirmation().completeExceptionally(new IllegalStateException("connection lost"));

        // after the back-off (1 s) events 2..4 leave again, in order
        await().atMost(WAIT).until(() -> port.sent.size() == 7);
        assertThat(port.seqs()).containsExactly(1L, 2L, 3L, 4L, 2L, 3L, 4L);
        assertThat(counters.get("journal.send-failed")).isEqualTo(1);
        port.confirm(2);
        port.confirm(3);
        port.confirm(4);
        await().atMost(WAIT).until(() -> journal.acknowledged() == 4);
    }

    @Test
    void whileTheLinkIsDownNothingIsSentAndOnReconnectEverythingUnconfirmedGoesInOrder() throws IOException {
        start(100);
        append(1, 2);
        await().atMost(WAIT).until(() -> port.sent.size() == 2);
        port.confirm(1);
        await().atMost(WAIT).until(() -> journal.acknowledged() == 1);

        port.up = false;
        append(3, 6);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> port.sent.size() == 2);

        port.reconnect();
        await().atMost(WAIT).until(() -> port.sent.size() == 7);
        assertThat(port.seqs()).containsExactly(1L, 2L, 2L, 3L, 4L, 5L, 6L);
        assertThat(counters.get("journal.resend")).isEqualTo(1);
    }

    @Test
    void aConfirmationArrivingAfterAReconnectStillCountsAndThatEventIsNotSentAgain() throws IOException {
        start(100);
        append(1, 3);
        await().atMost(WAIT).until(() -> port.sent.size() == 3);

        port.up = false;
        port.listeners.forEach(Runnable::run); // the link came back (the forwarder will send again from #1)...
        port.confirm(1);                        // ...and the first transmission's PUBACK arrives late
        port.up = true;
        await().atMost(WAIT).until(() -> port.sent.size() == 5);
        assertThat(port.seqs()).containsExactly(1L, 2L, 3L, 2L, 3L);
        port.sent.get(3).confirmation().complete(null);
        port.sent.get(4).confirmation().complete(null);
        await().atMost(WAIT).until(() -> journal.acknowledged() == 3);
    }

    @Test
    void itStartsAfterThePersistedAcknowledgedPositionOnRestart() throws IOException {
        start(100);
        append(1, 5);
        await().atMost(WAIT).until(() -> port.sent.size() == 5);
        port.confirm(1);
        port.confirm(2);
        await().atMost(WAIT).until(() -> journal.acknowledged() == 2);
        forwarder.close();
        journal.close();

        port.sent.clear();
        start(100);

        await().atMost(WAIT).until(() -> port.sent.size() == 3);
        assertThat(port.seqs()).containsExactly(3L, 4L, 5L);
    }
}
