package dev.warden.agent.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.serial.MemoryCable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the Modbus master against a test slave (built on the codec's device-side reader) over an in-memory line:
 * online/offline, inputs on change, passage counting with wrap-around, scaled readings on change and every minute,
 * permit pulses, exception answers, corrupt answers, silence, and a line that goes down and comes back.
 */
class ModbusBusTest {

    private static final Duration WAIT = Duration.ofSeconds(8);
    private static final ModbusTiming FAST = ModbusTiming.forBaud(19_200)
            .withReplyTimeout(Duration.ofMillis(60))
            .withLinkBackoff(Duration.ofMillis(20), Duration.ofMillis(100));

    private final TestSlave slave = new TestSlave();
    private final MemoryCable line = MemoryCable.create("bus-1");
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final List<ModbusBus> buses = new ArrayList<>();

    @BeforeEach
    void slaveAnswersForUnitsOneAndTwo() {
        slave.unit(1);
        slave.unit(2);
    }

    @AfterEach
    void closeBuses() {
        buses.forEach(ModbusBus::close);
    }

    private ModbusBus start(Clock clock, ModbusDeviceSettings... devices) {
        ModbusBus bus = ModbusBus.start("bus-1", List.of(devices), line.hostOpener(slave::serve), events, clock, FAST);
        buses.add(bus);
        return bus;
    }

    private ModbusBus start(ModbusDeviceSettings... devices) {
        return start(Clock.systemUTC(), devices);
    }

    private static ModbusDeviceSettings gate() {
        return ModbusDeviceSettings.turnstile("gate-1", 1, Duration.ofMillis(20));
    }

    private static ModbusDeviceSettings env() {
        return ModbusDeviceSettings.environment("env-1", 2, Duration.ofMillis(20));
    }

    @Test
    void turnstileComesOnlineWithItsInitialInputsThenCountsPassages() {
        slave.unit(1).discreteInputs[1] = true; // tampered from the start
        slave.unit(1).inputRegisters[0] = 41;   // passages before the agent started: not reported
        start(gate());

        await().atMost(WAIT).until(() -> events.of("gate-1").size() >= 3);
        assertThat(events.of("gate-1").subList(0, 3))
                .containsExactly("online gate-1", "input gate-1 contact false", "input gate-1 tamper true");

        slave.unit(1).inputRegisters[0] = 44;
        await().atMost(WAIT).until(() -> events.count("input gate-1 passage true") == 3);
        slave.unit(1).discreteInputs[0] = true;
        await().atMost(WAIT).until(() -> events.has("input gate-1 contact true"));
        int polls = slave.requests.size();
        await().atMost(WAIT).until(() -> slave.requests.size() > polls + 20);
        assertThat(events.count("input gate-1 passage true")).isEqualTo(3);
        assertThat(events.count("input gate-1 contact true")).isEqualTo(1);
        assertThat(events.count("online gate-1")).isEqualTo(1);
    }

    @Test
    void passageCounterWrapsAroundAt65536() {
        slave.unit(1).inputRegisters[0] = 65_534;
        start(gate());
        await().atMost(WAIT).until(() -> events.has("online gate-1"));
        int polls = slave.requests.size();
        await().atMost(WAIT).until(() -> slave.requests.size() > polls + 3);

        slave.unit(1).inputRegisters[0] = 1; // 65534 → 65535 → 0 → 1
        await().atMost(WAIT).until(() -> events.count("input gate-1 passage true") == 3);
        int later = slave.requests.size();
        await().atMost(WAIT).until(() -> slave.requests.size() > later + 20);
        assertThat(events.count("input gate-1 passage true")).isEqualTo(3);
    }

    @Test
    void counterJumpIsTakenAsAResetNotAsThousandsOfPassages() {
        slave.unit(1).inputRegisters[0] = 30;
        start(gate());
        await().atMost(WAIT).until(() -> events.has("online gate-1"));
        slave.unit(1).inputRegisters[0] = 0; // device restarted: 65506 "increments"
        int polls = slave.requests.size();
        await().atMost(WAIT).until(() -> slave.requests.size() > polls + 10);
        slave.unit(1).inputRegisters[0] = 2;
        await().atMost(WAIT).until(() -> events.count("input gate-1 passage true") == 2);
    }

    @Test
    void environmentReadingsAreScaledAndReportedOnChangeAndEveryMinute() {
        MutableClock clock = new MutableClock();
        TestSlave.Unit unit = slave.unit(2);
        unit.inputRegisters[0] = 0xFF38; // -200 → -20.0 °C
        unit.inputRegisters[1] = 450;    // 45.0 %
        start(clock, env());

        await().atMost(WAIT).until(() -> events.has("reading env-1 humidity 45.0 %"));
        // tables are read in order: discrete inputs, then input registers
        assertThat(events.of("env-1")).startsWith("online env-1", "input env-1 leak false", "input env-1 smoke false",
                "input env-1 power false", "reading env-1 temperature -20.0 C", "reading env-1 humidity 45.0 %");
        int polls = slave.requests.size();
        await().atMost(WAIT).until(() -> slave.requests.size() > polls + 20);
        assertThat(events.count("reading env-1 temperature -20.0 C")).isEqualTo(1);

        unit.inputRegisters[0] = 235;
        await().atMost(WAIT).until(() -> events.has("reading env-1 temperature 23.5 C"));
        assertThat(events.count("reading env-1 humidity 45.0 %")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        await().atMost(WAIT).until(() -> events.count("reading env-1 humidity 45.0 %") == 2);
        assertThat(events.count("reading env-1 temperature 23.5 C")).isEqualTo(2);

        unit.discreteInputs[0] = true;
        unit.discreteInputs[1] = true;
        unit.discreteInputs[2] = true;
        await().atMost(WAIT).until(() -> events.has("input env-1 leak true", "input env-1 smoke true", "input env-1 power true"));
    }

    @Test
    void pulseSwitchesThePermitCoilOnThenOffAfterTheDuration() {
        start(gate());
        await().atMost(WAIT).until(() -> events.has("online gate-1"));
        ModbusBus bus = buses.getFirst();

        long before = System.nanoTime();
        bus.pulse("gate-1", Duration.ofMillis(400));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(50));
        await().atMost(WAIT).until(() -> slave.unit(1).coils[0]);
        long on = System.nanoTime();
        await().atMost(WAIT).until(() -> !slave.unit(1).coils[0]);
        assertThat(Duration.ofNanos(System.nanoTime() - on)).isGreaterThan(Duration.ofMillis(300));
        // the first OFF is the one at start (the coil is not known until then)
        assertThat(slave.unit(1).permitWrites).containsExactly(false, true, false);
    }

    @Test
    void releaseSwitchesThePermitCoilOffAtOnce() {
        ModbusBus bus = start(gate());
        await().atMost(WAIT).until(() -> events.has("online gate-1"));
        bus.pulse("gate-1", Duration.ofMinutes(5));
        await().atMost(WAIT).until(() -> slave.unit(1).coils[0]);
        bus.release("gate-1");
        await().atMost(Duration.ofSeconds(2)).until(() -> !slave.unit(1).coils[0]);
        assertThat(slave.unit(1).permitWrites).containsExactly(false, true, false);
    }

    @Test
    void pulseForAnUnknownRelayOrADeviceWithoutPermitIsCountedAndIgnored() {
        ModbusBus bus = start(gate(), env());
        await().atMost(WAIT).until(() -> events.has("online gate-1", "online env-1"));
        assertThat(bus.controls("gate-1")).isTrue();
        assertThat(bus.controls("env-1")).isFalse();
        bus.pulse("no-such-gate", Duration.ofSeconds(1));
        bus.pulse("env-1", Duration.ofSeconds(1));
        await().atMost(WAIT).until(() -> bus.counters().unknownRelays() == 2);
        // the only coil write is the gate's OFF at start; nothing was switched on, nothing written to env-1
        assertThat(slave.requests).noneMatch(r -> r instanceof dev.warden.codec.modbus.ModbusRequest.WriteSingleCoil w
                && (w.on() || w.unitId() != 1));
    }

    @Test
    void exceptionAnswersAreCountedNotRetriedAndReportedAsOffline() {
        slave.unit(3);
        ModbusDeviceSettings wrongMap = new ModbusDeviceSettings("meter-1", 3, Duration.ofMillis(20),
                List.of(new ModbusPoint("power", ModbusTable.HOLDING_REGISTER, 40, 1, "W", false, false)));
        ModbusBus bus = start(wrongMap);

        await().atMost(WAIT).until(() -> events.has("offline meter-1 EXCEPTION_ILLEGAL_DATA_ADDRESS"));
        ModbusBus.Counters counters = bus.counters();
        assertThat(counters.exceptions()).isGreaterThanOrEqualTo(3);
        assertThat(counters.timeouts()).isZero();
        // every refused request was sent once: no retries for an exception (one may be in flight at the snapshot)
        assertThat(counters.requests() - counters.exceptions()).isBetween(0L, 1L);
        assertThat(events.lines()).doesNotContain("online meter-1").noneMatch(l -> l.startsWith("reading meter-1"));
    }

    @Test
    void silentDeviceGoesOfflineWithoutStoppingTheOthersAndComesBack() {
        ModbusBus bus = start(gate(), env());
        await().atMost(WAIT).until(() -> events.has("online gate-1", "online env-1"));

        slave.unit(1).behaviour = TestSlave.Behaviour.SILENT;
        await().atMost(WAIT).until(() -> events.has("offline gate-1 NO_REPLY"));
        assertThat(bus.counters().timeouts()).isGreaterThanOrEqualTo(3);
        slave.unit(2).inputRegisters[1] = 321;
        await().atMost(WAIT).until(() -> events.has("reading env-1 humidity 32.1 %"));

        slave.unit(1).behaviour = TestSlave.Behaviour.ANSWER;
        await().atMost(WAIT).until(() -> events.count("online gate-1") == 2);
        assertThat(events.lines()).doesNotContain("offline env-1 NO_REPLY");
    }

    @Test
    void corruptAnswersAreNeverUsed() {
        slave.unit(2).inputRegisters[0] = 999;
        slave.unit(2).behaviour = TestSlave.Behaviour.BAD_CRC;
        ModbusBus bus = start(env());
        await().atMost(WAIT).until(() -> events.has("offline env-1 BAD_REPLY"));
        assertThat(bus.counters().badReplies()).isGreaterThanOrEqualTo(3);
        assertThat(events.lines()).containsExactly("offline env-1 BAD_REPLY");

        slave.unit(2).behaviour = TestSlave.Behaviour.ANSWER;
        await().atMost(WAIT).until(() -> events.has("reading env-1 temperature 99.9 C"));
    }

    @Test
    void unplugReportsLinkDownForEveryDeviceAndReplugRecovers() {
        ModbusBus bus = start(gate(), env());
        await().atMost(WAIT).until(() -> events.has("online gate-1", "online env-1"));

        line.hangUp();
        await().atMost(WAIT).until(() -> events.has("offline gate-1 LINK_DOWN", "offline env-1 LINK_DOWN"));
        // a pulse while the line is down is queued, never blocks
        bus.pulse("gate-1", Duration.ofMillis(1));
        int writes = slave.unit(1).permitWrites.size();
        int opens = line.opens();
        await().atMost(WAIT).until(() -> bus.counters().linkDowns() >= 1);

        line.replug();
        await().atMost(WAIT).until(() -> events.count("online gate-1") == 2 && events.count("online env-1") == 2);
        assertThat(line.opens()).isGreaterThan(opens);
        assertThat(events.count("offline gate-1 LINK_DOWN")).as("once per outage").isEqualTo(1);
        // the pulse ended while the line was down: the coil is made sure to be off, never switched on late
        await().atMost(WAIT).until(() -> slave.unit(1).permitWrites.size() > writes);
        assertThat(slave.unit(1).permitWrites).doesNotContain(true);
    }

    @Test
    void lineThatCannotBeOpenedReportsLinkDownAndIsRetried() {
        line.hangUp();
        start(gate());
        await().atMost(WAIT).until(() -> events.has("offline gate-1 LINK_DOWN"));
        line.replug();
        await().atMost(WAIT).until(() -> events.has("online gate-1"));
        assertThat(events.count("offline gate-1 LINK_DOWN")).isEqualTo(1);
    }

    @Test
    void closeSwitchesAnActivePermitOffAndStopsTheThread() {
        ModbusBus bus = start(gate());
        await().atMost(WAIT).until(() -> events.has("online gate-1"));
        bus.pulse("gate-1", Duration.ofMinutes(1));
        await().atMost(WAIT).until(() -> slave.unit(1).coils[0]);
        bus.close();
        assertThat(slave.unit(1).coils[0]).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("modbus-bus-1"));
    }

    /** The system clock shifted by an offset that tests advance. */
    static final class MutableClock extends Clock {
        private final AtomicLong offsetMillis = new AtomicLong();

        void advance(Duration d) {
            offsetMillis.addAndGet(d.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(offsetMillis.get());
        }
    }
}
