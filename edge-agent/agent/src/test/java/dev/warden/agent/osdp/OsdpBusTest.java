package dev.warden.agent.osdp;

import static dev.warden.agent.osdp.OsdpTestBus.CARD_1234;
import static dev.warden.agent.osdp.OsdpTestBus.CARD_OTHER;
import static dev.warden.agent.osdp.OsdpTestBus.FAST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.serial.MemoryCable;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OSDP driver on a plaintext bus against fake readers over an in-memory line: cards, keys, tamper and inputs
 * reach the event port; LED, buzzer and output commands go out with the expected bytes; unknown ids are counted;
 * retries repeat the sequence number; a silent reader goes offline after the offline time and comes back.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OsdpBusTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final FakeReader reader = new FakeReader(0x22, null, false);
    private final MemoryCable line = MemoryCable.create("osdp-test");
    private OsdpBus bus;

    @AfterEach
    void stop() throws Exception {
        if (bus != null) {
            bus.close();
        }
        line.close();
    }

    private void startPlain(OsdpTimings timings) {
        bus = OsdpTestBus.start(FakeReaderBus.on(line, reader), events, new OsdpTestBus.Keys(), false, timings,
                new OsdpReaderSettings("rdr-a", 0x22, false, Map.of("lock-a", 0, "lock-b", 1)));
        await().atMost(WITHIN).until(() -> events.has("online rdr-a"));
    }

    @Test
    void aCardIsReportedOnceAsItsBits() {
        startPlain(FAST);
        reader.cards.add(CARD_1234);
        await().atMost(WITHIN).until(() -> events.has("card rdr-a " + CARD_1234));
        reader.cards.add(CARD_OTHER);
        await().atMost(WITHIN).until(() -> events.has("card rdr-a " + CARD_OTHER));
        assertThat(events.startingWith("card")).containsExactly("card rdr-a " + CARD_1234, "card rdr-a " + CARD_OTHER);
        assertThat(bus.counters()).containsEntry("card", 2L);
    }

    @Test
    void keypadKeysAreReported() {
        startPlain(FAST);
        reader.keys.add("1234#");
        reader.keys.add("*");
        await().atMost(WITHIN).until(() -> events.has("keypad rdr-a *"));
        assertThat(events.startingWith("keypad")).containsExactly("keypad rdr-a 1234#", "keypad rdr-a *");
    }

    @Test
    void tamperAndInputChangesAreReportedOnlyWhenTheyChange() {
        startPlain(FAST);
        // after going online the driver asks LSTAT and ISTAT once: all quiet, so nothing is reported
        await().atMost(WITHIN).until(() -> !reader.received(OsdpCommand.InputStatus.class).isEmpty());
        reader.tamper = true;
        await().atMost(WITHIN).until(() -> events.has("input rdr-a tamper true"));
        reader.inputs[1] = true;
        await().atMost(WITHIN).until(() -> events.has("input rdr-a input1 true"));
        reader.tamper = false;
        await().atMost(WITHIN).until(() -> events.has("input rdr-a tamper false"));
        assertThat(events.startingWith("input")).containsExactly(
                "input rdr-a tamper true", "input rdr-a input1 true", "input rdr-a tamper false");
    }

    @Test
    void ledBuzzerAndOutputCommandsGoOutWithTheExpectedBytes() {
        startPlain(FAST);
        bus.led("rdr-a", "GREEN", Duration.ofSeconds(3));
        bus.buzz("rdr-a", Duration.ofMillis(500));
        bus.pulse("lock-b", Duration.ofSeconds(5));
        bus.release("lock-a");
        bus.led("rdr-a", "red", Duration.ofMillis(250));
        bus.led("rdr-a", "AMBER", Duration.ofSeconds(1));
        await().atMost(WITHIN).until(() -> reader.received(OsdpCommand.Led.class).size() == 3);
        await().atMost(WITHIN).until(() -> reader.received(OsdpCommand.Output.class).size() == 2);

        // osdp_LED: reader 0 | LED 0 | 02 temporary set | on 0x1e (3 s) | off 0 | 02 green | 00 | timer 0x001e | permanent NOP
        assertThat(dataOf(OsdpCommand.LED, 0)).isEqualTo("00 00 02 1e 00 02 00 1e 00 00 00 00 00 00");
        assertThat(dataOf(OsdpCommand.LED, 1)).isEqualTo("00 00 02 03 00 01 00 03 00 00 00 00 00 00"); // red, 250 ms → 3
        assertThat(dataOf(OsdpCommand.LED, 2)).isEqualTo("00 00 02 0a 00 03 00 0a 00 00 00 00 00 00"); // amber, 1 s
        // osdp_BUZ: reader 0 | 02 default tone | on 5 (500 ms) | off 0 | 1 cycle
        assertThat(dataOf(OsdpCommand.BUZ, 0)).isEqualTo("00 02 05 00 01");
        // osdp_OUT: output 1 (lock-b) | 05 temporary on | 0x0032 = 5 s, and output 0 (lock-a) | 01 permanent off, abort
        // timed | 0 (a release jumps the queue, so it usually goes first)
        assertThat(framesWithCode(OsdpCommand.OUT).stream().map(f -> HexFormat.ofDelimiter(" ").formatHex(f.data())))
                .containsExactlyInAnyOrder("01 05 32 00", "00 01 00 00");

        OsdpFrame led = framesWithCode(OsdpCommand.LED).getFirst();
        assertThat(led.address()).isEqualTo(0x22);
        assertThat(led.crc()).isTrue();
        assertThat(led.securityBlock()).isEmpty();
    }

    private List<OsdpFrame> framesWithCode(int code) {
        return reader.wireFrames.stream().filter(f -> f.code() == code).distinct().toList();
    }

    private String dataOf(int code, int index) {
        return HexFormat.ofDelimiter(" ").formatHex(framesWithCode(code).get(index).data());
    }

    @Test
    void unknownIdsAndColoursAreCountedAndNeverThrow() {
        startPlain(FAST);
        bus.led("no-such-reader", "GREEN", Duration.ofSeconds(1));
        bus.buzz(null, Duration.ofSeconds(1));
        bus.pulse("no-such-relay", Duration.ofSeconds(1));
        bus.release(null);
        bus.led("rdr-a", "PURPLE", Duration.ofSeconds(1));
        bus.led("rdr-a", null, null);
        bus.pulse("lock-a", null);
        assertThat(bus.counters()).containsEntry("unknown_reader", 2L).containsEntry("unknown_relay", 2L)
                .containsEntry("unknown_color", 2L);
        // a null duration still means the shortest pulse (100 ms), not a failure
        await().atMost(WITHIN).until(() -> !reader.received(OsdpCommand.Output.class).isEmpty());
        assertThat(dataOf(OsdpCommand.OUT, 0)).isEqualTo("00 05 01 00");
    }

    @Test
    void aLostReplyIsRecoveredByRepeatingTheSameFrameAndTheCardArrivesOnce() {
        startPlain(FAST);
        reader.dropReplies.set(1);
        reader.cards.add(CARD_1234);
        await().atMost(WITHIN).until(() -> events.has("card rdr-a " + CARD_1234));
        await().pollDelay(Duration.ofMillis(200)).atMost(WITHIN).until(() -> true);
        assertThat(events.count("card rdr-a " + CARD_1234)).isEqualTo(1);
        assertThat(reader.repeats.get()).isPositive();
        assertThat(bus.counters().get("retry")).isPositive();
    }

    @Test
    void aSilentReaderGoesOfflineAfterTheOfflineTimeAndComesBack() {
        startPlain(FAST);
        long silentSince = System.nanoTime();
        reader.silent = true;
        await().atMost(WITHIN).until(() -> events.has("offline rdr-a NO_REPLY"));
        assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isGreaterThanOrEqualTo(FAST.offlineAfter());
        reader.silent = false;
        await().atMost(WITHIN).until(() -> events.count("online rdr-a") == 2);
        reader.cards.add(CARD_1234);
        await().atMost(WITHIN).until(() -> events.has("card rdr-a " + CARD_1234));
        assertThat(events.lines()).containsSubsequence("online rdr-a", "offline rdr-a NO_REPLY", "online rdr-a");
    }

    @Test
    void aCommandQueuedWhileTheReaderIsUnreachableIsDroppedNotSentLate() {
        OsdpTimings shortTtl = new OsdpTimings(FAST.replyTimeout(), FAST.offlineAfter(), FAST.pollInterval(), 3,
                FAST.offlineProbeInterval(), FAST.reopenInitial(), FAST.reopenMax(), Duration.ofMillis(200));
        startPlain(shortTtl);
        reader.silent = true;
        await().atMost(WITHIN).until(() -> events.has("offline rdr-a NO_REPLY"));
        bus.pulse("lock-a", Duration.ofSeconds(5));
        await().pollDelay(Duration.ofMillis(300)).atMost(WITHIN).until(() -> true);
        reader.silent = false;
        await().atMost(WITHIN).until(() -> events.count("online rdr-a") == 2);
        await().atMost(WITHIN).until(() -> reader.received(OsdpCommand.Poll.class).size() > 5);
        assertThat(reader.received(OsdpCommand.Output.class)).isEmpty();
        assertThat(bus.counters()).containsEntry("command_expired", 1L);
    }

    @Test
    void twoReadersShareTheLineAndOneGoingSilentDoesNotStopTheOther() throws Exception {
        FakeReader second = new FakeReader(0x05, null, false);
        MemoryCable shared = MemoryCable.create("osdp-shared");
        try (OsdpBus two = OsdpTestBus.start(FakeReaderBus.on(shared, reader, second), events, new OsdpTestBus.Keys(),
                false, FAST, new OsdpReaderSettings("rdr-a", 0x22, false), new OsdpReaderSettings("rdr-b", 0x05, false))) {
            await().atMost(WITHIN).until(() -> events.has("online rdr-a", "online rdr-b"));
            reader.cards.add(CARD_1234);
            second.cards.add(CARD_OTHER);
            await().atMost(WITHIN).until(() -> events.lines().containsAll(
                    List.of("card rdr-a " + CARD_1234, "card rdr-b " + CARD_OTHER)));
            List<Integer> order = new java.util.concurrent.CopyOnWriteArrayList<>();
            reader.lineOrder = order;
            second.lineOrder = order;
            reader.silent = true;
            await().atMost(WITHIN).until(() -> events.has("offline rdr-a NO_REPLY"));
            second.cards.add(CARD_1234);
            await().atMost(WITHIN).until(() -> events.has("card rdr-b " + CARD_1234));
            assertThat(events.lines()).doesNotContain("offline rdr-b NO_REPLY");
            // fairness: the silent reader never got two frames in a row (one attempt per turn, then the other reader)
            for (int i = 1; i < order.size(); i++) {
                assertThat(order.get(i) == 0x22 && order.get(i - 1) == 0x22).as("frame %d of %s", i, order).isFalse();
            }
            assertThat(order).contains(0x22, 0x05);
        } finally {
            shared.close();
        }
    }

    @Test
    void lineNoiseAndCutFramesBeforeRepliesAreSkippedAndCounted() {
        startPlain(FAST);
        // garbage, then the first 5 bytes of a frame that never completes, then the real reply
        reader.noiseBeforeReply = new byte[] {0x00, 0x13, (byte) 0x99, (byte) 0xFF, 0x53, (byte) 0xA2, 0x08, 0x00, 0x06};
        for (int i = 0; i < 10; i++) {
            reader.cards.add(i % 2 == 0 ? CARD_1234 : CARD_OTHER);
            int expected = i + 1;
            await().atMost(WITHIN).until(() -> events.startingWith("card").size() == expected);
        }
        assertThat(bus.counters()).containsKey("rejected_garbage").containsKey("rejected_bad_crc");
        assertThat(events.startingWith("offline")).isEmpty();
        assertThat(events.startingWith("card")).containsOnly("card rdr-a " + CARD_1234, "card rdr-a " + CARD_OTHER);
    }

    @Test
    void anEventPortThatThrowsDoesNotStopTheBus() {
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        dev.warden.agent.device.DeviceEvents flaky = new dev.warden.agent.device.DeviceEvents() {
            @Override
            public void cardRead(String readerId, String bits) {
                if (first.getAndSet(false)) {
                    throw new IllegalStateException("port failure");
                }
                events.cardRead(readerId, bits);
            }

            @Override
            public void keypad(String readerId, String keys) {
                events.keypad(readerId, keys);
            }

            @Override
            public void input(String deviceId, String input, boolean active) {
                events.input(deviceId, input, active);
            }

            @Override
            public void security(String deviceId, String code) {
                events.security(deviceId, code);
            }

            @Override
            public void reading(String deviceId, String quantity, double value, String unit) {
                events.reading(deviceId, quantity, value, unit);
            }

            @Override
            public void online(String deviceId) {
                events.online(deviceId);
            }

            @Override
            public void offline(String deviceId, String reason) {
                events.offline(deviceId, reason);
            }
        };
        bus = OsdpBus.start(new OsdpBusSettings("test", false, List.of(new OsdpReaderSettings("rdr-a", 0x22, false))),
                FakeReaderBus.on(line, reader), flaky, new OsdpTestBus.Keys(), java.time.Clock.systemUTC(), FAST);
        await().atMost(WITHIN).until(() -> events.has("online rdr-a"));
        reader.cards.add(CARD_1234);
        reader.cards.add(CARD_OTHER);
        await().atMost(WITHIN).until(() -> events.has("card rdr-a " + CARD_OTHER));
        assertThat(bus.counters()).containsEntry("event_failed", 1L);
        assertThat(line.opens()).isEqualTo(1);
    }
}
