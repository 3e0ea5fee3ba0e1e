package dev.warden.controller.event;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.Verdict;
import dev.warden.controller.api.SqlErrors;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.ReaderBinding;
import dev.warden.controller.decision.Source;
import dev.warden.controller.door.DoorLiveState;
import dev.warden.controller.door.DoorRepository;
import dev.warden.controller.door.DoorStateRepository;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores agent events exactly once per {@code (agentId, seq)}, synchronously, so the MQTT adapter can acknowledge
 * the message after {@link #ingest} returns. Idempotence rests on the database's unique constraint, not on a
 * check-then-insert: when two deliveries of the same event race, one insert wins and the other is reported as
 * {@link IngestResult#DUPLICATE}. A stored {@code DOOR_STATE} event also updates the door's live state, in the
 * same transaction, unless a later state is already recorded. Every event type is stored (see {@link #kindOf}):
 * tamper, gate passages, sensor readings and sensor alarms keep their attributes in the row's detail.
 *
 * <p>An agent speaks only for the doors it serves ({@code door.agent_id}). An event that names (or, for a rejected
 * read, resolves through its reader to) a door the agent does not serve is still stored — its {@code (agentId,
 * seq)} key keeps redeliveries idempotent, and the attempt stays on record for the audit — but with no door:
 * reason {@value #DOOR_NOT_SERVED_BY_AGENT}, the claimed door in the detail, no live-state change; it is logged and
 * counted. Storing nothing would make every redelivery look new and would hide a misbehaving agent.
 *
 * <p>Agent clocks are not trusted beyond a window: an {@code occurredAt} outside {@code [now - 7 d, now + 5 min]}
 * (injected {@link Clock}) is stored with the receipt time, the agent's time kept as attribute {@code agentTime},
 * and never touches the live state ({@value #TIMESTAMP_OUT_OF_RANGE}, logged and counted). Live state is ordered
 * by {@code min(occurredAt, now)}, so one report dated a few minutes ahead can never block the reports after it.
 *
 * <p>After the transaction, every {@link StoredAgentEventListener} bean (the alarm detectors, gate passages for the
 * access engine) is told about a stored event that does not name a door its agent does not serve, as it was stored:
 * an event stored with the receipt time (agent clock out of range) reaches the listeners with that time as its
 * {@code occurredAt} (and the agent's time as attribute {@code agentTime} when there is room), so a smoke alarm or a
 * forced door is never missed because an agent's clock is off. A listener that throws is logged and counted; it
 * never fails the ingestion nor keeps the other listeners from hearing the event.
 */
@Singleton
public class AgentEventIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(AgentEventIngestion.class);
    /** Reason of an event stored without its door: the agent named a door it does not serve. */
    public static final String DOOR_NOT_SERVED_BY_AGENT = "DOOR_NOT_SERVED_BY_AGENT";
    /** Counted (not stored as a reason) when an agent's event time lies outside the accepted window. */
    public static final String TIMESTAMP_OUT_OF_RANGE = "TIMESTAMP_OUT_OF_RANGE";
    private static final Set<String> DOOR_STATES = Set.of(DoorLiveState.OPEN.name(), DoorLiveState.CLOSED.name(),
            DoorLiveState.LOCKED.name(), DoorLiveState.UNLOCKED.name());

    private final AccessEventRepository events;
    private final DoorStateRepository doorStates;
    private final TransactionOperations<Connection> transactions;
    private final EventBroadcaster broadcaster;
    private final AccessIndex index;
    private final DoorRepository doors;
    private final Clock clock;
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder notServed = new LongAdder();
    private final LongAdder outOfRange = new LongAdder();
    private final LongAdder listenerFailures = new LongAdder();
    private final List<StoredAgentEventListener> listeners;

    public AgentEventIngestion(AccessEventRepository events, DoorStateRepository doorStates,
                               TransactionOperations<Connection> transactions, EventBroadcaster broadcaster,
                               AccessIndex index, DoorRepository doors, Clock clock,
                               List<StoredAgentEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.events = events;
        this.doorStates = doorStates;
        this.transactions = transactions;
        this.broadcaster = broadcaster;
        this.index = index;
        this.doors = doors;
        this.clock = clock;
    }

    public IngestResult ingest(AgentEvent e) {
        if (events.existsByAgentIdAndSeq(e.agentId(), e.seq())) {
            duplicates.increment();
            return IngestResult.DUPLICATE;
        }
        Instant now = clock.instant();
        boolean timely = AgentTime.plausible(e.occurredAt(), now);
        AccessEventRow saved;
        boolean[] notServedDoor = new boolean[1];
        try {
            saved = transactions.executeWrite(status -> {
                String claimedDoor = claimedDoor(e);
                boolean served = claimedDoor == null || servedBy(claimedDoor, e.agentId());
                notServedDoor[0] = !served;
                AccessEventRow inserted = events.save(toRow(e, claimedDoor, served, timely, now));
                if (served && timely) {
                    applyDoorState(e, now);
                }
                return inserted;
            });
        } catch (RuntimeException ex) {
            if (SqlErrors.isUniqueViolation(ex)) {
                duplicates.increment();
                return IngestResult.DUPLICATE;
            }
            throw ex;
        }
        if (!timely) {
            outOfRange.increment();
            LOG.warn("Event {}/{} ({}) is dated {}, outside [now - {}, now + {}]: stored with the receipt time, "
                    + "live state unchanged ({} such events since start)", e.agentId(), e.seq(), e.type(),
                    e.occurredAt(), AgentTime.MAX_PAST, AgentTime.MAX_FUTURE, outOfRange.sum());
        }
        if (notServedDoor[0]) {
            notServed.increment();
            LOG.warn("Event {}/{} ({}) names door {}, which agent {} does not serve: stored without the door, "
                    + "live state unchanged ({} such events since start)", e.agentId(), e.seq(), e.type(),
                    claimedDoorForLog(e), e.agentId(), notServed.sum());
        }
        stored.increment();
        broadcaster.publish(List.of(saved));
        if (!notServedDoor[0]) {
            tellListeners(timely ? e : asStored(e, now), saved.doorId());
        }
        return IngestResult.STORED;
    }

    private void tellListeners(AgentEvent e, String doorId) {
        for (StoredAgentEventListener listener : listeners) {
            try {
                listener.onStored(e, doorId);
            } catch (RuntimeException ex) {
                listenerFailures.increment();
                LOG.error("Listener {} failed on event {}/{} ({}); ingestion goes on ({} listener failures since start)",
                        listener.getClass().getSimpleName(), e.agentId(), e.seq(), e.type(), listenerFailures.sum(), ex);
            }
        }
    }

    /** The event as stored when its agent time was out of range: dated at its receipt, the agent's time kept. */
    private static AgentEvent asStored(AgentEvent e, Instant receivedAt) {
        Map<String, String> attrs = e.attributes();
        if (attrs.size() < 32 && !attrs.containsKey("agentTime")) {
            attrs = new TreeMap<>(attrs);
            attrs.put("agentTime", e.occurredAt().toString());
        }
        return new AgentEvent(e.agentId(), e.seq(), receivedAt, e.type(), e.doorId(), e.deviceId(), attrs);
    }

    /** Times a {@link StoredAgentEventListener} threw. */
    public long listenerFailureCount() {
        return listenerFailures.sum();
    }

    /** Events stored without their door because the agent does not serve it. */
    public long doorNotServedCount() {
        return notServed.sum();
    }

    /** Events whose agent-supplied time lay outside the accepted window. */
    public long timestampOutOfRangeCount() {
        return outOfRange.sum();
    }

    /** The door the event speaks for: its doorId, or for a rejected read the door of its reader. */
    private String claimedDoor(AgentEvent e) {
        if (e.doorId() != null) {
            return e.doorId();
        }
        if (e.type() == AgentEventType.READ_REJECTED && e.deviceId() != null) {
            ReaderBinding binding = index.current().readers().get(e.deviceId());
            return binding == null ? null : binding.doorId();
        }
        return null;
    }

    private String claimedDoorForLog(AgentEvent e) {
        String door = e.doorId() != null ? e.doorId() : "of reader " + e.deviceId();
        return clip(door, 80);
    }

    /** Asks the database (not the index, which may lag a re-assignment) whether the door belongs to the agent. */
    private boolean servedBy(String doorId, String agentId) {
        return doors.findById(doorId).map(d -> agentId.equals(d.agentId())).orElse(false);
    }

    public long storedCount() {
        return stored.sum();
    }

    public long duplicateCount() {
        return duplicates.sum();
    }

    private void applyDoorState(AgentEvent e, Instant now) {
        if (e.type() != AgentEventType.DOOR_STATE || e.doorId() == null) {
            return;
        }
        String state = e.attributes().get("state");
        if (state == null || !DOOR_STATES.contains(state)) {
            LOG.warn("DOOR_STATE event {}/{} for door {} has no usable state attribute ({}); stored, state unchanged",
                    e.agentId(), e.seq(), e.doorId(), state == null ? "missing" : "'" + clip(state, 32) + "'");
            return;
        }
        Instant at = e.occurredAt().isAfter(now) ? now : e.occurredAt();
        int changed = doorStates.applyIfNewer(e.doorId(), state, at, now.plus(AgentTime.MAX_FUTURE));
        if (changed == 0) {
            LOG.debug("DOOR_STATE {} for door {} not applied (unknown door or a later state is recorded)",
                    state, e.doorId());
        }
    }

    private AccessEventRow toRow(AgentEvent e, String claimedDoor, boolean served, boolean timely, Instant now) {
        Map<String, String> attrs = new TreeMap<>(e.attributes());
        if (!timely) {
            attrs.put("agentTime", e.occurredAt().toString());
        }
        if (!served) {
            attrs.put("claimedDoor", claimedDoor);
        }
        String detail = AccessEventRow.clip(attributes(attrs), AccessEventRow.MAX_DETAIL);
        Instant at = timely ? e.occurredAt() : now;
        String readerId = e.deviceId();
        if (!served) {
            EventKind kind = kindOf(e.type());
            return new AccessEventRow(null, at, kind.name(), null, readerId, null, null, null, null,
                    kind == EventKind.REJECTED_READ ? Verdict.REJECTED.name() : null, DOOR_NOT_SERVED_BY_AGENT,
                    Source.AGENT.name(), e.agentId(), e.seq(), detail);
        }
        ReaderBinding binding = readerId == null ? null : index.current().readers().get(readerId);
        String direction = binding == null ? null : binding.direction().name();
        return switch (e.type()) {
            case DOOR_STATE, COMMAND_EXECUTED, PASSAGE -> new AccessEventRow(null, at, EventKind.DOOR.name(),
                    e.doorId(), e.deviceId(), null, null, null, null, null, e.type().name(), Source.AGENT.name(),
                    e.agentId(), e.seq(), detail);
            case DEVICE_ONLINE, DEVICE_OFFLINE, TAMPER, SENSOR_READING, SENSOR_ALARM, DEVICE_SECURITY -> new AccessEventRow(null, at,
                    EventKind.DEVICE.name(), e.doorId(), e.deviceId(), null, null, null, null, null, e.type().name(),
                    Source.AGENT.name(), e.agentId(), e.seq(), detail);
            case READ_REJECTED -> new AccessEventRow(null, at, EventKind.REJECTED_READ.name(),
                    e.doorId() != null ? e.doorId() : binding == null ? null : binding.doorId(), readerId, direction,
                    null, null, null, Verdict.REJECTED.name(),
                    AccessEventRow.clip(e.attributes().getOrDefault("reason", e.type().name()), 64),
                    Source.AGENT.name(), e.agentId(), e.seq(), detail);
        };
    }

    /**
     * Where an agent event is filed: door happenings (state, commands, gate passages) as {@link EventKind#DOOR},
     * device happenings (online/offline, tamper, sensor readings and alarms) as {@link EventKind#DEVICE}, rejected
     * reads as {@link EventKind#REJECTED_READ}. The event type is kept as the row's reason.
     */
    static EventKind kindOf(AgentEventType type) {
        return switch (type) {
            case DOOR_STATE, COMMAND_EXECUTED, PASSAGE -> EventKind.DOOR;
            case DEVICE_ONLINE, DEVICE_OFFLINE, TAMPER, SENSOR_READING, SENSOR_ALARM, DEVICE_SECURITY -> EventKind.DEVICE;
            case READ_REJECTED -> EventKind.REJECTED_READ;
        };
    }

    private static String attributes(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(attributes).forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
