package dev.warden.agent.osdp;

import static dev.warden.agent.osdp.OsdpTestBus.CARD_1234;
import static dev.warden.agent.osdp.OsdpTestBus.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.serial.MemoryCable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OSDP driver and its line: a line that goes down reports every reader {@code LINK_DOWN} and is re-opened with
 * backoff; a line that cannot be opened at start is retried; {@code close()} stops the thread and closes the line.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OsdpBusLinkTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final FakeReader reader = new FakeReader(0x01, OsdpTestBus.KEY_A, false);
    private final MemoryCable line = MemoryCable.create("osdp-test");
    private OsdpBus bus;

    @AfterEach
    void stop() throws Exception {
        if (bus != null) {
            bus.close();
        }
        line.close();
    }

    private OsdpBus start() {
        return OsdpTestBus.start(FakeReaderBus.on(line, reader), events,
                new OsdpTestBus.Keys().with("rdr-l", OsdpTestBus.KEY_A), true, FAST,
                new OsdpReaderSettings("rdr-l", 0x01, false));
    }

    @Test
    void anUnpluggedLineReportsLinkDownAndRecoversWhenPluggedBackIn() throws Exception {
        bus = start();
        await().atMost(WITHIN).until(() -> events.has("online rdr-l"));
        line.hangUp();
        await().atMost(WITHIN).until(() -> events.has("offline rdr-l LINK_DOWN"));
        int opensWhileUnplugged = line.opens();
        line.replug();
        await().atMost(WITHIN).until(() -> events.count("online rdr-l") == 2);
        assertThat(line.opens()).isGreaterThan(opensWhileUnplugged);
        assertThat(reader.sessions.get()).isEqualTo(2);
        reader.cards.add(CARD_1234);
        await().atMost(WITHIN).until(() -> events.has("card rdr-l " + CARD_1234));
        assertThat(bus.counters()).containsKey("link_down");
    }

    @Test
    void aLineThatCannotBeOpenedAtStartIsRetried() throws Exception {
        line.hangUp();
        bus = start();
        await().atMost(WITHIN).until(() -> events.has("offline rdr-l LINK_DOWN"));
        await().pollDelay(Duration.ofMillis(300)).atMost(WITHIN).until(() -> true);
        assertThat(events.count("offline rdr-l LINK_DOWN")).isEqualTo(1);
        line.replug();
        await().atMost(WITHIN).until(() -> events.has("online rdr-l"));
    }

    @Test
    void closeStopsTheBusThreadAndClosesTheLine() {
        bus = start();
        await().atMost(WITHIN).until(() -> events.has("online rdr-l"));
        bus.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("osdp-test") && t.isAlive());
        int polls = reader.wireFrames.size();
        await().pollDelay(Duration.ofMillis(200)).atMost(WITHIN).until(() -> true);
        assertThat(reader.wireFrames).hasSize(polls);
        bus.close(); // idempotent
    }
}
