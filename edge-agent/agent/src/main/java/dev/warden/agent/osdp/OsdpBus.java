package dev.warden.agent.osdp;

import dev.warden.agent.device.DeviceEvents;
import dev.warden.agent.device.ReaderOutputs;
import dev.warden.agent.device.RelayOutputs;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpFrameReader;
import dev.warden.codec.osdp.OsdpReadResult;
import dev.warden.codec.osdp.OsdpReply;
import dev.warden.serial.Backoff;
import dev.warden.serial.LinkOpener;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control panel of one OSDP multi-drop line: one daemon thread opens the line (again, with backoff, after it goes
 * down; every reader is then reported offline {@code LINK_DOWN}) and polls its readers round-robin, about every
 * {@link OsdpBusSettings#POLL_INTERVAL} each.
 *
 * <p>Per reader: sequence 0, osdp_ID, osdp_CAP, then, when the bus requires it, the Secure Channel handshake with the
 * reader's SCBK from {@link ReaderKeys}. A reader that rejects its key is tried with SCBK-D only in install mode,
 * keyed with osdp_KEYSET on success and the session restarted with its own key; outside install mode SCBK-D is
 * refused (offline {@code SCBK_D_REFUSED}) and plaintext is never used. Then osdp_POLL, or a queued command in its
 * place. Replies: RAW → {@link DeviceEvents#cardRead}, KEYPAD → {@link DeviceEvents#keypad}, a change in LSTATR tamper
 * → input {@code tamper}, in ISTATR → input {@code input<n>}. No reply within {@link OsdpBusSettings#REPLY_TIMEOUT}:
 * the same frame again (same sequence number) on the reader's next turn, up to {@link OsdpBusSettings#RETRIES} times,
 * then sequence 0 again; offline {@code NO_REPLY} after {@link OsdpBusSettings#OFFLINE_AFTER} without a valid reply,
 * probed once a second while offline, online again when it answers. One attempt per turn keeps a broken reader from
 * starving the others (a PD drops its Secure Channel session after about 800 ms without a command). A MAC failure
 * drops the session and starts a new one.
 *
 * <p>{@link ReaderOutputs} and {@link RelayOutputs} queue commands and return at once; they never throw. Unknown
 * reader or relay ids and unknown colours are logged and counted ({@link #counters()}). Key material is never logged.
 */
public final class OsdpBus implements ReaderOutputs, RelayOutputs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OsdpBus.class);

    private final OsdpBusSettings settings;
    private final LinkOpener opener;
    private final Clock clock;
    private final OsdpTimings timings;
    private final BusCounters counters = new BusCounters();
    private final Map<String, Peripheral> byReader = new LinkedHashMap<>();
    private final Map<String, RelayTarget> byRelay = new LinkedHashMap<>();
    private final List<Peripheral> peripherals = new ArrayList<>();
    private final OsdpFrameReader reader = new OsdpFrameReader();
    private final byte[] readBuffer = new byte[512];
    private final Thread thread;
    private volatile boolean closed;
    private volatile SerialLink current;

    private record RelayTarget(Peripheral peripheral, int output) {}

    private OsdpBus(OsdpBusSettings settings, LinkOpener opener, DeviceEvents events, ReaderKeys keys, Clock clock,
            OsdpTimings timings) {
        this.settings = settings;
        this.opener = opener;
        this.clock = clock;
        this.timings = timings;
        SecureRandom random = new SecureRandom();
        for (OsdpReaderSettings r : settings.readers()) {
            Peripheral p = new Peripheral(r, settings.secureChannelRequired(), events, keys, timings, counters, random,
                    clock.instant());
            peripherals.add(p);
            byReader.put(r.readerId(), p);
            r.relays().forEach((relay, output) -> byRelay.put(relay, new RelayTarget(p, output)));
        }
        this.thread = new Thread(this::run, "osdp-" + settings.busId());
        this.thread.setDaemon(true);
    }

    /**
     * Starts polling the bus in a new daemon thread and returns at once.
     *
     * @param settings the bus and its readers
     * @param opener   how to (re)open the line
     * @param events   where cards, keys, inputs and online/offline go (called from the bus thread)
     * @param keys     the readers' Secure Channel keys (used only when the bus requires Secure Channel)
     * @param clock    time for the offline decisions and command expiry
     */
    public static OsdpBus start(OsdpBusSettings settings, LinkOpener opener, DeviceEvents events, ReaderKeys keys,
            Clock clock) {
        return start(settings, opener, events, keys, clock, OsdpTimings.standard());
    }

    static OsdpBus start(OsdpBusSettings settings, LinkOpener opener, DeviceEvents events, ReaderKeys keys, Clock clock,
            OsdpTimings timings) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        OsdpBus bus = new OsdpBus(settings, opener, events, keys, clock, timings);
        LOG.info("OSDP bus {} on {}: {} reader(s), Secure Channel {}", settings.busId(), opener.describe(),
                settings.readers().size(), settings.secureChannelRequired() ? "required" : "off");
        bus.thread.start();
        return bus;
    }

    // ---- ReaderOutputs / RelayOutputs: queue and return ----

    @Override
    public void led(String readerId, String color, Duration duration) {
        try {
            Peripheral p = peripheral(readerId);
            if (p == null) {
                return;
            }
            int osdpColor = switch (color == null ? "" : color.toUpperCase(Locale.ROOT)) {
                case "GREEN" -> OsdpCommand.LedControl.GREEN;
                case "RED" -> OsdpCommand.LedControl.RED;
                case "AMBER" -> OsdpCommand.LedControl.AMBER;
                default -> -1;
            };
            if (osdpColor < 0) {
                counters.increment("unknown_color");
                LOG.warn("OSDP bus {}: LED colour {} unknown (GREEN, RED, AMBER)", settings.busId(), color);
                return;
            }
            enqueue(p, new OsdpCommand.Led(List.of(OsdpCommand.LedControl.temporary(0, 0, osdpColor, units(duration)))));
        } catch (RuntimeException e) {
            failed("led", e);
        }
    }

    @Override
    public void buzz(String readerId, Duration duration) {
        try {
            Peripheral p = peripheral(readerId);
            if (p != null) {
                enqueue(p, new OsdpCommand.Buzzer(0, OsdpCommand.Buzzer.TONE_DEFAULT, Math.min(units(duration), 0xFF), 0, 1));
            }
        } catch (RuntimeException e) {
            failed("buzz", e);
        }
    }

    @Override
    public void pulse(String relayId, Duration duration) {
        try {
            RelayTarget target = relay(relayId);
            if (target != null) {
                enqueue(target.peripheral(), new OsdpCommand.Output(List.of(new OsdpCommand.OutputControl(target.output(),
                        OsdpCommand.OutputControl.TEMPORARY_ON, units(duration)))));
            }
        } catch (RuntimeException e) {
            failed("pulse", e);
        }
    }

    @Override
    public void release(String relayId) {
        try {
            RelayTarget target = relay(relayId);
            if (target != null) {
                enqueue(target.peripheral(), new OsdpCommand.Output(List.of(new OsdpCommand.OutputControl(target.output(),
                        OsdpCommand.OutputControl.PERMANENT_OFF_ABORT_TIMED, 0))));
            }
        } catch (RuntimeException e) {
            failed("release", e);
        }
    }

    /** Counters of this bus: unknown ids, rejected frames by reason, retries, expired commands, cards ... */
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    /** Stops the bus thread and closes the line. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(current);
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Peripheral peripheral(String readerId) {
        Peripheral p = readerId == null ? null : byReader.get(readerId);
        if (p == null) {
            counters.increment("unknown_reader");
            LOG.warn("OSDP bus {}: no reader {}", settings.busId(), readerId);
        }
        return p;
    }

    private RelayTarget relay(String relayId) {
        RelayTarget target = relayId == null ? null : byRelay.get(relayId);
        if (target == null) {
            counters.increment("unknown_relay");
            LOG.warn("OSDP bus {}: no relay {}", settings.busId(), relayId);
        }
        return target;
    }

    private void enqueue(Peripheral p, OsdpCommand command) {
        if (!p.enqueue(command, clock.instant())) {
            counters.increment("queue_full");
            LOG.warn("reader {}: command queue full, command 0x{} dropped", p.readerId(), Integer.toHexString(command.code()));
        }
    }

    private void failed(String what, RuntimeException e) {
        counters.increment("output_failed");
        LOG.warn("OSDP bus {}: {} failed: {}", settings.busId(), what, e.toString());
    }

    /** Timer in units of 100 ms, rounded up, 1..65535. */
    private static int units(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            return 1;
        }
        long units = (duration.toMillis() + 99) / 100;
        return (int) Math.max(1, Math.min(units, 0xFFFF));
    }

    // ---- the bus thread ----

    private void run() {
        Backoff backoff = new Backoff(timings.reopenInitial(), timings.reopenMax());
        while (!closed) {
            SerialLink link;
            try {
                link = opener.open();
            } catch (IOException | RuntimeException e) {
                Duration delay = backoff.next();
                LOG.warn("OSDP bus {}: cannot open {}: {}; retry in {} ms", settings.busId(), opener.describe(),
                        e.getMessage(), delay.toMillis());
                peripherals.forEach(p -> p.lineDown(clock.instant()));
                pause(delay);
                continue;
            }
            current = link;
            if (closed) {
                closeQuietly(link);
                break;
            }
            LOG.info("OSDP bus {}: line {} open", settings.busId(), link.describe());
            reader.clear();
            peripherals.forEach(p -> p.lineUp(clock.instant()));
            try {
                while (!closed) {
                    if (round(link)) {
                        backoff.reset();
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    counters.increment("link_down");
                    LOG.warn("OSDP bus {}: line {} down: {}", settings.busId(), link.describe(), e.getMessage());
                    peripherals.forEach(p -> p.lineDown(clock.instant()));
                }
            } catch (RuntimeException e) {
                counters.increment("bus_error");
                LOG.error("OSDP bus {}: unexpected error; re-opening the line", settings.busId(), e);
            } finally {
                current = null;
                closeQuietly(link);
            }
            if (!closed) {
                pause(backoff.next());
            }
        }
        LOG.info("OSDP bus {} stopped", settings.busId());
    }

    /** One turn for every due PD; returns {@code true} when some PD answered. */
    private boolean round(SerialLink link) throws IOException {
        long started = System.nanoTime();
        boolean answered = false;
        for (Peripheral p : peripherals) {
            if (closed) {
                return answered;
            }
            if (p.due(clock.instant())) {
                answered |= turn(link, p);
            }
        }
        long left = timings.pollInterval().toNanos() - (System.nanoTime() - started);
        if (left > 0 && !closed) {
            LockSupport.parkNanos(left);
        }
        return answered;
    }

    private boolean turn(SerialLink link, Peripheral p) throws IOException {
        Optional<Peripheral.Outgoing> outgoing = p.next(clock.instant());
        if (outgoing.isEmpty()) {
            return false;
        }
        if (outgoing.get().resend()) {
            counters.increment("retry");
        }
        Optional<OsdpFrame> reply = exchange(link, p, outgoing.get());
        if (closed) {
            return false;
        }
        if (reply.isPresent()) {
            p.onReply(reply.get(), clock.instant());
            return true;
        }
        p.onNoReply(clock.instant());
        return false;
    }

    /** Sends the frame and waits up to the reply timeout for this PD's reply. */
    private Optional<OsdpFrame> exchange(SerialLink link, Peripheral p, Peripheral.Outgoing out) throws IOException {
        link.discardInput();
        countLeftovers(reader.flush());
        link.write(out.bytes());
        long deadline = System.nanoTime() + timings.replyTimeout().toNanos();
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            int n = link.read(readBuffer, Duration.ofNanos(left));
            if (n <= 0) {
                continue;
            }
            Optional<OsdpFrame> reply = match(reader.feed(readBuffer, 0, n), p, out);
            if (reply.isPresent()) {
                return reply;
            }
        }
        return match(reader.flush(), p, out);
    }

    private Optional<OsdpFrame> match(List<OsdpReadResult> results, Peripheral p, Peripheral.Outgoing out) {
        Optional<OsdpFrame> found = Optional.empty();
        for (OsdpReadResult result : results) {
            switch (result) {
                case OsdpReadResult.Frame(OsdpFrame frame) -> {
                    boolean ours = frame.reply() && frame.address() == p.address()
                            && (frame.sequence() == out.sequence()
                                    || frame.sequence() == 0 && frame.code() == OsdpReply.BUSY);
                    if (ours && found.isEmpty()) {
                        found = Optional.of(frame);
                    } else if (frame.reply()) {
                        counters.increment("unexpected_frame");
                        LOG.debug("OSDP bus {}: ignored {}", settings.busId(), frame);
                    }
                }
                case OsdpReadResult.Rejected(OsdpReadResult.Reason reason, String detail) -> {
                    counters.increment("rejected_" + reason.name().toLowerCase(Locale.ROOT));
                    LOG.debug("OSDP bus {}: rejected bytes: {} ({})", settings.busId(), reason, detail);
                }
            }
        }
        return found;
    }

    private void countLeftovers(List<OsdpReadResult> results) {
        for (OsdpReadResult result : results) {
            if (result instanceof OsdpReadResult.Rejected(OsdpReadResult.Reason reason, String detail)) {
                counters.increment("rejected_" + reason.name().toLowerCase(Locale.ROOT));
            } else {
                counters.increment("late_frame");
            }
        }
    }

    private void pause(Duration delay) {
        long end = System.nanoTime() + delay.toNanos();
        while (!closed) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(left);
        }
    }

    private static void closeQuietly(SerialLink link) {
        if (link != null) {
            try {
                link.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing {} failed: {}", link.describe(), e.toString());
            }
        }
    }
}
