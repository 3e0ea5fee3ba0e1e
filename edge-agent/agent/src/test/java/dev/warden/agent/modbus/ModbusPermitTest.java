package dev.warden.agent.modbus;

import dev.warden.agent.testing.ErrorInjectingOpener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.codec.modbus.ExceptionCode;
import dev.warden.codec.modbus.ModbusRequest;
import dev.warden.serial.MemoryCable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Verifies that a gate's permit coil never stays on after a pulse: an OFF that the device refuses, leaves unanswered
 * or acknowledges without applying is repeated (200 ms apart, backing off to 2 s) until the device confirms it and a
 * read of the coil shows it off; a permanent refusal, or 5 s without confirmation, is reported once per episode as
 * {@code security(gate, PERMIT_STUCK_ON)} while the bus keeps trying; a coil left on by an earlier run is switched off
 * at start; an {@link Error} on the bus thread does not stop it; {@code close()} that cannot confirm the OFF says so
 * at WARN, naming the gate. (Security review F2, L6.)
 */
class ModbusPermitTest {

    private static final Duration WAIT = Duration.ofSeconds(8);
    private static final String STUCK = "security gate-1 PERMIT_STUCK_ON";
    private static final ModbusTiming FAST = ModbusTiming.forBaud(19_200)
            .withReplyTimeout(Duration.ofMillis(60))
            .withLinkBackoff(Duration.ofMillis(20), Duration.ofMillis(100));

    private final TestSlave slave = new TestSlave();
    private final TestSlave.Unit gate = slave.unit(1);
    private final MemoryCable line = MemoryCable.create("bus-1");
    private final ErrorInjectingOpener opener = new ErrorInjectingOpener(line.hostOpener(slave::serve));
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final ModbusBusTest.MutableClock clock = new ModbusBusTest.MutableClock();
    private final List<ModbusBus> buses = new ArrayList<>();
    private final AtomicLong ons = new AtomicLong();

    @AfterEach
    void closeBuses() {
        buses.forEach(ModbusBus::close);
    }

    /** Starts a bus with the turnstile at unit 1 and waits until it answers and its coil was made sure to be off. */
    private ModbusBus startGate(Clock busClock) {
        ModbusBus bus = ModbusBus.start("bus-1", List.of(ModbusDeviceSettings.turnstile("gate-1", 1, Duration.ofMillis(20))),
                opener, events, busClock, FAST);
        buses.add(bus);
        await().atMost(WAIT).until(() -> events.has("online gate-1") && slave.coilReads(1) >= 1);
        return bus;
    }

    /** Waits until the gate has applied an ON write (a short pulse may already be over when this looks). */
    private void awaitPermitOn() {
        long before = ons.get();
        await().atMost(WAIT).until(() -> gate.permitWrites.stream().filter(on -> on).count() > before);
        ons.incrementAndGet();
    }

    private void awaitMoreOffAttempts(int more) {
        int seen = gate.offAttempts.size();
        await().atMost(WAIT).until(() -> gate.offAttempts.size() >= seen + more);
    }

    @Test
    void aBusyAnswerToTheOffWriteIsRetriedUntilTheCoilIsOff() {
        ModbusBus bus = startGate(Clock.systemUTC());
        gate.offRefusals.set(1); // review PoC: SERVER_DEVICE_BUSY to the first OFF
        bus.pulse("gate-1", Duration.ofMillis(300));
        awaitPermitOn();

        await().atMost(Duration.ofSeconds(3)).until(() -> !gate.coils[0]);
        assertThat(gate.permitWrites).endsWith(true, false);
        assertThat(events.lines()).doesNotContain(STUCK);
    }

    @Test
    void offWritesThatGetNoAnswerAreRepeatedUntilConfirmed() {
        ModbusBus bus = startGate(Clock.systemUTC());
        gate.offSilences.set(5); // one whole attempt (3 tries) and two tries of the next go unanswered
        bus.pulse("gate-1", Duration.ofMillis(100));
        awaitPermitOn();

        await().atMost(WAIT).until(() -> !gate.coils[0]);
        assertThat(gate.offAttempts.size()).isGreaterThanOrEqualTo(6);
        assertThat(events.lines()).doesNotContain(STUCK);
    }

