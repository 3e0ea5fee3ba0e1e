package dev.warden.agent.door;

import dev.warden.agent.config.DoorConfig;
import dev.warden.agent.device.FingerprintScanner;
import dev.warden.agent.event.RecordEvent;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AccessRequest;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.CardData;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.DoorCommand;
import dev.warden.contract.FingerprintMatch;
import dev.warden.contract.ReaderRead;
import dev.warden.contract.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a card is presented at a reader of one of the agent's doors:
 *
 * <ol>
 *   <li>A read older than {@link #MAX_READ_AGE} (queued while the agent was away) is refused: STALE_READ.
 *   <li>Raw Wiegand bits are decoded here; bits that do not decode (parity, length) are refused at the edge:
 *       READ_REJECTED event, red LED, and the controller is not asked.
 *   <li>A reader has at most one request in flight: a read while the reader's previous request still waits for
 *       the controller is refused at the edge (READER_BUSY: counted, red LED, READ_REJECTED event), so a faulty or
 *       hostile reader cannot flood the controller; the reader is free again once that request is settled.
 *   <li>At a door with a fingerprint module (card + fingerprint), the reader shows amber and the module waits up to
 *       {@link #FINGER_WAIT} for a finger and searches its library; a match goes with the request (module, page,
 *       score). Without a match the controller is still asked, with no fingerprint: it denies (second factor
 *       required) and the attempt is on record. Whether both factors belong to the same person is the
 *       controller's decision, never the agent's.
 *   <li>The controller is asked (an {@link AccessRequest} stamped with the agent's clock, which is trusted more
 *       than a device's) and given at most the decision timeout.
 *   <li>GRANT: the lock is released (for the decision's {@code unlockMs}, or the door's own when the decision has
 *       none) and the LED shows green. DENY or REJECTED: red LED and a short beep.
 *   <li>No decision in time, or the controller unreachable: the door fails secure — it stays locked, red LED and
 *       beep, and a READ_REJECTED event with {@code reason=DECISION_TIMEOUT} (or {@code CONTROLLER_UNREACHABLE})
 *       records that the edge denied without a decision. Never a grant: offline decisions from a signed list are
 *       a later feature.
 * </ol>
 */
public final class AccessFlow {

    /** Reads older than this (e.g. queued in the broker while the agent was down) are refused, never decided. */
    public static final Duration MAX_READ_AGE = Duration.ofSeconds(30);

    public static final String STALE_READ = "STALE_READ";

    /** A read from a reader whose previous request still waits for the controller: refused at the edge. */
    public static final String READER_BUSY = "READER_BUSY";

    /** How long a card + fingerprint door waits for the finger after the card. */
    public static final Duration FINGER_WAIT = Duration.ofSeconds(10);

    /** Beyond the finger wait, how long the module may take to answer before the attempt fails (TIMEOUT). */
    static final Duration FINGER_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AccessFlow.class);

    private final Site site;
    private final Duration decisionTimeout;
    private final AskController controller;
    private final DriveDoor door;
    private final RecordEvent events;
    private final DecodeWiegand wiegand;
    private final Clock clock;
    private final Supplier<String> requestIds;
    private final Counters counters;
    private final FingerprintScanner fingerprints;
    /** How long the module may take in all before the attempt fails; shortened only by tests. */
    private volatile Duration fingerprintTimeout = FINGER_WAIT.plus(FINGER_GRACE);
    /** Readers with a request waiting for the controller: at most one request in flight per reader. */
    private final Set<String> busyReaders = ConcurrentHashMap.newKeySet();

    public AccessFlow(
            Site site,
            Duration decisionTimeout,
            AskController controller,
            DriveDoor door,
            RecordEvent events,
            DecodeWiegand wiegand,
            Clock clock,
            Supplier<String> requestIds,
            Counters counters) {
        this(site, decisionTimeout, controller, door, events, wiegand, clock, requestIds, counters, NO_FINGERPRINT_MODULES);
    }

    /** With the fingerprint modules of card + fingerprint doors. */
    public AccessFlow(
            Site site,
            Duration decisionTimeout,
            AskController controller,
            DriveDoor door,
            RecordEvent events,
            DecodeWiegand wiegand,
            Clock clock,
            Supplier<String> requestIds,
            Counters counters,
            FingerprintScanner fingerprints) {
        this.fingerprints = fingerprints;
        this.site = site;
        this.decisionTimeout = decisionTimeout;
        this.controller = controller;
        this.door = door;
        this.events = events;
        this.wiegand = wiegand;
        this.clock = clock;
        this.requestIds = requestIds;
        this.counters = counters;
    }

    /** Handles one read from reader {@code readerId}; the stage completes once the door has been driven. */
    public CompletionStage<ReadOutcome> onRead(String readerId, ReaderRead read) {
        var at = site.reader(readerId);
        if (at.isEmpty()) {
            counters.increment("read.unknown-reader");
            LOG.warn("read from {} ignored: not a reader of any door of this agent", readerId);
            return CompletableFuture.completedFuture(new ReadOutcome.UnknownReader(readerId));
        }
        var doorConfig = at.get().door();
        Instant now = clock.instant();
        if (read.timestamp().isBefore(now.minus(MAX_READ_AGE))) {
            return CompletableFuture.completedFuture(rejectAtEdge(doorConfig.id(), readerId, read, STALE_READ,
                    "read taken at " + read.timestamp() + ", more than " + MAX_READ_AGE.toSeconds() + " s ago"));
        }
        CardData card = read.card();
        if (card == null) {
            switch (wiegand.decode(read.wiegand())) {
                case WiegandOutcome.Card decoded -> card = decoded.card();
                case WiegandOutcome.Unreadable bad -> {
                    return CompletableFuture.completedFuture(rejectAtEdge(doorConfig.id(), readerId, read, bad.reason(), bad.detail()));
                }
            }
        }
        if (!busyReaders.add(readerId)) {
            return CompletableFuture.completedFuture(rejectAtEdge(doorConfig.id(), readerId, read, READER_BUSY,
                    "the reader's previous request is still waiting for the controller"));
        }
        String requestId = requestIds.get();
        CardData presented = card;
        CompletionStage<FingerprintMatch> finger;
        try {
            finger = secondFactor(doorConfig, readerId, requestId);
        } catch (RuntimeException e) {
            busyReaders.remove(readerId);
            throw e;
        }
        return finger.thenCompose(match -> {
                    AccessRequest request = new AccessRequest(requestId, doorConfig.id(), readerId,
                            at.get().reader().direction(), now, presented, null, read.pin(), match);
                    LOG.debug("asking controller: request {} at {} by {}", requestId, doorConfig.id(), readerId);
                    return controller.ask(request, decisionTimeout);
                })
                .thenApply(a -> act(at.get(), requestId, a))
                .whenComplete((outcome, e) -> busyReaders.remove(readerId));
    }

    /**
     * At a card + fingerprint door: amber LED, then the module's identification; completes with the match, or with
     * {@code null} (no second factor to send) at a door without a module or when no finger matched.
     */
    private CompletionStage<FingerprintMatch> secondFactor(DoorConfig doorConfig, String readerId, String requestId) {
        String moduleId = doorConfig.fingerprintModuleId();
        if (moduleId == null) {
            return CompletableFuture.completedFuture(null);
        }
        // the module starts scanning before the reader asks for the finger: a finger put down at once is still fresh
        CompletableFuture<FingerprintScanner.FingerprintResult> identified;
        try {
            identified = fingerprints.identify(moduleId, FINGER_WAIT).toCompletableFuture()
                    .exceptionally(e -> new FingerprintScanner.FingerprintResult.Failed("ERROR"));
        } catch (RuntimeException e) {
            identified = CompletableFuture.completedFuture(new FingerprintScanner.FingerprintResult.Failed("ERROR"));
        }
        door.led(readerId, Feedback.AMBER, FINGER_WAIT);
        // a module whose driver never answers must not keep the reader busy for ever
        return identified.completeOnTimeout(new FingerprintScanner.FingerprintResult.Failed("TIMEOUT"),
                        fingerprintTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(result -> switch (result) {
            case FingerprintScanner.FingerprintResult.Match(int page, int score) -> {
                LOG.info("request {} at {}: finger matched page {} of {} (score {})", requestId, doorConfig.id(), page, moduleId, score);
                yield new FingerprintMatch(moduleId, page, Math.min(score, FingerprintMatch.MAX_SCORE));
            }
            case FingerprintScanner.FingerprintResult.NoMatch() -> noFinger(requestId, moduleId, "NO_MATCH");
            case FingerprintScanner.FingerprintResult.NoFinger(String reason) -> noFinger(requestId, moduleId, "NO_FINGER " + reason);
            case FingerprintScanner.FingerprintResult.Failed(String reason) -> noFinger(requestId, moduleId, "FAILED " + reason);
        });
    }

    /** For tests: fail a fingerprint identification that takes longer than {@code timeout}. */
    AccessFlow fingerprintTimeout(Duration timeout) {
        this.fingerprintTimeout = timeout;
        return this;
    }

    private FingerprintMatch noFinger(String requestId, String moduleId, String why) {
        counters.increment("fingerprint." + why.split(" ")[0]);
        LOG.info("request {}: no fingerprint from {} ({}); asking without the second factor", requestId, moduleId, why);
        return null;
    }

    /** A site without fingerprint modules: any identification fails (no door names a module, so none is asked). */
    private static final FingerprintScanner NO_FINGERPRINT_MODULES = (moduleId, wait) ->
            CompletableFuture.completedFuture(new FingerprintScanner.FingerprintResult.Failed("NO_SUCH_MODULE"));

    private ReadOutcome rejectAtEdge(String doorId, String readerId, ReaderRead read, String reason, String detail) {
        counters.increment("read.rejected." + reason);
        LOG.warn("read {} at {} rejected at the edge: {} ({})", read.requestId(), readerId, reason, detail);
        door.led(readerId, Feedback.RED, Feedback.DENIED_LED);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("reason", reason);
        attributes.put("detail", truncate(detail));
        if (read.wiegand() != null) {
            attributes.put("bits", Integer.toString(read.wiegand().length()));
        }
        attributes.put("readId", truncate(read.requestId()));
        events.record(AgentEventType.READ_REJECTED, doorId, readerId, attributes);
        return new ReadOutcome.RejectedAtEdge(reason, detail);
    }

    private ReadOutcome act(Site.ReaderAt at, String requestId, ControllerAnswer answer) {
        String readerId = at.reader().deviceId();
        return switch (answer) {
            case ControllerAnswer.Decided(DecisionMessage decision) when decision.requestId() != null
                    && !decision.requestId().equals(requestId) ->
                failSecure(at, requestId, "DECISION_MISMATCH", "decision names request " + decision.requestId());
            case ControllerAnswer.Decided(DecisionMessage decision) when decision.decision() == Verdict.GRANT -> {
                Duration unlockFor = decision.unlockMs() > 0
                        ? Duration.ofMillis(Math.min(decision.unlockMs(), DoorCommand.MAX_DURATION_MS))
                        : at.door().unlockFor();
                door.unlock(at.door().lockId(), unlockFor);
                door.led(readerId, Feedback.GREEN, unlockFor);
                LOG.info("GRANT {} at {} by {}: unlocked {} for {} ms",
                        requestId, at.door().id(), readerId, at.door().lockId(), unlockFor.toMillis());
                yield new ReadOutcome.Granted(requestId, unlockFor);
            }
            case ControllerAnswer.Decided(DecisionMessage decision) -> {
                denyFeedback(readerId);
                LOG.info("{} {} at {} by {}: {}", decision.decision(), requestId, at.door().id(), readerId, decision.reason());
                yield new ReadOutcome.Denied(requestId, decision.decision().name(), decision.reason());
            }
            case ControllerAnswer.NoAnswer(String reason, String detail) -> failSecure(at, requestId, reason, detail);
        };
    }

    private ReadOutcome failSecure(Site.ReaderAt at, String requestId, String reason, String detail) {
        String readerId = at.reader().deviceId();
        counters.increment("decision." + reason);
        LOG.warn("no usable decision for {} at {} ({}: {}): door stays locked", requestId, at.door().id(), reason, detail);
        denyFeedback(readerId);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("reason", reason);
        attributes.put("outcome", "DENIED_FAIL_SECURE");
        attributes.put("requestId", requestId);
        attributes.put("timeoutMs", Long.toString(decisionTimeout.toMillis()));
        if (detail != null) {
            attributes.put("detail", truncate(detail));
        }
        events.record(AgentEventType.READ_REJECTED, at.door().id(), readerId, attributes);
        return new ReadOutcome.FailedSecure(requestId, reason);
    }

    private void denyFeedback(String readerId) {
        door.led(readerId, Feedback.RED, Feedback.DENIED_LED);
        door.buzz(readerId, Feedback.DENIED_BEEP);
    }

    private static String truncate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
