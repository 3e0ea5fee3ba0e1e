package dev.warden.agent.modbus;

import dev.warden.agent.device.DeviceEvents;
import dev.warden.agent.device.RelayOutputs;
import dev.warden.codec.modbus.ExceptionCode;
import dev.warden.codec.modbus.ModbusRequest;
import dev.warden.codec.modbus.ModbusResponse;
import dev.warden.codec.modbus.ModbusResponse.ExceptionResponse;
import dev.warden.serial.Backoff;
import dev.warden.serial.LinkOpener;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Modbus RTU master for one serial line, run by one daemon thread.
 *
 * <p>Every device is polled on its own schedule: one read per table and register range, each with the reply
 * timeout and retries of its {@link ModbusTiming}, frames separated by the 3.5-character silence. A poll in which
 * every read is answered reports the device {@link DeviceEvents#online online} (once) and then what changed:
 * {@link DeviceEvents#input inputs} on change (the first poll reports every initial state), one {@code passage}
 * input per counter increment (modulo 65536), {@link DeviceEvents#reading readings} on change and at least every
 * {@link ModbusTiming#readingRefresh()}. After {@link ModbusTiming#offlineAfter()} failed polls in a row the device
 * is reported offline with the reason of the last failure: {@code NO_REPLY}, {@code BAD_REPLY} (only corrupt
 * answers), or {@code EXCEPTION_<code>} (the device refuses the read, e.g. {@code EXCEPTION_ILLEGAL_DATA_ADDRESS}:
 * a wrong register map). Exception answers are logged and counted, and not retried. An offline device is probed
 * without retries, at most once a second, so it does not hold up the others.
 *
 * <p>{@link #pulse} switches a gate's {@code permit} coil on and, after the duration, off; {@link #release} switches
 * it off at once. Both only queue the command and return. An ON write that times out is repeated until the device
 * echoes it; an ON the device refuses (exception answer) is not repeated: the gate stays closed. A pulse that ends
 * while the device is unreachable becomes an "off".
 *
 * <p>The permit coil never stays on silently. Switching it off is done until it is <em>confirmed</em>: the device
 * echoes the OFF write and a read of the coil (FC01) shows it off (a device that refuses coil reads with
 * ILLEGAL_FUNCTION or ILLEGAL_DATA_ADDRESS is trusted on its echo). An OFF that is refused (any exception code), not
 * answered, answered with garbage, or acknowledged while the coil still reads on, is repeated: every
 * {@value #OFF_RETRY_MILLIS} ms at first, then backing off to every {@value #OFF_RETRY_MAX_MILLIS} ms (at most once a
 * second for an offline device), for as long as it takes. When the device refuses the OFF with a permanent exception
 * code (01 ILLEGAL_FUNCTION, 02 ILLEGAL_DATA_ADDRESS, 03 ILLEGAL_DATA_VALUE), or the OFF is not confirmed
 * {@value #STUCK_AFTER_MILLIS} ms after it was wanted (the line may be down), the gate is reported once per episode
 * as {@link DeviceEvents#security security(gate, "PERMIT_STUCK_ON")}, and the bus keeps trying. Each gate's coil is
 * also switched off once when the bus starts, in case an earlier run left it on.
 *
 * <p>When the line goes down ({@link dev.warden.serial.LinkDownException} or any I/O error of the link) every device
 * is reported offline {@code LINK_DOWN} and the line is re-opened with exponential backoff; devices come back
 * online on their first good poll. An unexpected failure on the bus thread (even an {@link Error}) is logged and
 * handled like a line that went down. {@link #close} stops the thread, tries for up to
 * {@value #CLOSE_BUDGET_MILLIS} ms to switch off the permit coils that may be on (best effort), logs at WARN each gate
 * whose coil it could not confirm off ("permit may be left ON"), and closes the line.
 */
public final class ModbusBus implements RelayOutputs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusBus.class);
    /** The longest the thread sleeps before looking at the clock again. */
    private static final long MAX_IDLE_MILLIS = 100;
    /** An offline device is probed at most this often. */
    private static final long OFFLINE_PROBE_MILLIS = 1_000;
    /** A failed ON write is repeated after at least this long. */
    private static final long WRITE_RETRY_MILLIS = 200;
    /** An OFF that is not confirmed is repeated this long after each of its first five failures... */
    public static final long OFF_RETRY_MILLIS = 200;
    private static final int OFF_RETRIES_AT_FULL_RATE = 5;
    /** ... then the interval doubles with each failure up to this. */
    public static final long OFF_RETRY_MAX_MILLIS = 2_000;
    /** An OFF not confirmed this long after it was wanted is reported as {@link #PERMIT_STUCK_ON}. */
    public static final long STUCK_AFTER_MILLIS = 5_000;
    /** The security code of a permit coil that could not be confirmed off. */
    public static final String PERMIT_STUCK_ON = "PERMIT_STUCK_ON";
    /** At close, new attempts to switch permit coils off start for this long. */
    public static final long CLOSE_BUDGET_MILLIS = 1_000;

    /** The bus's counters since start. */
    public record Counters(long requests, long answers, long timeouts, long badReplies, long exceptions,
            long linkDowns, long unknownRelays) {}

    private record Command(String deviceId, Duration pulse) {}

    private static final Command WAKE = new Command("", Duration.ZERO);

    private final String busId;
    private final LinkOpener opener;
    private final DeviceEvents events;
    private final Clock clock;
    private final ModbusTiming timing;
    private final Map<String, PolledDevice> devices = new LinkedHashMap<>();
    private final List<String> gates;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private final BusCounters counters = new BusCounters();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SerialLink link;
    private ModbusTransport transport;
    private final Backoff backoff;

    private ModbusBus(String busId, List<ModbusDeviceSettings> devices, LinkOpener opener, DeviceEvents events,
            Clock clock, ModbusTiming timing) {
        this.busId = Objects.requireNonNull(busId, "busId");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.events = new SafeEvents(Objects.requireNonNull(events, "events"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timing = Objects.requireNonNull(timing, "timing");
        Set<Integer> units = new HashSet<>();
        for (ModbusDeviceSettings d : devices) {
            if (this.devices.putIfAbsent(d.deviceId(), new PolledDevice(d)) != null) {
                throw new IllegalArgumentException("bus " + busId + ": two devices named " + d.deviceId());
            }
            if (!units.add(d.unitId())) {
                throw new IllegalArgumentException("bus " + busId + ": two devices at unit " + d.unitId());
            }
        }
        this.gates = this.devices.values().stream().filter(d -> d.permit.isPresent()).map(PolledDevice::id).toList();
        this.backoff = new Backoff(timing.linkBackoffMin(), timing.linkBackoffMax());
        this.thread = new Thread(this::run, "modbus-" + busId);
        this.thread.setDaemon(true);
    }

    /** Starts polling {@code devices} on the line {@code opener} opens, timed for 19200 baud. */
    public static ModbusBus start(String busId, List<ModbusDeviceSettings> devices, LinkOpener opener,
            DeviceEvents events, Clock clock) {
        return start(busId, devices, opener, events, clock, ModbusTiming.forBaud(19_200));
    }

    /** Starts polling {@code devices} with {@code timing} (e.g. {@code ModbusTiming.forBaud(bus.baud())}). */
    public static ModbusBus start(String busId, List<ModbusDeviceSettings> devices, LinkOpener opener,
            DeviceEvents events, Clock clock, ModbusTiming timing) {
        ModbusBus bus = new ModbusBus(busId, devices, opener, events, clock, timing);
        bus.thread.start();
        return bus;
    }

    /** True if {@code relayId} is a device of this bus with a permit coil. */
    public boolean controls(String relayId) {
        PolledDevice d = devices.get(relayId);
        return d != null && d.permit.isPresent();
    }

    /** Queues: permit coil of gate {@code relayId} on now, off after {@code duration}. Never blocks, never throws. */
    @Override
    public void pulse(String relayId, Duration duration) {
        commands.offer(new Command(relayId, duration == null || duration.isNegative() ? Duration.ZERO : duration));
    }

    /** Queues: permit coil of gate {@code relayId} off now. Never blocks, never throws. */
    @Override
    public void release(String relayId) {
        commands.offer(new Command(relayId, null));
    }

    /** The counters since start. */
    public Counters counters() {
        return counters.snapshot();
    }

    /**
     * Stops polling, switches permit coils that may be on off (best effort, see the class comment) and closes the
     * line. A gate whose coil could not be confirmed off is logged at WARN ("permit may be left ON").
     */
    @Override
    public void close() {
        running = false;
        commands.offer(WAKE);
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            long waitMillis = CLOSE_BUDGET_MILLIS + timing.replyTimeout().toMillis() * (timing.retries() + 2L) + 1_000;
            thread.join(waitMillis);
            if (thread.isAlive()) {
                closeLink(); // wakes a blocked read
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive() && !gates.isEmpty()) {
            LOG.warn("Modbus bus {}: the bus thread did not stop in time; the permit of {} may be left ON", busId,
                    String.join(", ", gates));
        }
    }

    private void run() {
        LOG.info("Modbus bus {} on {}: {} device(s)", busId, opener.describe(), devices.size());
        try {
            while (running) {
                try {
                    if (transport == null) {
                        open();
                    } else {
                        cycle();
                    }
                } catch (IOException e) {
                    lineDown(e);
                } catch (Throwable e) {
                    // a bug (even an Error) must not kill the bus, which owns the permit coils: log it, start over
                    LOG.error("Modbus bus {}: unexpected failure, re-opening the line", busId, e);
                    lineDown(new IOException(e.toString(), e));
                }
            }
        } finally {
            shutdown();
        }
    }

    private void open() {
        try {
            SerialLink opened = opener.open();
            link = opened;
            transport = new ModbusTransport(opened, timing, counters);
            LOG.info("Modbus bus {}: line {} open", busId, opened.describe());
            long now = clock.millis();
            devices.values().forEach(d -> d.nextPollAt = now);
        } catch (IOException | RuntimeException e) {
            reportLinkDown("cannot open " + opener.describe() + ": " + e.getMessage());
            waitFor(backoff.next().toMillis());
        }
    }

    private void lineDown(IOException e) {
        closeLink();
        reportLinkDown("line " + opener.describe() + " down: " + e.getMessage());
        tickPermits(clock.millis());
        waitFor(backoff.next().toMillis());
    }

    private void reportLinkDown(String why) {
        boolean fresh = devices.values().stream()
                .anyMatch(d -> d.status != PolledDevice.Status.OFFLINE || !PolledDevice.LINK_DOWN.equals(d.offlineReason));
        if (fresh) {
            counters.linkDowns.increment();
            LOG.warn("Modbus bus {}: {}", busId, why);
        } else {
            LOG.debug("Modbus bus {}: {}", busId, why);
        }
        devices.values().forEach(d -> d.linkDown(events));
    }

    private void closeLink() {
        SerialLink l = link;
        link = null;
        transport = null;
        if (l != null) {
            try {
                l.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("Modbus bus {}: closing the line: {}", busId, e.toString());
            }
        }
    }

    /** One pass: pending writes first, then every device whose poll is due, then wait for the next due time. */
    private void cycle() throws IOException {
        for (PolledDevice d : devices.values()) {
            if (!running) {
                return;
            }
            takeCommands();
            writePermits();
            long now = clock.millis();
            if (now >= d.nextPollAt) {
                poll(d);
                long interval = d.settings.pollInterval().toMillis();
                if (d.status == PolledDevice.Status.OFFLINE) {
                    interval = Math.max(interval, OFFLINE_PROBE_MILLIS);
                }
                d.nextPollAt = Math.max(d.nextPollAt + interval, clock.millis());
            }
        }
        takeCommands();
        writePermits();
        waitFor(untilNextDue());
    }

    private void poll(PolledDevice d) throws IOException {
        int retries = d.status == PolledDevice.Status.OFFLINE ? 0 : timing.retries();
        String failure = null;
        String detail = null;
        ModbusResponse[] answers = new ModbusResponse[d.blocks.size()];
        for (int i = 0; i < d.blocks.size() && running; i++) {
            ReadBlock block = d.blocks.get(i);
            ModbusRequest request = block.request(d.settings.unitId());
            switch (transport.exchange(request, retries)) {
                case ModbusTransport.Outcome.Answer(ExceptionResponse e) -> {
                    counters.exceptions.increment();
                    failure = "EXCEPTION_" + exceptionName(e);
                    detail = request.function() + " " + block.table() + " " + block.start() + "+" + block.quantity()
                            + ": " + e.meaning().meaning();
                    logException(d, detail);
                }
                case ModbusTransport.Outcome.Answer(ModbusResponse r) -> answers[i] = r;
                case ModbusTransport.Outcome.Failure f -> {
                    failure = f.reason();
                    detail = f.detail();
                }
            }
            if (failure != null && !failure.startsWith("EXCEPTION_")) {
                break; // the device did not answer: do not spend the bus on its other reads
            }
        }
        if (!running && failure == null) {
            return;
        }
        long now = clock.millis();
        if (failure == null) {
            backoff.reset(); // the line works: the next outage starts over with the shortest wait
            d.answered(events);
        } else {
            d.failed(failure, detail, timing.offlineAfter(), events);
        }
        if (d.status == PolledDevice.Status.ONLINE) {
            for (int i = 0; i < answers.length; i++) {
                if (answers[i] != null) {
                    d.apply(d.blocks.get(i), answers[i], now, timing, events);
                }
            }
        }
    }

    private static String exceptionName(ExceptionResponse e) {
        return e.meaning() == dev.warden.codec.modbus.ExceptionCode.UNDEFINED ? "CODE_" + e.code() : e.meaning().name();
    }

    private void logException(PolledDevice d, String detail) {
        if (d.status == PolledDevice.Status.OFFLINE) {
            LOG.debug("Modbus device {} (unit {}) refuses {}", d.id(), d.settings.unitId(), detail);
        } else {
            LOG.warn("Modbus device {} (unit {}) refuses {}", d.id(), d.settings.unitId(), detail);
        }
    }

    private void takeCommands() {
        Command c;
        while ((c = commands.poll()) != null) {
            apply(c);
        }
    }

    private void apply(Command c) {
        if (c == WAKE) {
            return;
        }
        PolledDevice d = devices.get(c.deviceId());
        if (d == null || d.permit.isEmpty()) {
            counters.unknownRelays.increment();
            LOG.warn("Modbus bus {}: {} is no gate with a permit coil on this bus; ignored", busId, c.deviceId());
            return;
        }
        long now = clock.millis();
        if (c.pulse() != null) {
            d.pulseStarts(now, now + c.pulse().toMillis());
        } else {
            d.offWanted(now);
        }
    }

    /**
     * Ends the pulses that are due, starts an OFF episode for a coil that may be on and is wanted off, and reports
     * {@link #PERMIT_STUCK_ON} when an episode has lasted {@value #STUCK_AFTER_MILLIS} ms. Runs whether or not the
     * line is up.
     */
    private void tickPermits(long now) {
        for (PolledDevice d : devices.values()) {
            if (d.permit.isEmpty()) {
                continue;
            }
            if (d.permitOffAt >= 0 && now >= d.permitOffAt) {
                d.offWanted(now);
            }
            if (!d.permitDesired && d.permitMayBeOn && d.offWantedSince < 0) {
                d.offWantedSince = now;
            }
            if (d.offWantedSince >= 0 && !d.stuckReported && now - d.offWantedSince >= STUCK_AFTER_MILLIS) {
                reportStuck(d, "not confirmed off " + (now - d.offWantedSince) + " ms after the end of the permit");
            }
        }
    }

    /** Writes (or reads back) every permit coil whose state is not confirmed as wanted and whose turn has come. */
    private void writePermits() throws IOException {
        tickPermits(clock.millis());
        for (PolledDevice d : devices.values()) {
            if (d.permit.isEmpty() || !d.permitDirty || clock.millis() < d.nextWriteAt || transport == null
                    || !running) {
                continue;
            }
            if (d.permitDesired) {
                writeOn(d);
            } else if (d.offReadBackDue) {
                readBack(d);
            } else {
                writeOff(d);
            }
        }
    }

    private ModbusRequest.WriteSingleCoil permitWrite(PolledDevice d, boolean on) {
        return new ModbusRequest.WriteSingleCoil(d.settings.unitId(), d.permit.orElseThrow().register(), on);
    }

    private int retries(PolledDevice d) {
        return d.status == PolledDevice.Status.OFFLINE ? 0 : timing.retries();
    }

    private void writeOn(PolledDevice d) throws IOException {
        boolean mayBeOnBefore = d.permitMayBeOn;
        d.permitMayBeOn = true; // a write that gets no answer may still have switched the coil on
        switch (transport.exchange(permitWrite(d, true), retries(d))) {
            case ModbusTransport.Outcome.Answer(ExceptionResponse e) -> {
                // refused: the gate stays closed (fails secure); the end of the pulse still makes sure it is off
                counters.exceptions.increment();
                LOG.warn("Modbus device {} (unit {}) refuses to switch its permit coil on: {}", d.id(),
                        d.settings.unitId(), e.meaning().meaning());
                d.permitMayBeOn = mayBeOnBefore;
                d.permitDirty = false;
            }
            case ModbusTransport.Outcome.Answer(ModbusResponse r) -> {
                LOG.debug("Modbus device {}: permit on", d.id());
                d.permitConfirmed = true;
                d.permitDirty = false;
            }
            case ModbusTransport.Outcome.Failure f -> {
                LOG.debug("Modbus device {}: permit on not written: {}", d.id(), f.reason());
                d.nextWriteAt = clock.millis() + Math.max(WRITE_RETRY_MILLIS,
                        d.status == PolledDevice.Status.OFFLINE ? OFFLINE_PROBE_MILLIS : 0);
            }
        }
    }

    private void writeOff(PolledDevice d) throws IOException {
        switch (transport.exchange(permitWrite(d, false), retries(d))) {
            case ModbusTransport.Outcome.Answer(ExceptionResponse e) -> {
                counters.exceptions.increment();
                offFailed(d, "the device refuses it: " + exceptionName(e) + ", " + e.meaning().meaning(),
                        isPermanent(e));
            }
            case ModbusTransport.Outcome.Answer(ModbusResponse r) -> {
                d.permitConfirmed = false;
                if (d.readBackUnsupported) {
                    offConfirmed(d);
                } else {
                    LOG.debug("Modbus device {}: permit off acknowledged; reading the coil back", d.id());
                    d.offReadBackDue = true;
                    d.nextWriteAt = clock.millis();
                }
            }
            case ModbusTransport.Outcome.Failure f -> offFailed(d, f.reason() + " (" + f.detail() + ")", false);
        }
    }

    /** Reads the permit coil after the device acknowledged the OFF: only a coil that reads off is confirmed. */
    private void readBack(PolledDevice d) throws IOException {
        ModbusRequest.ReadCoils read = new ModbusRequest.ReadCoils(d.settings.unitId(),
                d.permit.orElseThrow().register(), 1);
        d.offReadBackDue = false; // whatever happens now, the next step is confirmed or a new OFF write
        switch (transport.exchange(read, retries(d))) {
            case ModbusTransport.Outcome.Answer(ExceptionResponse e) when e.meaning() == ExceptionCode.ILLEGAL_FUNCTION
                    || e.meaning() == ExceptionCode.ILLEGAL_DATA_ADDRESS -> {
                counters.exceptions.increment();
                LOG.info("Modbus device {} (unit {}) does not let its permit coil be read ({}); its acknowledgement "
                        + "of an OFF is taken as confirmation", d.id(), d.settings.unitId(), exceptionName(e));
                d.readBackUnsupported = true;
                offConfirmed(d);
            }
            case ModbusTransport.Outcome.Answer(ExceptionResponse e) -> {
                counters.exceptions.increment();
                offFailed(d, "reading the coil back is refused: " + exceptionName(e), false);
            }
            case ModbusTransport.Outcome.Answer(ModbusResponse.ReadCoilsResponse r) when !r.coils().getFirst() ->
                    offConfirmed(d);
            case ModbusTransport.Outcome.Answer(ModbusResponse r) -> {
                d.permitConfirmed = true;
                d.permitMayBeOn = true;
                offFailed(d, "the coil still reads ON after the device acknowledged the OFF", false);
            }
            case ModbusTransport.Outcome.Failure f -> offFailed(d, "reading the coil back: " + f.reason(), false);
        }
    }

    /** The OFF was not confirmed: try again later (backing off), report a permanent refusal at once. */
    private void offFailed(PolledDevice d, String why, boolean permanent) {
        d.offFailures++;
        long delay = offRetryDelayMillis(d.offFailures);
        if (d.status == PolledDevice.Status.OFFLINE) {
            delay = Math.max(delay, OFFLINE_PROBE_MILLIS);
        }
        d.permitDirty = true;
        d.nextWriteAt = clock.millis() + delay;
        if (d.offFailures == 1 && d.permitMayBeOn) {
            LOG.warn("Modbus device {} (unit {}): permit coil not confirmed off: {}; trying again", d.id(),
                    d.settings.unitId(), why);
        } else {
            LOG.debug("Modbus device {}: permit off not confirmed (attempt {}): {}; next in {} ms", d.id(),
                    d.offFailures, why, delay);
        }
        if (permanent && d.permitMayBeOn) {
            reportStuck(d, why);
        }
    }

    private void offConfirmed(PolledDevice d) {
        if (d.stuckReported) {
            LOG.warn("Modbus device {} (unit {}): permit coil confirmed off after {} failed attempt(s)", d.id(),
                    d.settings.unitId(), d.offFailures);
        } else {
            LOG.debug("Modbus device {}: permit off confirmed", d.id());
        }
        d.offConfirmed();
    }

    /** Reports {@link #PERMIT_STUCK_ON} once per episode. */
    private void reportStuck(PolledDevice d, String why) {
        if (d.stuckReported) {
            return;
        }
        d.stuckReported = true;
        if (d.offWantedSince < 0) {
            d.offWantedSince = clock.millis();
        }
        LOG.warn("Modbus device {} (unit {}): permit coil may be stuck ON ({}); reported {}, still trying to switch "
                + "it off", d.id(), d.settings.unitId(), why, PERMIT_STUCK_ON);
        events.security(d.id(), PERMIT_STUCK_ON);
    }

    /** Codes that retrying will not change: the device does not have the function, the coil, or the value. */
    private static boolean isPermanent(ExceptionResponse e) {
        return e.meaning() == ExceptionCode.ILLEGAL_FUNCTION || e.meaning() == ExceptionCode.ILLEGAL_DATA_ADDRESS
                || e.meaning() == ExceptionCode.ILLEGAL_DATA_VALUE;
    }

    /**
     * How long to wait before the next attempt after {@code failures} failed attempts to switch a coil off:
     * {@value #OFF_RETRY_MILLIS} ms for the first {@value #OFF_RETRIES_AT_FULL_RATE}, then doubling up to
     * {@value #OFF_RETRY_MAX_MILLIS} ms.
     */
    static long offRetryDelayMillis(int failures) {
        if (failures <= OFF_RETRIES_AT_FULL_RATE) {
            return OFF_RETRY_MILLIS;
        }
        int doublings = Math.min(failures - OFF_RETRIES_AT_FULL_RATE, 8);
        return Math.min(OFF_RETRY_MAX_MILLIS, OFF_RETRY_MILLIS << doublings);
    }

    private long untilNextDue() {
        long now = clock.millis();
        long next = now + MAX_IDLE_MILLIS;
        for (PolledDevice d : devices.values()) {
            next = Math.min(next, d.nextPollAt);
            if (d.permitOffAt >= 0) {
                next = Math.min(next, d.permitOffAt);
            }
            if (d.permitDirty) {
                next = Math.min(next, d.nextWriteAt);
            }
            if (d.offWantedSince >= 0 && !d.stuckReported) {
                next = Math.min(next, d.offWantedSince + STUCK_AFTER_MILLIS);
            }
        }
        return Math.max(0, next - now);
    }

    /** Waits up to {@code millis} (at most {@value #MAX_IDLE_MILLIS} ms at a time), taking commands as they come. */
    private void waitFor(long millis) {
        long until = clock.millis() + millis;
        long left = millis;
        while (running && left > 0) {
            try {
                Command c = commands.poll(Math.min(left, MAX_IDLE_MILLIS), TimeUnit.MILLISECONDS);
                if (c != null) {
                    apply(c);
                    if (transport != null) {
                        return; // a command for a live line: write it now
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return;
            }
            tickPermits(clock.millis()); // pulses end and stuck coils are reported while the line is down, too
            left = until - clock.millis();
        }
    }

    /**
     * At close: every permit coil that may be on is switched off, each refused or unanswered attempt repeated until
     * {@value #CLOSE_BUDGET_MILLIS} ms have passed; each gate not confirmed off is logged at WARN.
     */
    private void shutdown() {
        try {
            takeCommands();
        } catch (RuntimeException e) {
            LOG.debug("Modbus bus {}: commands at close: {}", busId, e.toString());
        }
        long deadline = clock.millis() + CLOSE_BUDGET_MILLIS;
        for (PolledDevice d : devices.values()) {
            if (d.permit.isEmpty() || !(d.permitDesired || d.permitMayBeOn)) {
                continue; // no permit, or known off
            }
            d.permitDesired = false;
            d.permitOffAt = -1;
            String why = switchOffAtClose(d, deadline);
            if (why != null) {
                LOG.warn("Modbus bus {}: the permit coil of {} (unit {}) could not be switched off at close ({}): "
                        + "permit may be left ON", busId, d.id(), d.settings.unitId(), why);
            }
        }
        closeLink();
        LOG.info("Modbus bus {} stopped", busId);
    }

    /** Tries to switch the coil off until {@code deadline}: null once the device acknowledged, else why not. */
    private String switchOffAtClose(PolledDevice d, long deadline) {
        String why = "the line is down";
        while (transport != null) {
            try {
                switch (transport.exchange(permitWrite(d, false), retries(d))) {
                    case ModbusTransport.Outcome.Answer(ExceptionResponse e) -> {
                        counters.exceptions.increment();
                        why = "refused: " + exceptionName(e);
                    }
                    case ModbusTransport.Outcome.Answer(ModbusResponse r) -> {
                        d.offConfirmed();
                        return null;
                    }
                    case ModbusTransport.Outcome.Failure f -> why = f.reason();
                }
            } catch (IOException | RuntimeException e) {
                closeLink();
                return "the line failed: " + e.getMessage();
            }
            if (clock.millis() >= deadline) {
                return why;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(WRITE_RETRY_MILLIS));
        }
        return why;
    }

    /** Passes events on, never letting a failing receiver stop the bus. */
    private record SafeEvents(DeviceEvents target) implements DeviceEvents {
        @Override
        public void cardRead(String readerId, String bits) {
            guard(() -> target.cardRead(readerId, bits));
        }

        @Override
        public void keypad(String readerId, String keys) {
            guard(() -> target.keypad(readerId, keys));
        }

        @Override
        public void input(String deviceId, String input, boolean active) {
            guard(() -> target.input(deviceId, input, active));
        }

        @Override
        public void reading(String deviceId, String quantity, double value, String unit) {
            guard(() -> target.reading(deviceId, quantity, value, unit));
        }

        @Override
        public void online(String deviceId) {
            guard(() -> target.online(deviceId));
        }

        @Override
        public void security(String deviceId, String code) {
            guard(() -> target.security(deviceId, code));
        }

        @Override
        public void offline(String deviceId, String reason) {
            guard(() -> target.offline(deviceId, reason));
        }

        private static void guard(Runnable call) {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.error("a device event receiver failed", e);
            }
        }
    }
}