    @Test
    void aCoilStillOnFiveSecondsAfterThePulseIsReportedOnceAndTheOffIsStillRetried() {
        ModbusBus bus = startGate(clock);
        gate.offRefusals.set(-1); // busy for ever
        bus.pulse("gate-1", Duration.ofMillis(100));
        awaitPermitOn();
        awaitMoreOffAttempts(4);
        assertThat(events.lines()).as("not yet 5 s").doesNotContain(STUCK);
        // the retries are spaced, the bus does not hammer the device
        List<Long> at = List.copyOf(gate.offAttempts);
        for (int i = at.size() - 3; i < at.size(); i++) {
            assertThat(Duration.ofNanos(at.get(i) - at.get(i - 1))).isGreaterThan(Duration.ofMillis(150));
        }

        clock.advance(Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> events.has(STUCK));
        awaitMoreOffAttempts(2);
        clock.advance(Duration.ofSeconds(30));
        awaitMoreOffAttempts(2);
        assertThat(events.count(STUCK)).as("once per episode").isEqualTo(1);
        assertThat(gate.coils[0]).isTrue();

        gate.offRefusals.set(0);
        await().atMost(WAIT).until(() -> !gate.coils[0]);
        assertThat(events.count(STUCK)).isEqualTo(1);
    }

    @Test
    void aPermanentRefusalOfTheOffIsReportedAtOnceAndStillRetried() {
        ModbusBus bus = startGate(Clock.systemUTC());
        gate.offRefusal = ExceptionCode.ILLEGAL_DATA_VALUE;
        gate.offRefusals.set(-1);
        bus.pulse("gate-1", Duration.ofMillis(100));
        awaitPermitOn();

        await().atMost(Duration.ofSeconds(3)).until(() -> events.has(STUCK));
        awaitMoreOffAttempts(3);
        assertThat(events.count(STUCK)).isEqualTo(1);

        gate.offRefusals.set(0);
        await().atMost(WAIT).until(() -> !gate.coils[0]);
    }

    @Test
    void anOffTheDeviceAcknowledgesButDoesNotApplyIsCaughtByReadingTheCoilBack() {
        ModbusBus bus = startGate(clock);
        gate.offIgnored = true;
        bus.pulse("gate-1", Duration.ofMillis(100));
        awaitPermitOn();
        long reads = slave.coilReads(1);
        awaitMoreOffAttempts(3);
        assertThat(slave.coilReads(1)).as("each acknowledged OFF is read back").isGreaterThan(reads);

        clock.advance(Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> events.has(STUCK));

        gate.offIgnored = false;
        await().atMost(WAIT).until(() -> !gate.coils[0]);
        // confirmed: the bus stops writing while it goes on polling
        int attempts = gate.offAttempts.size();
        int polls = slave.requests.size();
        await().atMost(WAIT).until(() -> slave.requests.size() > polls + 20);
        assertThat(gate.offAttempts.size() - attempts).isLessThanOrEqualTo(1);
        assertThat(events.count(STUCK)).isEqualTo(1);
    }

