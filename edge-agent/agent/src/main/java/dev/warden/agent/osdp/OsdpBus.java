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
import java.nio.file.Path;
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
 * reader's SCBK from {@link ReaderKeys}. Keys are fetched on separate daemon threads (every reader's at start, and
 * again whenever one is missing), never on the bus thread: a reader whose key has not arrived waits without using the
 * line, and the others go on. Plaintext is never used on such a bus. SCBK-D (the published install key) is used only
 * when all of these hold: the reader answers the challenge for its own key with a well-formed osdp_CCRYPT that is
 * made with SCBK-D (never after a NAK or a cryptogram of another key: {@code SECURE_CHANNEL_FAILED}), the reader is in
 * install mode, and it is not known to be keyed. Otherwise SCBK-D is refused (offline {@code SCBK_D_REFUSED}). A reader
 * counts as keyed once it has completed a session with its own key or accepted osdp_KEYSET; with a state directory
 * ({@link #start(OsdpBusSettings, LinkOpener, DeviceEvents, ReaderKeys, Clock, Path)}) that survives restarts, so
 * install mode works once per reader. Each use of SCBK-D raises {@link DeviceEvents#security} {@code INSTALL_KEY_USED},
 * each accepted KEYSET {@code READER_KEYED} (the session then restarts with the reader's own key).
 *
 * <p>Then osdp_POLL, or a queued command in its place; relay releases go first, are never dropped or expired, and
 * cancel a queued pulse of the same output. Replies: RAW → {@link DeviceEvents#cardRead}, KEYPAD →
 * {@link DeviceEvents#keypad} (both only from reader number 0; others are rejected and counted), a change in LSTATR
 * tamper → input {@code tamper}, in ISTATR → input {@code input<n>}. No reply within
 * {@link OsdpBusSettings#REPLY_TIMEOUT}: the same frame again (same sequence number) on the reader's next turn, up to
 * {@link OsdpBusSettings#RETRIES} times, then sequence 0 again. Only a valid reply in the online phase (MAC-checked
 * inside a session) counts as progress and reports the reader online: after {@link OsdpBusSettings#OFFLINE_AFTER}
 * without one the reader goes offline ({@code NO_REPLY}, {@code BUSY}, {@code BAD_REPLY} or
 * {@code SECURE_CHANNEL_FAILED}, after what it did last), however much it answers ID, CAP or BUSY. It is probed once a
 * second while offline (less often while it answers but fails), online again on a valid reply. One attempt per turn
 * keeps a broken reader from starving the others (a PD drops its Secure Channel session after about 800 ms without a
 * command). A MAC failure or a plaintext reply inside a session drops the session and starts a new one, raising
 * {@code SECURE_CHANNEL_LOST} (at most once a minute per reader).
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
    private final KeyCache keyCache;
    private final Thread thread;
    private volatile boolean closed;
    private volatile SerialLink current;

    private record RelayTarget(Peripheral peripheral, int output) {}

    private OsdpBus(OsdpBusSettings settings, LinkOpener opener, DeviceEvents events, ReaderKeys keys, Clock clock,
            OsdpTimings timings, Path stateDir) {
        this.settings = settings;
        this.opener = opener;
        this.clock = clock;
        this.timings = timings;
        this.keyCache = KeyCache.threaded(settings.busId(), keys, counters);
        KeyedReaders keyed = stateDir == null
                ? KeyedReaders.inMemory(counters)
                : KeyedReaders.persistent(stateDir, settings.busId(), counters);
        SecureRandom random = new SecureRandom();
        for (OsdpReaderSettings r : settings.readers()) {
            Peripheral p = new Peripheral(r, settings.secureChannelRequired(), events, keyCache, keyed, timings, counters,
                    random, clock.instant());
            peripherals.add(p);
            byReader.put(r.readerId(), p);
            r.relays().forEach((relay, output) -> byRelay.put(relay, new RelayTarget(p, output)));
        }
        this.thread = new Thread(this::run, "osdp-" + settings.busId());
        this.thread.setDaemon(true);
    }

    /**
     * Starts polling the bus in a new daemon thread and returns at once. Which readers are keyed (SCBK-D refused for
     * them) is kept in memory only: after a restart of the agent, a reader in install mode could be offered SCBK-D
     * once more. Prefer {@link #start(OsdpBusSettings, LinkOpener, DeviceEvents, ReaderKeys, Clock, Path)}.
     *
     * @param settings the bus and its readers
     * @param opener   how to (re)open the line
     * @param events   where cards, keys, inputs, security notices and online/offline go (called from the bus thread)
     * @param keys     the readers' Secure Channel keys (used only when the bus requires Secure Channel; called from
     *                 the bus's key threads, never from the bus thread)
     * @param clock    time for the offline decisions and command expiry
     */
    public static OsdpBus start(OsdpBusSettings settings, LinkOpener opener, DeviceEvents events, ReaderKeys keys,
            Clock clock) {
        return start(settings, opener, events, keys, clock, OsdpTimings.standard(), null);
    }

    /**
     * Starts polling the bus in a new daemon thread and returns at once; the readers known to be keyed are kept in
     * {@code stateDir/osdp-<busId>-keyed.txt} (reader ids only, never keys; written atomically; created when the
     * first reader is keyed), so SCBK-D stays refused for them across restarts of the agent.
     *
     * @param settings the bus and its readers
     * @param opener   how to (re)open the line
     * @param events   where cards, keys, inputs, security notices and online/offline go (called from the bus thread)
     * @param keys     the readers' Secure Channel keys (used only when the bus requires Secure Channel; called from
     *                 the bus's key threads, never from the bus thread)
     * @param clock    time for the offline decisions and command expiry
     * @param stateDir the agent's directory for state that must survive restarts (e.g. its data directory); created
     *                 if missing; {@code null}: memory only, as with the five-argument {@code start}
     */
    public static OsdpBus start(OsdpBusSettings settings, LinkOpener opener, DeviceEvents events, ReaderKeys keys,
            Clock clock, Path stateDir) {
        return start(settings, opener, events, keys, clock, OsdpTimings.standard(), stateDir);
    }

    static OsdpBus start(OsdpBusSettings settings, LinkOpener opener, DeviceEvents events, ReaderKeys keys, Clock clock,
            OsdpTimings timings) {
        return start(settings, opener, events, keys, clock, timings, null);
    }

    static OsdpBus start(OsdpBusSettings settings, LinkOpener opener, DeviceEvents events, ReaderKeys keys, Clock clock,
            OsdpTimings timings, Path stateDir) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timings, "timings");
        OsdpBus bus = new OsdpBus(settings, opener, events, keys, clock, timings, stateDir);
        LOG.info("OSDP bus {} on {}: {} reader(s), Secure Channel {}{}", settings.busId(), opener.describe(),
                settings.readers().size(), settings.secureChannelRequired() ? "required" : "off",
                stateDir == null ? "" : ", keyed readers in " + KeyedReaders.fileFor(stateDir, settings.busId()));
        if (settings.secureChannelRequired()) {
            bus.keyCache.prefetch(settings.readers().stream().map(OsdpReaderSettings::readerId).toList());
        }
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
                target.peripheral().enqueueRelease(new OsdpCommand.Output(List.of(new OsdpCommand.OutputControl(
                        target.output(), OsdpCommand.OutputControl.PERMANENT_OFF_ABORT_TIMED, 0))));
            }
        } catch (RuntimeException e) {
            failed("release", e);
        }
    }

    /** Counters of this bus: unknown ids, rejected frames by reason, retries, expired commands, cards ... */
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    /** Stops the bus thread and the key threads, zeroes the keys held, and closes the line. Idempotent. */
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
        } finally {
            keyCache.close();
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
