package dev.warden.agent.fingerprint;

import dev.warden.agent.device.DeviceEvents;
import dev.warden.agent.device.FingerprintScanner;
import dev.warden.codec.fingerprint.ConfirmationCode;
import dev.warden.codec.fingerprint.FingerprintCommand;
import dev.warden.codec.fingerprint.FingerprintCommandCodec;
import dev.warden.codec.fingerprint.FingerprintDecoding;
import dev.warden.codec.fingerprint.FingerprintReply;
import dev.warden.codec.fingerprint.FingerprintReplyCodec;
import dev.warden.codec.fingerprint.FingerprintStreamDecoder;
import dev.warden.codec.fingerprint.StreamEvent;
import dev.warden.serial.Backoff;
import dev.warden.serial.LinkDownException;
import dev.warden.serial.LinkOpener;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of one serial line with fingerprint modules (ZFM / R30x / AS608), host side.
 *
 * <p>One daemon thread per bus owns the line and runs one operation at a time: on open it verifies each module's
 * password (VfyPwd; a wrong password is {@code offline(id, "BAD_PASSWORD")}) and reads its library size
 * (ReadSysPara); every {@link FingerprintBusTiming#healthInterval()} it checks each idle module (TemplateNum) and
 * reports {@code online} / {@code offline(id, "NO_REPLY")} on a change. Identify first waits until the sensor is
 * empty (a finger already on it is never used), then polls GenImg until a finger is there (or the wait ends), makes
 * a template in buffer 1 and searches the whole library. Enrol takes two captures with the finger lifted in between,
 * combines them (RegModel) and stores the template at a page. When the line goes down every module is
 * {@code offline(id, "LINK_DOWN")} and the line is reopened with backoff.
 *
 * <p>A module does one finger operation at a time: while an identify or an enrol for a module is queued or running,
 * another identify or enrol for it completes at once as {@code Failed("MODULE_BUSY")}. The work queue holds at most
 * {@value #QUEUE_CAPACITY} operations; beyond that an operation completes at once as {@code Failed("QUEUE_FULL")}
 * (a delete as {@code false}).
 *
 * <p>Every stage returned completes, on the bus thread or at once, and never exceptionally. An unexpected failure
 * on the bus thread, even an {@link Error}, fails the operation running and every queued one with
 * {@code "BUS_FAILED"}, reports the modules {@code offline(id, "BUS_FAILED")}, and the bus carries on with a fresh
 * line (reopened with backoff). Frames the decoder rejects (garbage, bad checksum, other addresses) are logged at
 * debug level and counted ({@link #rejectedFrames()}).
 */
public final class FingerprintBus implements FingerprintScanner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintBus.class);
    /** The most operations waiting for the bus thread. */
    public static final int QUEUE_CAPACITY = 32;
    /** Identify: the finger stayed on the sensor through the whole wait, so no fresh finger was placed. */
    public static final String NOT_LIFTED = "NOT_LIFTED";
    /** Identify or enrol: the module already has an identify or an enrol queued or running. */
    public static final String MODULE_BUSY = "MODULE_BUSY";
    /** The work queue is full. */
    public static final String QUEUE_FULL = "QUEUE_FULL";
    /** An unexpected failure on the bus thread ended the operation. */
    public static final String BUS_FAILED = "BUS_FAILED";

    private final String busId;
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final LinkOpener opener;
    private final DeviceEvents events;
    private final Clock clock;
    private final FingerprintBusTiming timing;
    private final BlockingQueue<Operation> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    /** Per module, the identify or enrol that is queued or running for it. */
    private final ConcurrentHashMap<String, Operation> fingerWork = new ConcurrentHashMap<>();
    /** The operation the bus thread is running, so a failure of the thread can still complete it. */
    private volatile Operation current;
    /** The bus thread ended without being closed (a failure even its handler could not survive). */
    private volatile boolean dead;
    private final FingerprintStreamDecoder decoder = new FingerprintStreamDecoder();
    private final byte[] readBuffer = new byte[512];
    private final AtomicLong rejectedFrames = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SerialLink link;
    private long nextOpenAt;
    private final Backoff backoff;

    private FingerprintBus(String busId, List<FingerprintModuleSettings> settings, LinkOpener opener,
            DeviceEvents events, Clock clock, FingerprintBusTiming timing) {
        this.busId = Objects.requireNonNull(busId, "busId");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timing = Objects.requireNonNull(timing, "timing");
        Set<Long> addresses = new HashSet<>();
        for (FingerprintModuleSettings s : settings) {
            if (modules.putIfAbsent(s.moduleId(), new Module(s)) != null) {
                throw new IllegalArgumentException("bus " + busId + ": module " + s.moduleId() + " is listed twice");
            }
            if (!addresses.add(s.address())) {
                throw new IllegalArgumentException("bus " + busId + ": two modules at address 0x"
                        + HexFormat.of().toHexDigits((int) s.address()));
            }
        }
        this.backoff = new Backoff(timing.reopenMin(), timing.reopenMax());
        this.thread = new Thread(this::run, "fingerprint-" + busId);
        this.thread.setDaemon(true);
    }

    /** Starts the bus thread with {@link FingerprintBusTiming#DEFAULT} timing. */
    public static FingerprintBus start(String busId, List<FingerprintModuleSettings> modules, LinkOpener opener,
            DeviceEvents events, Clock clock) {
        return start(busId, modules, opener, events, clock, FingerprintBusTiming.DEFAULT);
    }

    /** Starts the bus thread. The clock must advance (deadlines are measured on it). */
    public static FingerprintBus start(String busId, List<FingerprintModuleSettings> modules, LinkOpener opener,
            DeviceEvents events, Clock clock, FingerprintBusTiming timing) {
        FingerprintBus bus = new FingerprintBus(busId, List.copyOf(modules), opener, events, clock, timing);
        bus.thread.start();
        return bus;
    }

    /**
     * Waits up to {@code waitForFinger} (counted from this call) for a fresh finger on module {@code moduleId}, then
     * searches its whole library: {@code Match(page, score)}, {@code NoMatch}, {@code NoFinger(reason)} or
     * {@code Failed(reason)}.
     *
     * <p>A finger must be placed <em>after</em> the identify started: if a finger is on the sensor when it starts
     * (left there from an earlier identify, or put there before the card was presented), it is never used; the
     * person lifts it and places it again within the wait. A finger that stays on through the whole wait gives
     * {@code NoFinger("NOT_LIFTED")}. This keeps one person's finger from being counted for another person's
     * request.
     *
     * <p>One identify (or enrol) per module at a time: while one is queued or running for {@code moduleId}, this
     * completes at once with {@code Failed("MODULE_BUSY")}. Other immediate failures: {@code UNKNOWN_MODULE},
     * {@code CLOSED}, {@code QUEUE_FULL}, {@code BUS_FAILED}.
     */
    @Override
    public CompletionStage<FingerprintResult> identify(String moduleId, Duration waitForFinger) {
        CompletableFuture<FingerprintResult> result = new CompletableFuture<>();
        submit(new Identify(moduleId, deadline(nonNegative(waitForFinger)), result));
        return result;
    }

    /**
     * Enrols a finger on module {@code moduleId} at library page {@code pageId}: waits up to {@code waitForFinger}
     * for each of the two captures and for the finger to be lifted between them. Like {@link #identify}, refused with
     * {@code Failed("MODULE_BUSY")} while an identify or an enrol for the module is queued or running.
     */
    public CompletionStage<EnrollResult> enroll(String moduleId, int pageId, Duration waitForFinger) {
        CompletableFuture<EnrollResult> result = new CompletableFuture<>();
        submit(new Enroll(moduleId, pageId, nonNegative(waitForFinger), result));
        return result;
    }

    /** Deletes the template at {@code pageId} of module {@code moduleId}; {@code true} when the module confirms. */
    public CompletionStage<Boolean> delete(String moduleId, int pageId) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        submit(new Delete(moduleId, pageId, result));
        return result;
    }

    /** Frames rejected so far: garbage, corrupted or truncated packets, packets for other addresses, bad replies. */
    public long rejectedFrames() {
        return rejectedFrames.get();
    }

    /** The bus id of the configuration. */
    public String busId() {
        return busId;
    }

    /** Stops the bus thread and closes the line; pending operations complete as {@code Failed("CLOSED")}. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        closeLinkQuietly();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Operation running = current;
        if (running != null) {
            fail(running, "CLOSED"); // the thread did not stop in time: its operation still completes
        }
        failQueued("CLOSED");
    }

    // ---------------------------------------------------------------- submission

    private void submit(Operation operation) {
        String moduleId = operation.moduleId();
        if (!modules.containsKey(moduleId)) {
            operation.fail("UNKNOWN_MODULE");
            return;
        }
        if (!running || dead) {
            operation.fail(running ? BUS_FAILED : "CLOSED");
            return;
        }
        if (operation.usesFinger() && fingerWork.putIfAbsent(moduleId, operation) != null) {
            operation.fail(MODULE_BUSY);
            return;
        }
        if (!queue.offer(operation)) {
            LOG.warn("fingerprint bus {}: {} operations waiting; {} for {} refused", busId, QUEUE_CAPACITY,
                    operation.getClass().getSimpleName(), moduleId);
            fail(operation, QUEUE_FULL);
            return;
        }
        if (!running || dead) {
            failQueued(running ? BUS_FAILED : "CLOSED");
        }
    }

    private long deadline(Duration wait) {
        long now = clock.millis();
        long millis = wait.toMillis();
        return millis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + millis;
    }

    /** Completes {@code operation} as failed, after freeing its module for the next finger operation. */
    private void fail(Operation operation, String reason) {
        release(operation);
        operation.fail(reason);
    }

    /** Frees the module of a finger operation (before its stage completes, so a caller may start the next one). */
    private void release(Operation operation) {
        if (operation.usesFinger()) {
            fingerWork.remove(operation.moduleId(), operation);
        }
    }

    private void failQueued(String reason) {
        Operation operation;
        while ((operation = queue.poll()) != null) {
            fail(operation, reason);
        }
    }

    private static Duration nonNegative(Duration wait) {
        return wait == null || wait.isNegative() ? Duration.ZERO : wait;
    }

    // ---------------------------------------------------------------- bus thread

    private void run() {
        LOG.info("fingerprint bus {} on {}: {} module(s)", busId, opener.describe(), modules.size());
        try {
            while (running) {
                try {
                    step();
                } catch (InterruptedException e) {
                    throw e;
                } catch (Throwable e) {
                    busFailed(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            String reason = running ? BUS_FAILED : "CLOSED";
            if (running) {
                dead = true;
                LOG.error("fingerprint bus {}: the bus thread ends unexpectedly; every operation now fails", busId);
            }
            closeLinkQuietly();
            Operation operation = current;
            current = null;
            if (operation != null) {
                fail(operation, reason);
            }
            failQueued(reason);
            LOG.info("fingerprint bus {} stopped", busId);
        }
    }

    /** One turn of the bus thread: open the line, or run the next operation and the health checks that are due. */
    private void step() throws InterruptedException {
        if (link == null) {
            openOrWait();
            return;
        }
        try {
            Operation operation = queue.poll(millisUntilNextHealthCheck(), TimeUnit.MILLISECONDS);
            if (operation != null) {
                execute(operation);
            }
            runDueHealthChecks();
        } catch (IOException e) {
            linkDown(e);
        } catch (RuntimeException e) {
            // a carrier that fails in an unexpected way: start over with a fresh line, never die
            LOG.error("fingerprint bus {}: unexpected failure, reopening the line", busId, e);
            linkDown(new IOException(e.toString(), e));
        }
    }

    /**
     * Something the bus thread did not expect (an {@link Error}): every operation running or queued fails with
     * {@code BUS_FAILED}, the modules are reported offline, and the line is reopened after the backoff.
     */
    private void busFailed(Throwable failure) {
        LOG.error("fingerprint bus {}: unexpected {} on the bus thread; failing its operations and starting over",
                busId, failure.getClass().getSimpleName(), failure);
        Operation operation = current;
        current = null;
        if (operation != null) {
            fail(operation, BUS_FAILED);
        }
        failQueued(BUS_FAILED);
        closeLinkQuietly();
        decoder.reset();
        for (Module module : modules.values()) {
            module.verified = false;
            offline(module, BUS_FAILED);
        }
        scheduleReopen();
    }

    private void openOrWait() throws InterruptedException {
        long wait = nextOpenAt - clock.millis();
        if (wait > 0) {
            // operations that arrive while the line is down fail at once instead of queueing up
            Operation operation = queue.poll(wait, TimeUnit.MILLISECONDS);
            if (operation != null) {
                fail(operation, "LINK_DOWN");
            }
            return;
        }
        try {
            openAndVerify();
        } catch (IOException | RuntimeException e) {
            if (link == null) {
                LOG.debug("fingerprint bus {}: cannot open {}: {}", busId, opener.describe(), e.toString());
                for (Module module : modules.values()) {
                    module.verified = false;
                    offline(module, "LINK_DOWN");
                }
                scheduleReopen();
            } else {
                linkDown(e instanceof IOException io ? io : new IOException(e.toString(), e));
            }
        }
    }

    /** Opens the line, then verifies every module and schedules its health checks. */
    private void openAndVerify() throws IOException {
        SerialLink opened = opener.open();
        link = opened;
        if (!running) {
            closeLinkQuietly();
            return;
        }
        LOG.info("fingerprint bus {}: opened {}", busId, opened.describe());
        backoff.reset();
        decoder.reset();
        for (Module module : modules.values()) {
            verify(module);
            module.nextHealthAt = clock.millis() + timing.healthInterval().toMillis();
        }
    }

    private void scheduleReopen() {
        nextOpenAt = clock.millis() + backoff.next().toMillis();
    }

    private void linkDown(IOException cause) {
        if (running) {
            LOG.warn("fingerprint bus {}: line {} down: {}", busId, opener.describe(), cause.getMessage());
        }
        closeLinkQuietly();
        decoder.reset();
        if (!running) {
            return;
        }
        for (Module module : modules.values()) {
            module.verified = false;
            offline(module, "LINK_DOWN");
        }
        scheduleReopen();
    }

    private void closeLinkQuietly() {
        SerialLink current = link;
        link = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("fingerprint bus {}: closing the line: {}", busId, e.getMessage());
            }
        }
    }

    private long millisUntilNextHealthCheck() {
        long next = Long.MAX_VALUE;
        for (Module module : modules.values()) {
            next = Math.min(next, module.nextHealthAt);
        }
        return Math.max(1, next - clock.millis());
    }

    private void runDueHealthChecks() throws IOException, InterruptedException {
        for (Module module : modules.values()) {
            if (clock.millis() >= module.nextHealthAt) {
                healthCheck(module);
                module.nextHealthAt = clock.millis() + timing.healthInterval().toMillis();
            }
        }
    }

    private void healthCheck(Module module) throws IOException, InterruptedException {
        if (!module.verified) {
            verify(module);
            return;
        }
        Answer answer = transact(module, new FingerprintCommand.TemplateNum(), timing.replyTimeout());
        if (answer instanceof Answer.Replied replied
                && replied.reply().code() == ConfirmationCode.PASSWORD_NOT_VERIFIED) {
            module.verified = false; // the module restarted: verify again
            verify(module);
        }
    }

    private void execute(Operation operation) throws IOException, InterruptedException {
        Module module = modules.get(operation.moduleId());
        current = operation;
        try {
            switch (operation) {
                case Identify identify -> {
                    FingerprintResult result = identify(module, identify.deadline());
                    release(identify);
                    identify.result().complete(result);
                }
                case Enroll enroll -> {
                    EnrollResult result = enroll(module, enroll.pageId(), enroll.waitForFinger());
                    release(enroll);
                    enroll.result().complete(result);
                }
                case Delete delete -> delete.result().complete(delete(module, delete.pageId()));
            }
        } catch (IOException e) {
            fail(operation, running ? "LINK_DOWN" : "CLOSED");
            throw e;
        } catch (InterruptedException e) {
            fail(operation, "CLOSED");
            throw e;
        } catch (RuntimeException e) {
            LOG.error("fingerprint bus {}: {} on {} failed", busId, operation.getClass().getSimpleName(),
                    module.id(), e);
            fail(operation, "ERROR");
        } finally {
            if (current == operation && operation.isDone()) {
                current = null;
            }
        }
    }

    // ---------------------------------------------------------------- operations

    private FingerprintResult identify(Module module, long deadline) throws IOException, InterruptedException {
        if (!ensureVerified(module)) {
            return new FingerprintResult.Failed(module.offlineReason);
        }
        // a finger already on the sensor (left from before, or placed before this request) is never used: the
        // sensor must be seen empty first, so the finger captured is one placed after the identify started
        switch (waitForLift(module, deadline)) {
            case Lift.Lifted lifted -> {
                // the sensor is empty: capture the next finger
            }
            case Lift.NotLifted notLifted -> {
                LOG.debug("fingerprint module {}: a finger stayed on the sensor through the wait", module.id());
                return new FingerprintResult.NoFinger(NOT_LIFTED);
            }
            case Lift.Error(String reason) -> {
                return new FingerprintResult.Failed(reason);
            }
        }
        Capture capture = capture(module, 1, deadline);
        switch (capture) {
            case Capture.NoFinger none -> {
                return new FingerprintResult.NoFinger(none.reason());
            }
            case Capture.Error error -> {
                return new FingerprintResult.Failed(error.reason());
            }
            case Capture.Done done -> {
                // fall through to the search
            }
        }
        Answer answer = transact(module, new FingerprintCommand.Search(1, 0, module.librarySize),
                timing.replyTimeout());
        if (!(answer instanceof Answer.Replied(FingerprintReply reply))) {
            return new FingerprintResult.Failed(((Answer.NoReply) answer).reason());
        }
        if (reply instanceof FingerprintReply.SearchResult found && found.ok()) {
            LOG.debug("fingerprint module {}: match at page {} (score {})", module.id(), found.pageId(),
                    found.score());
            return new FingerprintResult.Match(found.pageId(), found.score());
        }
        if (reply.code() == ConfirmationCode.NOT_FOUND) {
            return new FingerprintResult.NoMatch();
        }
        return new FingerprintResult.Failed(reason(reply));
    }

    private EnrollResult enroll(Module module, int pageId, Duration wait) throws IOException, InterruptedException {
        if (pageId < 0 || pageId > 0xFFFF) {
            return new EnrollResult.Failed("BAD_PAGE");
        }
        if (!ensureVerified(module)) {
            return new EnrollResult.Failed(module.offlineReason);
        }
        for (int buffer = 1; buffer <= 2; buffer++) {
            if (buffer == 2) {
                Lift lift = waitForLift(module, clock.millis() + wait.toMillis());
                if (lift instanceof Lift.NotLifted) {
                    return new EnrollResult.NotLifted();
                }
                if (lift instanceof Lift.Error(String reason)) {
                    return new EnrollResult.Failed(reason);
                }
            }
            Capture capture = capture(module, buffer, clock.millis() + wait.toMillis());
            if (capture instanceof Capture.NoFinger(String reason)) {
                return new EnrollResult.NoFinger(buffer, reason);
            }
            if (capture instanceof Capture.Error(String reason)) {
                return new EnrollResult.Failed(reason);
            }
        }
        Answer combined = transact(module, new FingerprintCommand.RegModel(), timing.replyTimeout());
        if (!(combined instanceof Answer.Replied(FingerprintReply merge))) {
            return new EnrollResult.Failed(((Answer.NoReply) combined).reason());
        }
        if (merge.code() == ConfirmationCode.MERGE_FAILED) {
            return new EnrollResult.Mismatch();
        }
        if (!merge.ok()) {
            return new EnrollResult.Failed(reason(merge));
        }
        Answer stored = transact(module, new FingerprintCommand.Store(1, pageId), timing.replyTimeout());
        if (!(stored instanceof Answer.Replied(FingerprintReply store))) {
            return new EnrollResult.Failed(((Answer.NoReply) stored).reason());
        }
        if (!store.ok()) {
            return new EnrollResult.Failed(reason(store));
        }
        LOG.info("fingerprint module {}: template stored at page {}", module.id(), pageId);
        return new EnrollResult.Enrolled(pageId);
    }

    private boolean delete(Module module, int pageId) throws IOException, InterruptedException {
        if (pageId < 0 || pageId > 0xFFFF || !ensureVerified(module)) {
            return false;
        }
        Answer answer = transact(module, new FingerprintCommand.DeletChar(pageId, 1), timing.replyTimeout());
        boolean deleted = answer instanceof Answer.Replied(FingerprintReply reply) && reply.ok();
        if (deleted) {
            LOG.info("fingerprint module {}: template at page {} deleted", module.id(), pageId);
        } else {
            LOG.warn("fingerprint module {}: deleting page {} failed: {}", module.id(), pageId, answer);
        }
        return deleted;
    }

    /** GenImg until a finger is read (then Img2Tz into {@code buffer}) or the deadline passes. */
    private Capture capture(Module module, int buffer, long deadline) throws IOException, InterruptedException {
        String lastReason = "NO_FINGER";
        while (true) {
            Answer image = transact(module, new FingerprintCommand.GenImg(), timing.captureReplyTimeout());
            if (!(image instanceof Answer.Replied(FingerprintReply reply))) {
                return new Capture.Error(((Answer.NoReply) image).reason());
            }
            switch (reply.code()) {
                case OK -> {
                    Answer template = transact(module, new FingerprintCommand.Img2Tz(buffer), timing.replyTimeout());
                    if (!(template instanceof Answer.Replied(FingerprintReply made))) {
                        return new Capture.Error(((Answer.NoReply) template).reason());
                    }
                    switch (made.code()) {
                        case OK -> {
                            return new Capture.Done();
                        }
                        case IMAGE_TOO_MESSY, TOO_FEW_FEATURES, NO_VALID_IMAGE -> lastReason = made.code().name();
                        default -> {
                            return new Capture.Error(reason(made));
                        }
                    }
                }
                case NO_FINGER, IMAGE_CAPTURE_FAILED -> lastReason = reply.code().name();
                case PASSWORD_NOT_VERIFIED -> {
                    module.verified = false;
                    if (!verify(module)) {
                        return new Capture.Error(module.offlineReason);
                    }
                }
                default -> {
                    return new Capture.Error(reason(reply));
                }
            }
            if (clock.millis() >= deadline) {
                return new Capture.NoFinger(lastReason);
            }
            Thread.sleep(timing.fingerPoll().toMillis());
        }
    }

    /** GenImg until the sensor reports no finger, or the deadline passes. */
    private Lift waitForLift(Module module, long deadline) throws IOException, InterruptedException {
        while (true) {
            Answer image = transact(module, new FingerprintCommand.GenImg(), timing.captureReplyTimeout());
            if (!(image instanceof Answer.Replied(FingerprintReply reply))) {
                return new Lift.Error(((Answer.NoReply) image).reason());
            }
            if (reply.code() == ConfirmationCode.NO_FINGER) {
                return new Lift.Lifted();
            }
            if (reply.code() == ConfirmationCode.PASSWORD_NOT_VERIFIED) {
                module.verified = false;
                if (!verify(module)) {
                    return new Lift.Error(module.offlineReason);
                }
            } else if (reply.code() != ConfirmationCode.OK && reply.code() != ConfirmationCode.IMAGE_CAPTURE_FAILED) {
                return new Lift.Error(reason(reply));
            }
            if (clock.millis() >= deadline) {
                return new Lift.NotLifted();
            }
            Thread.sleep(timing.fingerPoll().toMillis());
        }
    }

    private boolean ensureVerified(Module module) throws IOException {
        return module.verified || verify(module);
    }

    /** VfyPwd, then ReadSysPara for the library size; reports online or offline with the reason. */
    private boolean verify(Module module) throws IOException {
        Answer answer = transact(module, new FingerprintCommand.VfyPwd(module.settings.password()),
                timing.replyTimeout());
        if (!(answer instanceof Answer.Replied(FingerprintReply reply))) {
            return false; // transact reported NO_REPLY
        }
        if (reply.code() == ConfirmationCode.WRONG_PASSWORD) {
            module.verified = false;
            offline(module, "BAD_PASSWORD");
            return false;
        }
        if (!reply.ok()) {
            module.verified = false;
            offline(module, reason(reply));
            return false;
        }
        module.verified = true;
        Answer parameters = transact(module, new FingerprintCommand.ReadSysPara(), timing.replyTimeout());
        if (parameters instanceof Answer.Replied(FingerprintReply.SystemParameters p) && p.ok()
                && p.librarySize() > 0) {
            module.librarySize = p.librarySize();
            LOG.debug("fingerprint module {}: library of {} pages", module.id(), p.librarySize());
        }
        if (module.verified) {
            online(module);
        }
        return module.verified;
    }

    /**
     * Sends {@code command} and waits for its acknowledgement from the module's address; one retry after a timeout
     * (none for a module that is offline).
     * No reply marks the module offline ({@code NO_REPLY}); a reply marks a verified module online.
     *
     * @throws LinkDownException when the line goes away
     */
    private Answer transact(Module module, FingerprintCommand command, Duration timeout) throws IOException {
        SerialLink current = link;
        if (current == null) {
            throw new LinkDownException("line " + opener.describe() + " is not open");
        }
        byte[] frame = FingerprintCommandCodec.encode(module.settings.address(), command);
        // a module already known to be silent gets one attempt, so it does not hold up the others on the bus
        int attempts = module.state == State.OFFLINE ? 1 : 2;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            // a late reply to an earlier command must not be taken for this one
            decoder.reset();
            current.discardInput();
            current.write(frame);
            long deadline = clock.millis() + timeout.toMillis();
            long remaining;
            while ((remaining = deadline - clock.millis()) > 0) {
                int n = current.read(readBuffer, Duration.ofMillis(remaining));
                if (n <= 0) {
                    continue;
                }
                for (StreamEvent event : decoder.feed(readBuffer, 0, n)) {
                    FingerprintReply reply = accept(module, command, event);
                    if (reply != null) {
                        if (module.verified && reply.code() != ConfirmationCode.PASSWORD_NOT_VERIFIED) {
                            online(module);
                        }
                        return new Answer.Replied(reply);
                    }
                }
            }
            LOG.debug("fingerprint module {}: no reply to {} (attempt {})", module.id(),
                    command.instruction(), attempt);
        }
        decoder.reset();
        current.discardInput();
        module.verified = false;
        offline(module, "NO_REPLY");
        return new Answer.NoReply("NO_REPLY");
    }

    /** The reply in {@code event} if it is this module's acknowledgement of {@code command}; else counts it. */
    private FingerprintReply accept(Module module, FingerprintCommand command, StreamEvent event) {
        switch (event) {
            case StreamEvent.Rejected rejected -> {
                rejectedFrames.incrementAndGet();
                LOG.debug("fingerprint bus {}: rejected {} ({})", busId, rejected.reason(), rejected.detail());
                return null;
            }
            case StreamEvent.Packet(var packet) -> {
                if (packet.address() != module.settings.address()) {
                    rejectedFrames.incrementAndGet();
                    LOG.debug("fingerprint bus {}: ignored {} from another address while talking to {}", busId,
                            packet, module.id());
                    return null;
                }
                return switch (FingerprintReplyCodec.decode(command, packet)) {
                    case FingerprintDecoding.Ok<FingerprintReply> ok -> ok.value();
                    case FingerprintDecoding.Rejected<FingerprintReply> rejected -> {
                        rejectedFrames.incrementAndGet();
                        LOG.debug("fingerprint module {}: rejected reply to {}: {} ({})", module.id(),
                                command.instruction(), rejected.reason(), rejected.detail());
                        yield null;
                    }
                };
            }
        }
    }

    private static String reason(FingerprintReply reply) {
        ConfirmationCode code = reply.code();
        return switch (code) {
            case WRONG_PASSWORD -> "BAD_PASSWORD";
            case UNDOCUMENTED -> String.format("CODE_%02X", reply.codeByte());
            default -> code.name();
        };
    }

    // ---------------------------------------------------------------- online / offline

    private void online(Module module) {
        if (module.state != State.ONLINE) {
            module.state = State.ONLINE;
            module.offlineReason = null;
            LOG.info("fingerprint module {} online", module.id());
            report(() -> events.online(module.id()));
        }
    }

    private void offline(Module module, String reason) {
        if (module.state != State.OFFLINE || !reason.equals(module.offlineReason)) {
            module.state = State.OFFLINE;
            module.offlineReason = reason;
            LOG.warn("fingerprint module {} offline: {} ({} rejected frames on bus {})", module.id(), reason,
                    rejectedFrames.get(), busId);
            report(() -> events.offline(module.id(), reason));
        }
    }

    private void report(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("fingerprint bus {}: device event handler failed", busId, e);
        }
    }

    // ---------------------------------------------------------------- state

    private enum State { UNKNOWN, ONLINE, OFFLINE }

    /** Bus-thread state of one module. */
    private static final class Module {
        /** Until ReadSysPara tells: the library of an R307 / AS608 (a ZFM-20 has 162 pages, an R503 200). */
        private static final int DEFAULT_LIBRARY = 1000;

        final FingerprintModuleSettings settings;
        boolean verified;
        State state = State.UNKNOWN;
        String offlineReason = "NO_REPLY";
        int librarySize = DEFAULT_LIBRARY;
        long nextHealthAt = Long.MAX_VALUE;

        Module(FingerprintModuleSettings settings) {
            this.settings = settings;
        }

        String id() {
            return settings.moduleId();
        }
    }

    private sealed interface Answer {
        record Replied(FingerprintReply reply) implements Answer {}

        record NoReply(String reason) implements Answer {}
    }

    private sealed interface Capture {
        record Done() implements Capture {}

        record NoFinger(String reason) implements Capture {}

        record Error(String reason) implements Capture {}
    }

    private sealed interface Lift {
        record Lifted() implements Lift {}

        record NotLifted() implements Lift {}

        record Error(String reason) implements Lift {}
    }

    private sealed interface Operation {
        String moduleId();

        /** Completes the stage as failed (no effect if it is already complete). */
        void fail(String reason);

        /** True once the stage is complete. */
        boolean isDone();

        /** Identify and enrol need the finger on the sensor: one of them per module at a time. */
        default boolean usesFinger() {
            return false;
        }
    }

    /** {@code deadline}: clock millis by which a finger must have been read, counted from the call. */
    private record Identify(String moduleId, long deadline, CompletableFuture<FingerprintResult> result)
            implements Operation {
        @Override
        public void fail(String reason) {
            result.complete(new FingerprintResult.Failed(reason));
        }

        @Override
        public boolean isDone() {
            return result.isDone();
        }

        @Override
        public boolean usesFinger() {
            return true;
        }
    }

    private record Enroll(String moduleId, int pageId, Duration waitForFinger, CompletableFuture<EnrollResult> result)
            implements Operation {
        @Override
        public void fail(String reason) {
            result.complete(new EnrollResult.Failed(reason));
        }

        @Override
        public boolean isDone() {
            return result.isDone();
        }

        @Override
        public boolean usesFinger() {
            return true;
        }
    }

    private record Delete(String moduleId, int pageId, CompletableFuture<Boolean> result) implements Operation {
        @Override
        public void fail(String reason) {
            result.complete(false);
        }

        @Override
        public boolean isDone() {
            return result.isDone();
        }
    }
}
