package dev.warden.agent.modbus;

import dev.warden.agent.device.DeviceEvents;
import dev.warden.agent.device.RelayOutputs;
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
 * it off at once. Both only queue the command and return. A write that fails is repeated until the device echoes
 * the wanted state; a pulse that ends while the device is unreachable becomes an "off".
 *
 * <p>When the line goes down ({@link dev.warden.serial.LinkDownException} or any I/O error of the link) every device
 * is reported offline {@code LINK_DOWN} and the line is re-opened with exponential backoff; devices come back
 * online on their first good poll. {@link #close} stops the thread, switches permit coils that are on off (best
 * effort) and closes the line.
 */
public final class ModbusBus implements RelayOutputs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusBus.class);
    /** The longest the thread sleeps before looking at the clock again. */
    private static final long MAX_IDLE_MILLIS = 100;
    /** An offline device is probed at most this often. */
    private static final long OFFLINE_PROBE_MILLIS = 1_000;
    /** A failed write is repeated after at least this long. */
    private static final long WRITE_RETRY_MILLIS = 200;

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

    /** Stops polling, switches permit coils that are on off (best effort) and closes the line. */
    @Override
    public void close() {
        running = false;
        commands.offer(WAKE);
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            long waitMillis = timing.replyTimeout().toMillis() * (timing.retries() + 2L) + 1_000;
            thread.join(waitMillis);
            if (thread.isAlive()) {
                closeLink(); // wakes a blocked read
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        LOG.info("Modbus bus {} on {}: {} device(s)", busId, opener.describe(), devices.size());
        while (running) {
            try {
                if (transport == null) {
                    open();
                } else {
                    cycle();
                }
            } catch (IOException e) {
                lineDown(e);
            } catch (RuntimeException e) {
                // a bug must not kill the bus: log it, start over on a fresh line
                LOG.error("Modbus bus {}: unexpected failure, re-opening the line", busId, e);
                lineDown(new IOException(e.toString(), e));
            }
        }
        shutdown();
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
            d.permitDesired = true;
            d.permitOffAt = now + c.pulse().toMillis();
        } else {
            d.permitDesired = false;
            d.permitOffAt = -1;
        }
        d.permitDirty = true;
        d.nextWriteAt = now;
    }

    /** Ends pulses that are due and writes every permit coil that differs from what is wanted. */
    private void writePermits() throws IOException {
        for (PolledDevice d : devices.values()) {
            if (d.permit.isEmpty()) {
                continue;
            }
            long now = clock.millis();
            if (d.permitOffAt >= 0 && now >= d.permitOffAt) {
                d.permitDesired = false;
                d.permitOffAt = -1;
                d.permitDirty = true;
                d.nextWriteAt = now;
            }
            if (!d.permitDirty || now < d.nextWriteAt || transport == null || !running) {
                continue;
            }
            writePermit(d, d.permitDesired);
        }
    }

    private void writePermit(PolledDevice d, boolean on) throws IOException {
        ModbusRequest.WriteSingleCoil write =
                new ModbusRequest.WriteSingleCoil(d.settings.unitId(), d.permit.orElseThrow().register(), on);
        int retries = d.status == PolledDevice.Status.OFFLINE ? 0 : timing.retries();
        switch (transport.exchange(write, retries)) {
            case ModbusTransport.Outcome.Answer(ExceptionResponse e) -> {
                counters.exceptions.increment();
                LOG.warn("Modbus device {} (unit {}) refuses to switch its permit coil {}: {}", d.id(),
                        d.settings.unitId(), on ? "on" : "off", e.meaning().meaning());
                d.permitDirty = false;
            }
            case ModbusTransport.Outcome.Answer(ModbusResponse r) -> {
                LOG.debug("Modbus device {}: permit {}", d.id(), on ? "on" : "off");
                d.permitConfirmed = on;
                d.permitDirty = d.permitDesired != on;
            }
            case ModbusTransport.Outcome.Failure f -> {
                LOG.debug("Modbus device {}: permit {} not written: {}", d.id(), on ? "on" : "off", f.reason());
                d.nextWriteAt = clock.millis() + Math.max(WRITE_RETRY_MILLIS,
                        d.status == PolledDevice.Status.OFFLINE ? OFFLINE_PROBE_MILLIS : 0);
            }
        }
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
            left = until - clock.millis();
        }
    }

    private void shutdown() {
        takeCommands();
        if (transport != null) {
            for (PolledDevice d : devices.values()) {
                if (d.permit.isPresent() && (d.permitDesired || Boolean.TRUE.equals(d.permitConfirmed))) {
                    try {
                        d.permitDesired = false;
                        writePermit(d, false);
                    } catch (IOException | RuntimeException e) {
                        LOG.debug("Modbus bus {}: permit of {} not switched off at close: {}", busId, d.id(), e.toString());
                        break;
                    }
                }
            }
        }
        closeLink();
        LOG.info("Modbus bus {} stopped", busId);
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
