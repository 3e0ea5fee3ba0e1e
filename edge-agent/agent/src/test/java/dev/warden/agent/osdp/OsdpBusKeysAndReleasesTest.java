package dev.warden.agent.osdp;

import static dev.warden.agent.osdp.OsdpTestBus.CARD_1234;
import static dev.warden.agent.osdp.OsdpTestBus.CARD_OTHER;
import static dev.warden.agent.osdp.OsdpTestBus.FAST;
import static dev.warden.agent.osdp.OsdpTestBus.KEY_A;
import static dev.warden.agent.osdp.OsdpTestBus.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.serial.MemoryCable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Review findings L1 and L2 on a running bus: a key lookup that hangs never stops the other readers of the line;
 * a relay release (lock now) goes ahead of every queued command, cancels a queued pulse of the same output, and
 * never expires.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OsdpBusKeysAndReleasesTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    /** Like {@link OsdpTestBus#FAST}, but offline only after 3 s, and queued commands expire after 200 ms. */
    private static final OsdpTimings SHORT_TTL = new OsdpTimings(FAST.replyTimeout(), Duration.ofSeconds(3),
            FAST.pollInterval(), 3, FAST.offlineProbeInterval(), FAST.reopenInitial(), FAST.reopenMax(),
            Duration.ofMillis(200));
    private static final OsdpCommand.OutputControl LOCK_A_OFF =
            new OsdpCommand.OutputControl(0, OsdpCommand.OutputControl.PERMANENT_OFF_ABORT_TIMED, 0);

    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final CountDownLatch keyAnswer = new CountDownLatch(1);
    private MemoryCable line;
    private OsdpBus bus;

    @AfterEach
    void stop() throws Exception {
        keyAnswer.countDown();
        if (bus != null) {
            bus.close();
        }
        if (line != null) {
            line.close();
        }
    }

    @Test
    void aKeyLookupThatHangsDoesNotStopTheOtherReadersOfTheLine() {
        FakeReader first = new FakeReader(0x41, KEY_A, false);
        FakeReader second = new FakeReader(0x42, KEY_B, false);
        ReaderKeys slowForTheFirst = readerId -> {
            if (readerId.equals("rdr-1")) {
                try {
                    keyAnswer.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
                return Optional.of(KEY_A.clone());
            }
            return Optional.of(KEY_B.clone());
        };
        line = MemoryCable.create("osdp-test");
        bus = OsdpTestBus.start(FakeReaderBus.on(line, first, second), events, slowForTheFirst, true, FAST,
                new OsdpReaderSettings("rdr-1", 0x41, false),
                new OsdpReaderSettings("rdr-2", 0x42, false));
        await().atMost(WITHIN).until(() -> events.has("online rdr-2"));
        second.cards.add(CARD_OTHER);
        await().atMost(WITHIN).until(() -> events.has("card rdr-2 " + CARD_OTHER));
        assertThat(events.lines()).doesNotContain("online rdr-1");
        assertThat(events.startingWith("offline rdr-2")).isEmpty();

        // the controller answers at last: the first reader comes online on a later attempt
        keyAnswer.countDown();
        await().atMost(WITHIN).until(() -> events.has("online rdr-1"));
        first.cards.add(CARD_1234);
        await().atMost(WITHIN).until(() -> events.has("card rdr-1 " + CARD_1234));
    }

    private FakeReader startPlainWithLock() {
        FakeReader reader = new FakeReader(0x22, null, false);
        line = MemoryCable.create("osdp-test");
        bus = OsdpTestBus.start(FakeReaderBus.on(line, reader), events, new OsdpTestBus.Keys(), false, SHORT_TTL,
                new OsdpReaderSettings("rdr-a", 0x22, false, Map.of("lock-a", 0, "lock-b", 1)));
        await().atMost(WITHIN).until(() -> events.has("online rdr-a"));
        return reader;
    }

    /** Makes the reader stop answering and waits until the bus is resending: from then on nothing leaves the queue. */
    private void holdTheQueue(FakeReader reader) {
        long retries = bus.counters().getOrDefault("retry", 0L);
        reader.silent = true;
        await().atMost(WITHIN).until(() -> bus.counters().getOrDefault("retry", 0L) > retries);
    }

    private List<OsdpCommand.OutputControl> outputsReceived(FakeReader reader) {
        return reader.received(OsdpCommand.Output.class).stream().flatMap(o -> o.outputs().stream()).toList();
    }

    @Test
    void aReleaseGoesAheadOfAFullQueueAndNeverExpires() {
        FakeReader reader = startPlainWithLock();
        holdTheQueue(reader);
        for (int i = 0; i < 40; i++) {
            bus.led("rdr-a", "GREEN", Duration.ofSeconds(1));
        }
        bus.release("lock-a");
        // longer than the command time-to-live, shorter than the offline time
        await().pollDelay(Duration.ofMillis(500)).atMost(WITHIN).until(() -> true);
        reader.silent = false;
        await().atMost(WITHIN).until(() -> outputsReceived(reader).contains(LOCK_A_OFF));
        await().atMost(WITHIN).until(() -> reader.received(OsdpCommand.Poll.class).size() > 3);
        // the LED commands were too old to be sent; the release was not
        assertThat(reader.received(OsdpCommand.Led.class)).isEmpty();
        assertThat(bus.counters().get("command_expired")).isPositive();
        assertThat(events.startingWith("offline")).isEmpty();
    }

    @Test
    void aReleaseCancelsAQueuedPulseOfTheSameOutputAndGoesFirst() {
        FakeReader reader = startPlainWithLock();
        holdTheQueue(reader);
        bus.pulse("lock-a", Duration.ofSeconds(5));
        bus.pulse("lock-b", Duration.ofSeconds(5));
        bus.led("rdr-a", "RED", Duration.ofSeconds(1));
        bus.release("lock-a");
        reader.silent = false;
        await().atMost(WITHIN).until(() -> reader.received(OsdpCommand.Led.class).size() == 1);
        await().atMost(WITHIN).until(() -> reader.received(OsdpCommand.Poll.class).size() > 3);
        // lock-a: only the release (the pulse asked before "lock now" is never sent late); lock-b's pulse still goes
        assertThat(outputsReceived(reader)).containsExactly(LOCK_A_OFF,
                new OsdpCommand.OutputControl(1, OsdpCommand.OutputControl.TEMPORARY_ON, 50));
    }
}
