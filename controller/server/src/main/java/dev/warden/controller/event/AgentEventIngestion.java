package dev.warden.controller.event;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.Verdict;
import dev.warden.controller.api.SqlErrors;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.ReaderBinding;
import dev.warden.controller.decision.Source;
import dev.warden.controller.door.DoorLiveState;
import dev.warden.controller.door.DoorStateRepository;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
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
 * same transaction, unless a later state is already recorded.
 */
@Singleton
public class AgentEventIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(AgentEventIngestion.class);
    private static final Set<String> DOOR_STATES = Set.of(DoorLiveState.OPEN.name(), DoorLiveState.CLOSED.name(),
            DoorLiveState.LOCKED.name(), DoorLiveState.UNLOCKED.name());

    private final AccessEventRepository events;
    private final DoorStateRepository doorStates;
    private final TransactionOperations<Connection> transactions;
    private final EventBroadcaster broadcaster;
    private final AccessIndex index;
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();

    public AgentEventIngestion(AccessEventRepository events, DoorStateRepository doorStates,
                               TransactionOperations<Connection> transactions, EventBroadcaster broadcaster,
                               AccessIndex index) {
        this.events = events;
        this.doorStates = doorStates;
        this.transactions = transactions;
        this.broadcaster = broadcaster;
        this.index = index;
    }

    public IngestResult ingest(AgentEvent e) {
        if (events.existsByAgentIdAndSeq(e.agentId(), e.seq())) {
            duplicates.increment();
            return IngestResult.DUPLICATE;
        }
        AccessEventRow row = toRow(e);
        AccessEventRow saved;
        try {
            saved = transactions.executeWrite(status -> {
                AccessEventRow inserted = events.save(row);
                applyDoorState(e);
                return inserted;
            });
        } catch (RuntimeException ex) {
            if (SqlErrors.isUniqueViolation(ex)) {
                duplicates.increment();
                return IngestResult.DUPLICATE;
            }
            throw ex;
        }
        stored.increment();
        broadcaster.publish(List.of(saved));
        return IngestResult.STORED;
    }

    public long storedCount() {
        return stored.sum();
    }

    public long duplicateCount() {
        return duplicates.sum();
    }

    private void applyDoorState(AgentEvent e) {
        if (e.type() != AgentEventType.DOOR_STATE || e.doorId() == null) {
            return;
        }
        String state = e.attributes().get("state");
        if (state == null || !DOOR_STATES.contains(state)) {
            LOG.warn("DOOR_STATE event {}/{} for door {} has no usable state attribute ({}); stored, state unchanged",
                    e.agentId(), e.seq(), e.doorId(), state == null ? "missing" : "'" + clip(state, 32) + "'");
            return;
        }
        int changed = doorStates.applyIfNewer(e.doorId(), state, e.occurredAt());
        if (changed == 0) {
            LOG.debug("DOOR_STATE {} for door {} not applied (unknown door or a later state is recorded)",
                    state, e.doorId());
        }
    }

    private AccessEventRow toRow(AgentEvent e) {
        String detail = AccessEventRow.clip(attributes(e.attributes()), AccessEventRow.MAX_DETAIL);
        String readerId = e.deviceId();
        ReaderBinding binding = readerId == null ? null : index.current().readers().get(readerId);
        String direction = binding == null ? null : binding.direction().name();
        return switch (e.type()) {
            case DOOR_STATE, COMMAND_EXECUTED -> new AccessEventRow(null, e.occurredAt(), EventKind.DOOR.name(),
                    e.doorId(), e.deviceId(), null, null, null, null, null, e.type().name(), Source.AGENT.name(),
                    e.agentId(), e.seq(), detail);
            case DEVICE_ONLINE, DEVICE_OFFLINE -> new AccessEventRow(null, e.occurredAt(), EventKind.DEVICE.name(),
                    e.doorId(), e.deviceId(), null, null, null, null, null, e.type().name(), Source.AGENT.name(),
                    e.agentId(), e.seq(), detail);
            case READ_REJECTED -> new AccessEventRow(null, e.occurredAt(), EventKind.REJECTED_READ.name(),
                    e.doorId() != null ? e.doorId() : binding == null ? null : binding.doorId(), readerId, direction,
                    null, null, null, Verdict.REJECTED.name(),
                    AccessEventRow.clip(e.attributes().getOrDefault("reason", e.type().name()), 64),
                    Source.AGENT.name(), e.agentId(), e.seq(), detail);
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
