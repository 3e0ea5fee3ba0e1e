package dev.warden.controller.decision;

import dev.warden.contract.CardData;
import dev.warden.contract.FingerprintMatch;
import dev.warden.contract.Verdict;
import dev.warden.controller.alarm.AlarmInputs;
import dev.warden.controller.alarm.DecidedRead;
import dev.warden.controller.event.AccessEventRow;
import dev.warden.controller.event.CardText;
import dev.warden.controller.event.EventKind;
import dev.warden.controller.event.EventWriter;
import dev.warden.controller.occupancy.Occupancy;
import dev.warden.policy.AccessRequest;
import dev.warden.policy.AccessResult;
import dev.warden.policy.CardKey;
import dev.warden.policy.Decision;
import dev.warden.policy.Direction;
import dev.warden.policy.DoorId;
import dev.warden.policy.Factor;
import dev.warden.policy.FingerprintKey;
import dev.warden.policy.Signal;
import dev.warden.policy.SignalType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides card reads for the MQTT adapters. Reads only the current {@link AccessIndex} version (no database), asks the
 * controller's one access engine ({@link Occupancy}: the stateless policy, then anti-passback, escort and two-person
 * rules, under one lock), queues the event for storage and the live stream, tells the alarms, and returns.
 *
 * <p>Before the policy, in this order: an unknown reader is denied {@value #UNKNOWN_READER}; a read from a
 * standalone MQTT reader at a door that an edge agent serves is denied {@value #READER_NOT_STANDALONE} (only the
 * door's agent may ask for it); an agent asking about a reader whose door it does not serve ({@code door.agent_id}
 * is another agent or none) is denied {@value #AGENT_DOOR_MISMATCH} (an agent never opens a door it does not
 * drive); when an agent names the door it believes the reader serves and the index says otherwise, the read is
 * denied {@value #READER_DOOR_MISMATCH} (the agent's configuration is stale or wrong — never open the wrong door).
 * Any unexpected failure denies ({@value #INTERNAL_ERROR}, fail-secure) and is logged.
 *
 * <p>The engine is asked with the reader's direction (an IN reader asks for an ENTRY into the door's area, an OUT
 * reader for an EXIT from it), the PIN typed with the card and the matched finger. A grant's event detail records the
 * factors checked and the basis ({@code factors=CARD+PIN basis=ACCESS_LEVEL}). The PIN itself is never stored or
 * logged. A duress PIN opens the door like the person's own PIN: the answer to the agent and the event are those of a
 * normal grant (PIN among the factors); only the engine's DURESS signal, which {@link Occupancy} hands to the alarms,
 * tells. Every decided read also goes to {@link AlarmInputs#onDecidedRead} (repeated denials, door forced and held
 * windows, tailgating).
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

    private final Supplier<IndexView> index;
    private final EventWriter events;
    private final Clock clock;
    private final Occupancy occupancy;
    private final Consumer<DecidedRead> decidedReads;
    private final LongAdder granted = new LongAdder();
    private final LongAdder denied = new LongAdder();

    @Inject
    public ReaderDecisions(AccessIndex index, EventWriter events, Clock clock, Occupancy occupancy,
                           AlarmInputs alarms) {
        this(index::current, events, clock, occupancy, alarms::onDecidedRead);
    }

    /** With the index and the alarms' read input as plain functions (unit tests). */
    ReaderDecisions(Supplier<IndexView> index, EventWriter events, Clock clock, Occupancy occupancy,
                    Consumer<DecidedRead> decidedReads) {
        this.index = index;
        this.events = events;
        this.clock = clock;
        this.occupancy = occupancy;
        this.decidedReads = decidedReads;
    }

    /**
     * Hot path: resolves reader→door from the index, asks the engine, queues the event for async storage and the
     * live stream, tells the alarms, returns at once. Unknown reader → DENY "UNKNOWN_READER"; expectedDoorId not
     * the reader's door → DENY "READER_DOOR_MISMATCH"; an MQTT_READER attempt at a door an agent serves → DENY
     * "READER_NOT_STANDALONE"; an AGENT attempt at a door another agent (or no agent) serves → DENY
     * "AGENT_DOOR_MISMATCH". Grant → unlockMs = the door's unlock time.
     */
    public Outcome decide(ReaderAttempt attempt) {
        Outcome outcome;
        int admits = 1; // people one grant lets through (a released two-person partner or visitor too)
        String credentialId = null;
        ReaderBinding binding = null;
        try {
            IndexView view = index.get();
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
                AccessResult result = occupancy.decide(request(attempt, binding), view.snapshot());
                admits = Math.max(1, result.admits());
                outcome = switch (result.decision()) {
                    case Decision.Granted g -> {
                        credentialId = g.credential().value();
                        yield new Outcome(Verdict.GRANT, GRANTED, binding.unlockMs(), binding.doorId(),
                                g.person().value(), factors(g, duress(result)), g.basis());
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
        if (outcome.verdict() == Verdict.GRANT) {
            detail = (detail == null ? "" : detail + "; ") + "factors=" + outcome.factorText()
                    + (outcome.basis() == null ? "" : " basis=" + outcome.basis().name());
        }
        if (AGENT_DOOR_MISMATCH.equals(outcome.reason()) || READER_NOT_STANDALONE.equals(outcome.reason())) {
            LOG.warn("Read at reader {} by {} {} denied {}: {}", attempt.readerId(), attempt.source(),
                    attempt.agentId(), outcome.reason(), servedBy(binding));
        }
        events.submit(new AccessEventRow(null, attempt.at(), EventKind.ACCESS.name(), outcome.doorId(),
                attempt.readerId(), binding == null ? null : binding.direction().name(), outcome.personId(),
                credentialId, CardText.of(attempt.card()), outcome.verdict().name(), outcome.reason(),
                attempt.source().name(), attempt.agentId(), null, clip(detail)));
        try {
            decidedReads.accept(new DecidedRead(attempt.at(), outcome.doorId(), attempt.readerId(),
                    outcome.personId(), credentialId, outcome.verdict() == Verdict.GRANT, outcome.reason(),
                    outcome.unlockMs(), outcome.verdict() == Verdict.GRANT ? admits : 1));
        } catch (RuntimeException e) {
            LOG.error("Decided read at reader {} could not be handed to the alarms", attempt.readerId(), e);
        }
        return outcome;
    }

    /** The engine's question: the reader's side gives the direction; PIN and finger as presented. */
    private static AccessRequest request(ReaderAttempt attempt, ReaderBinding binding) {
        CardData card = attempt.card();
        FingerprintMatch finger = attempt.fingerprint();
        return new AccessRequest(new CardKey(card.format(), card.facility(), card.number()),
                new DoorId(binding.doorId()), direction(binding.direction()), attempt.at(),
                finger == null ? null : new FingerprintKey(finger.moduleId(), finger.pageId()), attempt.pin());
    }

    /** An IN reader asks for an ENTRY into the door's area, an OUT reader for an EXIT out of it. */
    static Direction direction(dev.warden.contract.Direction side) {
        return switch (side) {
            case IN -> Direction.ENTRY;
            case OUT -> Direction.EXIT;
        };
    }

    private static boolean duress(AccessResult result) {
        for (Signal s : result.signals()) {
            if (s.type() == SignalType.DURESS) {
                return true;
            }
        }
        return false;
    }

    /**
     * The factors a grant records. Under duress the PIN that was typed is recorded as checked, exactly as the
     * person's own PIN would be, so the event cannot give the duress away.
     */
    private static Set<Factor> factors(Decision.Granted granted, boolean duress) {
        EnumSet<Factor> factors = EnumSet.of(Factor.CARD);
        factors.addAll(granted.factors());
        if (duress) {
            factors.add(Factor.PIN);
        }
        return factors;
    }

    /** A read that could not be decided (e.g. Wiegand parity error) at a known reader: recorded as REJECTED_READ. */
    public void recordRejected(String requestId, String readerId, String reason, String detail, Instant at,
                               Source source, String agentId) {
        ReaderBinding binding = readerId == null ? null : index.get().readers().get(readerId);
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