    @Test
    void aPulseEndsWithTheOffConfirmedByAReadOfTheCoil() {
        ModbusBus bus = startGate(Clock.systemUTC());
        long reads = slave.coilReads(1);
        bus.pulse("gate-1", Duration.ofMillis(100));
        awaitPermitOn();
        await().atMost(WAIT).until(() -> !gate.coils[0] && slave.coilReads(1) > reads);

        List<ModbusRequest> sent = List.copyOf(slave.requests);
        int lastOff = -1;
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i) instanceof ModbusRequest.WriteSingleCoil w && !w.on()) {
                lastOff = i;
            }
        }
        assertThat(sent.subList(lastOff + 1, sent.size()))
                .anyMatch(r -> r instanceof ModbusRequest.ReadCoils c && c.unitId() == 1 && c.address() == 0);
        int polls = slave.requests.size();
        await().atMost(WAIT).until(() -> slave.requests.size() > polls + 20);
        assertThat(gate.permitWrites).endsWith(true, false);
        assertThat(gate.permitWrites.stream().filter(on -> on).count()).isEqualTo(1);
        assertThat(events.lines()).doesNotContain(STUCK);
    }

    @Test
    void aDeviceThatCannotReadItsCoilsIsTrustedOnItsEchoAndNotAskedAgain() {
        gate.coilReadsRefused = true;
        ModbusBus bus = startGate(Clock.systemUTC());
        bus.pulse("gate-1", Duration.ofMillis(50));
        awaitPermitOn();
        await().atMost(WAIT).until(() -> !gate.coils[0]);
        bus.pulse("gate-1", Duration.ofMillis(50));
        await().atMost(WAIT).until(() -> gate.permitWrites.size() >= 4);
        await().atMost(WAIT).until(() -> !gate.coils[0]);

        assertThat(slave.coilReads(1)).isEqualTo(1);
        assertThat(events.lines()).doesNotContain(STUCK);
    }

    @Test
    void aCoilLeftOnByAnEarlierRunIsSwitchedOffAtStart() {
        gate.coils[0] = true;
        startGate(Clock.systemUTC());
        await().atMost(WAIT).until(() -> !gate.coils[0]);
        assertThat(gate.permitWrites).containsExactly(false);
    }

    @Test
    void anErrorOnTheBusThreadDoesNotStopItFromEndingThePulse() {
        ModbusBus bus = startGate(Clock.systemUTC());
        bus.pulse("gate-1", Duration.ofMillis(500));
        awaitPermitOn();
        opener.failNextRead();

        await().atMost(WAIT).until(() -> !gate.coils[0]);
        await().atMost(WAIT).until(() -> events.count("online gate-1") == 2);
        assertThat(events.lines()).contains("offline gate-1 LINK_DOWN").doesNotContain(STUCK);
    }

    @Test
    void offRetriesStartEvery200MillisAndBackOffTo2Seconds() {
        List<Long> delays = new ArrayList<>();
        for (int failures = 1; failures <= 20; failures++) {
            delays.add(ModbusBus.offRetryDelayMillis(failures));
        }
        assertThat(delays.subList(0, 5)).containsOnly(200L);
        assertThat(delays).isSorted().allMatch(d -> d >= 200 && d <= 2_000);
        assertThat(delays.getLast()).isEqualTo(2_000L);
    }

    @Test
    void closeThatCannotConfirmThePermitOffWarnsThatItMayBeLeftOn() {
        ModbusBus bus = startGate(Clock.systemUTC());
        bus.pulse("gate-1", Duration.ofMinutes(1));
        awaitPermitOn();
        gate.offRefusals.set(-1);

        List<ILoggingEvent> logged = capturingWarnings(bus::close);

        assertThat(gate.coils[0]).isTrue();
        assertThat(logged).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("gate-1").contains("may be left ON");
        });
    }

    @Test
    void closeWhileTheLineIsDownWarnsThatThePermitMayBeLeftOn() {
        ModbusBus bus = startGate(Clock.systemUTC());
        bus.pulse("gate-1", Duration.ofMinutes(1));
        awaitPermitOn();
        line.hangUp();
        await().atMost(WAIT).until(() -> events.has("offline gate-1 LINK_DOWN"));

        List<ILoggingEvent> logged = capturingWarnings(bus::close);

        assertThat(logged).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("gate-1").contains("may be left ON");
        });
    }

    @Test
    void closeAfterAConfirmedOffWarnsAboutNothing() {
        ModbusBus bus = startGate(Clock.systemUTC());
        bus.pulse("gate-1", Duration.ofMinutes(1));
        awaitPermitOn();

        List<ILoggingEvent> logged = capturingWarnings(bus::close);

        assertThat(gate.coils[0]).isFalse();
        assertThat(logged).noneMatch(e -> e.getFormattedMessage().contains("may be left ON"));
    }

    /** Runs {@code action} with the bus's WARN messages recorded (the test log configuration shows only errors). */
    private static List<ILoggingEvent> capturingWarnings(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(ModbusBus.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.WARN);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        return List.copyOf(appender.list);
    }
}
