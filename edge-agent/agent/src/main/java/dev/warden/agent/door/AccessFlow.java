package dev.warden.agent.door;

import dev.warden.agent.event.RecordEvent;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AccessRequest;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.CardData;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.DoorCommand;
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
        AccessRequest request = new AccessRequest(
                requestId, doorConfig.id(), readerId, at.get().reader().direction(), now, card, null, read.pin());
        LOG.debug("asking controller: request {} at {} by {}", requestId, doorConfig.id(), readerId);
        CompletionStage<ControllerAnswer> answer;
        try {
            answer = controller.ask(request, decisionTimeout);
        } catch (RuntimeException e) {
            busyReaders.remove(readerId);
            throw e;
        }
        return answer.thenApply(a -> act(at.get(), requestId, a))
                .whenComplete((outcome, e) -> busyReaders.remove(readerId));
    }

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
