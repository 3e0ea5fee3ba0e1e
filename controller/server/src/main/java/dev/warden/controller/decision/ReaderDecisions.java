package dev.warden.controller.decision;

import dev.warden.contract.CardData;
import dev.warden.contract.FingerprintMatch;
import dev.warden.contract.Verdict;
import dev.warden.controller.event.AccessEventRow;
import dev.warden.controller.event.CardText;
import dev.warden.controller.event.EventKind;
import dev.warden.controller.event.EventWriter;
import dev.warden.policy.AccessPolicy;
import dev.warden.policy.CardKey;
import dev.warden.policy.Decision;
import dev.warden.policy.DoorId;
import dev.warden.policy.FingerprintKey;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides card reads for the MQTT adapters. Reads only the current {@link AccessIndex} version (no database, no
 * locks), asks the {@link AccessPolicy}, queues the event for storage and the live stream, and returns.
 *
 * <p>Before the policy, in this order: an unknown reader is denied {@value #UNKNOWN_READER}; a read from a
 * standalone MQTT reader at a door that an edge agent serves is denied {@value #READER_NOT_STANDALONE} (only the
 * door's agent may ask for it); an agent asking about a reader whose door it does not serve ({@code door.agent_id}
 * is another agent or none) is denied {@value #AGENT_DOOR_MISMATCH} (an agent never opens a door it does not
 * drive); when an agent names the door it believes the reader serves and the index says otherwise, the read is
 * denied {@value #READER_DOOR_MISMATCH} (the agent's configuration is stale or wrong — never open the wrong door). Any unexpected failure denies
 * ({@value #INTERNAL_ERROR}, fail-secure) and is logged.
 */
@Singleton
public class ReaderDecisions {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderDecisions.class);

    public static final String GRANTED = Decision.Granted.CODE;
    public static final String UNKNOWN_READER = "UNKNOWN_READER";
    public static final String READER_DOOR_MISMATCH = "READER_DOOR_MISMATCH";
    public static final String AGENT_DOOR_MISMATCH = "AGENT_DOOR_MISMATCH";
    public static final String READER_NOT_STANDALONE = "READER_NOT_STANDALONE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private final AccessIndex index;
    private final EventWriter events;
    private final Clock clock;
    private final AccessPolicy policy = new AccessPolicy();
    private final LongAdder granted = new LongAdder();
    private final LongAdder denied = new LongAdder();

    public ReaderDecisions(AccessIndex index, EventWriter events, Clock clock) {
        this.index = index;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Hot path: resolves reader→door from the index, asks AccessPolicy, queues the event for async storage
     * and the live stream, returns at once. Unknown reader → DENY "UNKNOWN_READER"; expectedDoorId not the
     * reader's door → DENY "READER_DOOR_MISMATCH"; an MQTT_READER attempt at a door an agent serves → DENY
     * "READER_NOT_STANDALONE"; an AGENT attempt at a door another agent (or no agent) serves → DENY
     * "AGENT_DOOR_MISMATCH". Grant → unlockMs = the door's unlock time.
     */
    public Outcome decide(ReaderAttempt attempt) {
        Outcome outcome;
        String credentialId = null;
        ReaderBinding binding = null;
        try {
            IndexView view = index.current();
            binding = view.readers().get(attempt.readerId());
            if (binding == null) {
                outcome = new Outcome(Verdict.DENY, UNKNOWN_READER, 0, null, null);
            } else if (attempt.source() == Source.MQTT_READER && !binding.standalone()) {
                outcome = new Outcome(Verdict.DENY, READER_NOT_STANDALONE, 0, binding.doorId(), null);
            } else if (attempt.source() == Source.AGENT
                    && (attempt.agentId() == null || !attempt.agentId().equals(binding.agentId()))) {
                outcome = new Outcome(Verdict.DENY, AGENT_DOOR_MISMATCH, 0, binding.doorId(), null);
            } else if (attempt.expectedDoorId() != null && !attempt.expectedDoorId().equals(binding.doorId())) {
                outcome = new Outcome(Verdict.DENY, READER_DOOR_MISMATCH, 0, binding.doorId(), null);
            } else {
                CardData card = attempt.card();
                FingerprintMatch finger = attempt.fingerprint();
                Decision decision = policy.decide(
                        new dev.warden.policy.AccessRequest(new CardKey(card.format(), card.facility(), card.number()),
                                new DoorId(binding.doorId()), attempt.at(),
                                finger == null ? null : new FingerprintKey(finger.moduleId(), finger.pageId())),
                        view.snapshot());
                outcome = switch (decision) {
                    case Decision.Granted g -> {
                        credentialId = g.credential().value();
                        yield new Outcome(Verdict.GRANT, GRANTED, binding.unlockMs(), binding.doorId(),
                                g.person().value());
                    }
                    case Decision.Denied d -> {
                        credentialId = d.credential() == null ? null : d.credential().value();
                        yield new Outcome(Verdict.DENY, d.reasonCode(), 0, binding.doorId(),
                                d.person() == null ? null : d.person().value());
                    }
                };
            }
        } catch (RuntimeException e) {
            LOG.error("Decision for reader {} failed; denying", attempt.readerId(), e);
            outcome = new Outcome(Verdict.DENY, INTERNAL_ERROR, 0, binding == null ? null : binding.doorId(), null);
        }
        (outcome.verdict() == Verdict.GRANT ? granted : denied).increment();
        String detail = attempt.expectedDoorId() != null && READER_DOOR_MISMATCH.equals(outcome.reason())
                ? "agent named door " + attempt.expectedDoorId() + "; request " + attempt.requestId()
                : AGENT_DOOR_MISMATCH.equals(outcome.reason()) || READER_NOT_STANDALONE.equals(outcome.reason())
                ? servedBy(binding) + "; request " + attempt.requestId()
                : attempt.requestId() == null ? null : "request " + attempt.requestId();
        if (attempt.fingerprint() != null) {
            FingerprintMatch f = attempt.fingerprint();
            detail = (detail == null ? "" : detail + "; ") + "fingerprint " + f.moduleId() + "#" + f.pageId()
                    + " score " + f.score();
        }
        if (AGENT_DOOR_MISMATCH.equals(outcome.reason()) || READER_NOT_STANDALONE.equals(outcome.reason())) {
            LOG.warn("Read at reader {} by {} {} denied {}: {}", attempt.readerId(), attempt.source(),
                    attempt.agentId(), outcome.reason(), servedBy(binding));
        }
        events.submit(new AccessEventRow(null, attempt.at(), EventKind.ACCESS.name(), outcome.doorId(),
                attempt.readerId(), binding == null ? null : binding.direction().name(), outcome.personId(),
                credentialId, CardText.of(attempt.card()), outcome.verdict().name(), outcome.reason(),
                attempt.source().name(), attempt.agentId(), null, clip(detail)));
        return outcome;
    }

    /** A read that could not be decided (e.g. Wiegand parity error) at a known reader: recorded as REJECTED_READ. */
    public void recordRejected(String requestId, String readerId, String reason, String detail, Instant at,
                               Source source, String agentId) {
        ReaderBinding binding = readerId == null ? null : index.current().readers().get(readerId);
        String text = detail;
        if (requestId != null) {
            text = (detail == null || detail.isBlank() ? "" : detail + "; ") + "request " + requestId;
        }
        events.submit(new AccessEventRow(null, at == null ? clock.instant() : at, EventKind.REJECTED_READ.name(),
                binding == null ? null : binding.doorId(), readerId,
                binding == null ? null : binding.direction().name(), null, null, null, Verdict.REJECTED.name(),
                reason, source == null ? Source.MQTT_READER.name() : source.name(), agentId, null, clip(text)));
    }

    public long grantedCount() {
        return granted.sum();
    }

    public long deniedCount() {
        return denied.sum();
    }

    private static String servedBy(ReaderBinding binding) {
        return binding == null ? "unknown reader"
                : binding.standalone() ? "door " + binding.doorId() + " has no agent"
                : "door " + binding.doorId() + " is served by agent " + binding.agentId();
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= AccessEventRow.MAX_DETAIL ? text : text.substring(0, AccessEventRow.MAX_DETAIL);
    }
}
