package dev.warden.controller.alarm;

import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.api.SqlErrors;
import dev.warden.controller.door.DoorRepository;
import dev.warden.controller.door.DoorRow;
import dev.warden.policy.alarm.Alarm;
import dev.warden.policy.alarm.AlarmAction;
import dev.warden.policy.alarm.AlarmActionKind;
import dev.warden.policy.alarm.AlarmChange;
import dev.warden.policy.alarm.AlarmPlace;
import dev.warden.policy.alarm.AlarmState;
import dev.warden.policy.alarm.AlarmTrigger;
import dev.warden.policy.alarm.AlarmType;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.persistence.criteria.Predicate;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store of alarms. Applies detector triggers (a raise opens a new alarm or repeats the open one of the same type
 * and place; a clear closes the open one automatically) and operator actions (acknowledge, escalate, clear) through
 * the pure {@link Alarm} transitions, writes every action to the alarm's history in the same transaction, and
 * publishes the alarm after each committed change on the live stream. One open alarm per type and place is also
 * enforced by the database (unique {@code open_key}): a concurrent raise by another controller instance turns into a
 * repeat on retry. Every update checks the row's version (optimistic locking): a writer holding a stale copy (another
 * controller instance, an operator acting at the same moment) fails and retries from a fresh read, so a repeat can
 * never reopen a cleared alarm nor undo an acknowledgement. Within one controller, triggers and operator actions are
 * also applied one at a time.
 *
 * <p>An agent's reports can open alarms of its own devices and sensors only; at most
 * {@code warden.alarms.max-open-device-alarms-per-agent} of them are open at once per agent: a raise that would open
 * one more is refused, logged and counted (repeats of open ones still count).
 */
@Singleton
public class AlarmService {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmService.class);

    /** What an operator can do to an alarm. */
    public enum OperatorAction { ACKNOWLEDGE, ESCALATE, CLEAR }

    private final AlarmRepository alarms;
    private final AlarmActionRepository actions;
    private final DoorRepository doors;
    private final TransactionOperations<Connection> transactions;
    private final AlarmBroadcaster broadcaster;
    private final Clock clock;
    private final int maxOpenPerAgent;
    private final LongAdder refusedPerAgent = new LongAdder();
    /** Attempts of one write: the first, plus retries after a conflicting writer (unique key, version). */
    static final int ATTEMPTS = 4;

    AlarmService(AlarmRepository alarms, AlarmActionRepository actions, DoorRepository doors,
                 TransactionOperations<Connection> transactions, AlarmBroadcaster broadcaster, Clock clock,
                 AlarmSettings settings) {
        if (settings.getMaxOpenDeviceAlarmsPerAgent() < 1) {
            throw new IllegalStateException("warden.alarms.max-open-device-alarms-per-agent must be >= 1, was "
                    + settings.getMaxOpenDeviceAlarmsPerAgent());
        }
        this.maxOpenPerAgent = settings.getMaxOpenDeviceAlarmsPerAgent();
        this.alarms = alarms;
        this.actions = actions;
        this.doors = doors;
        this.transactions = transactions;
        this.broadcaster = broadcaster;
        this.clock = clock;
    }

    /**
     * Applies a detector's trigger; the alarm after the change, or empty when nothing changed (a clear of none, a
     * refused raise). Throws when the store fails (the caller retries the trigger later).
     */
    public synchronized Optional<AlarmDto> apply(AlarmTrigger trigger) {
        Optional<AlarmDto> changed = Optional.empty();
        for (int attempt = 1; ; attempt++) {
            try {
                changed = transactions.executeWrite(status -> applyInTransaction(trigger));
                break;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !(SqlErrors.isUniqueViolation(e) || isStale(e))) {
                    throw e;
                }
                // another writer opened the same alarm first, or changed it since it was read: retry from a fresh
                // read (a raise then becomes a repeat; a clear sees the operator's action)
                LOG.debug("Alarm write for {} {} conflicted with another writer; retrying", trigger.type(),
                        trigger.place().key());
            }
        }
        changed.ifPresent(a -> {
            LOG.info("Alarm {} {} at {} is {} (priority {}, count {}): {}", a.id(), a.type(), a.place(), a.state(),
                    a.priority(), a.count(), a.detail());
            broadcaster.publish(a);
        });
        return changed;
    }

    /**
     * An operator acts on an alarm, as {@code operator} (from their token) with a comment. 404 when the alarm does
     * not exist or is hidden from the caller, 409 when the action is not legal in its state.
     */
    public synchronized AlarmDetailDto act(long id, OperatorAction action, String operator, String comment, Set<String> hidden) {
        for (int attempt = 1; ; attempt++) {
            try {
                return actOnce(id, action, operator, comment, hidden);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isStale(e)) {
                    throw e;
                }
                // another writer changed the alarm since it was read: decide again on a fresh read
            }
        }
    }

    /** Raises refused because the agent already had the most open device alarms allowed. */
    public long refusedOverAgentLimitCount() {
        return refusedPerAgent.sum();
    }

    static boolean isStale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private AlarmDetailDto actOnce(long id, OperatorAction action, String operator, String comment,
                                   Set<String> hidden) {
        AlarmDetailDto result = transactions.executeWrite(status -> {
            AlarmRow row = visible(id, hidden);
            Alarm alarm = toAlarm(row);
            Instant now = clock.instant();
            AlarmChange change = switch (action) {
                case ACKNOWLEDGE -> alarm.acknowledge(operator, now, comment);
                case ESCALATE -> alarm.escalate(operator, now, comment);
                case CLEAR -> alarm.clear(operator, now, comment);
            };
            AlarmRow saved = switch (change) {
                case AlarmChange.Refused refused -> throw new ConflictException(refused.reason());
                case AlarmChange.Changed changed -> store(row, changed);
            };
            return detail(saved);
        });
        LOG.info("Alarm {} {}: {} by {} (now {}, priority {})", id, result.alarm().type(), action, operator,
                result.alarm().state(), result.alarm().priority());
        broadcaster.publish(result.alarm());
        return result;
    }

    @ReadOnly
    public AlarmDetailDto get(long id, Set<String> hidden) {
        return detail(visible(id, hidden));
    }

    @ReadOnly
    public AlarmPage search(AlarmQuery q) {
        PredicateSpecification<AlarmRow> spec = (root, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (q.states() != null && !q.states().isEmpty()) {
                all.add(root.get("state").in(q.states()));
            }
            if (q.priority() != null) {
                all.add(cb.equal(root.get("priority"), q.priority()));
            }
            if (q.type() != null) {
                all.add(cb.equal(root.get("type"), q.type()));
            }
            if (q.doorId() != null) {
                all.add(cb.equal(root.get("doorId"), q.doorId()));
            }
            if (q.areaId() != null) {
                all.add(cb.equal(root.get("areaId"), q.areaId()));
            }
            if (q.hiddenTypes() != null && !q.hiddenTypes().isEmpty()) {
                all.add(cb.not(root.get("type").in(q.hiddenTypes())));
            }
            return all.isEmpty() ? null : cb.and(all.toArray(new Predicate[0]));
        };
        Pageable pageable = Pageable.from(q.page(), q.size(), Sort.of(Sort.Order.desc("lastAt"), Sort.Order.desc("id")));
        Page<AlarmRow> page = alarms.findAll(spec, pageable);
        return new AlarmPage(page.getContent().stream().map(AlarmDto::of).toList(), q.page(), q.size(),
                page.getTotalSize());
    }

    /** Alarms open now (active, acknowledged or returned to normal). */
    @ReadOnly
    public List<AlarmDto> open() {
        return alarms.findByOpenKeyIsNotNull().stream().map(AlarmDto::of).toList();
    }

    private AlarmRow visible(long id, Set<String> hidden) {
        AlarmRow row = alarms.findById(id).orElseThrow(() -> new NotFoundException("alarm", Long.toString(id)));
        if (hidden != null && hidden.contains(row.type())) {
            throw new NotFoundException("alarm", Long.toString(id));
        }
        return row;
    }

    private AlarmDetailDto detail(AlarmRow row) {
        return new AlarmDetailDto(AlarmDto.of(row),
                actions.findByAlarmIdOrderById(row.id()).stream().map(AlarmActionDto::of).toList());
    }

    private Optional<AlarmDto> applyInTransaction(AlarmTrigger trigger) {
        String openKey = AlarmRow.openKey(trigger.type().name(), trigger.place().key());
        Optional<AlarmRow> open = alarms.findByOpenKey(openKey);
        String detail = AlarmRow.clip(trigger.detail(), AlarmRow.MAX_DETAIL);
        return switch (trigger) {
            case AlarmTrigger.Raise raise when open.isPresent() -> {
                AlarmChange change = toAlarm(open.get()).repeat(raise.at(), detail);
                yield change instanceof AlarmChange.Changed c ? Optional.of(AlarmDto.of(store(open.get(), c)))
                        : Optional.empty();
            }
            case AlarmTrigger.Raise raise when overAgentLimit(raise.place()) -> {
                refusedPerAgent.increment();
                LOG.warn("Agent {} already has {} open device alarms: {} at {} refused ({} refused since start)",
                        raise.place().agentId(), maxOpenPerAgent, raise.type(), raise.place().key(),
                        refusedPerAgent.sum());
                yield Optional.empty();
            }
            case AlarmTrigger.Raise raise -> {
                Alarm alarm = Alarm.raise(new AlarmTrigger.Raise(raise.type(), withArea(raise.place()), raise.at(),
                        detail, raise.level()));
                AlarmRow inserted = alarms.save(newRow(alarm, raise.level(), openKey));
                insertAction(inserted.id(), alarm.history().getFirst());
                yield Optional.of(AlarmDto.of(inserted));
            }
            case AlarmTrigger.Clear clear when open.isPresent() -> {
                AlarmChange change = toAlarm(open.get()).autoClear(clear.at(), detail);
                yield change instanceof AlarmChange.Changed c ? Optional.of(AlarmDto.of(store(open.get(), c)))
                        : Optional.empty();
            }
            case AlarmTrigger.Clear clear -> Optional.empty();
        };
    }

    private boolean overAgentLimit(AlarmPlace place) {
        return place.isAgentDevice()
                && alarms.countByAgentIdAndDeviceIdIsNotNullAndOpenKeyIsNotNull(place.agentId()) >= maxOpenPerAgent;
    }

    /** Writes the alarm after a change over its row, and the change's action into the history. */
    private AlarmRow store(AlarmRow before, AlarmChange.Changed changed) {
        Alarm a = changed.alarm();
        String ackBy = before.acknowledgedBy();
        Instant ackAt = before.acknowledgedAt();
        String ackComment = before.acknowledgedComment();
        if (a.state() instanceof AlarmState.Acknowledged ack) {
            ackBy = ack.by();
            ackAt = ack.at();
            ackComment = ack.comment();
        } else if (changed.action().kind() == AlarmActionKind.ACKNOWLEDGED) {
            // an alarm returned to normal closes on acknowledgement: it was acknowledged too
            ackBy = changed.action().operator();
            ackAt = changed.action().at();
            ackComment = changed.action().comment();
        }
        Instant returnedAt = a.state() instanceof AlarmState.ReturnedToNormal r ? r.at()
                : a.state() instanceof AlarmState.Active ? null : before.returnedAt();
        String clearedBy = null;
        Instant clearedAt = null;
        String clearedComment = null;
        if (a.state() instanceof AlarmState.Cleared cleared) {
            clearedBy = cleared.by();
            clearedAt = cleared.at();
            clearedComment = AlarmRow.clip(cleared.comment(), AlarmRow.MAX_COMMENT);
        }
        AlarmRow next = new AlarmRow(before.id(), before.type(), before.placeKey(),
                a.open() ? before.openKey() : null, a.priority(), a.state().code(), a.count(), before.doorId(),
                before.areaId(), before.deviceId(), before.agentId(), before.personId(), before.credentialId(),
                before.level(), AlarmRow.clip(a.detail(), AlarmRow.MAX_DETAIL), before.raisedAt(), a.lastAt(),
                ackBy, ackAt, AlarmRow.clip(ackComment, AlarmRow.MAX_COMMENT), clearedBy, clearedAt, clearedComment,
                returnedAt, before.version());
        AlarmRow saved = alarms.update(next);
        insertAction(saved.id(), changed.action());
        return saved;
    }

    private void insertAction(Long alarmId, AlarmAction action) {
        actions.save(new AlarmActionRow(null, alarmId, action.kind().name(), action.at(), action.operator(),
                AlarmRow.clip(action.comment(), AlarmRow.MAX_COMMENT), action.priority()));
    }

    private AlarmPlace withArea(AlarmPlace place) {
        if (place.areaId() != null || place.doorId() == null) {
            return place;
        }
        return doors.findById(place.doorId()).map(DoorRow::areaId).map(place::withArea).orElse(place);
    }

    private static AlarmRow newRow(Alarm a, String level, String openKey) {
        AlarmPlace p = a.place();
        return new AlarmRow(null, a.type().name(), p.key(), openKey, a.priority(), a.state().code(), a.count(),
                p.doorId(), p.areaId(), p.deviceId(), p.agentId(), p.personId(), p.credentialId(), level,
                AlarmRow.clip(a.detail(), AlarmRow.MAX_DETAIL), a.raisedAt(), a.lastAt(), null, null, null, null, null,
                null, null, 0L);
    }

    /** The stored alarm as the pure core's {@link Alarm} (history left out: transitions only append to it). */
    static Alarm toAlarm(AlarmRow r) {
        AlarmState state = switch (r.state()) {
            case "ACTIVE" -> new AlarmState.Active(r.raisedAt());
            case "ACKNOWLEDGED" -> new AlarmState.Acknowledged(r.acknowledgedBy(), r.acknowledgedAt(),
                    r.acknowledgedComment());
            case "RETURNED_TO_NORMAL" -> new AlarmState.ReturnedToNormal(
                    r.returnedAt() != null ? r.returnedAt() : r.lastAt(), r.detail());
            case "CLEARED" -> new AlarmState.Cleared(r.clearedBy(), r.clearedAt(), r.clearedComment());
            default -> throw new IllegalStateException("alarm " + r.id() + " has unknown state " + r.state());
        };
        AlarmPlace place = new AlarmPlace(r.placeKey(), r.doorId(), r.areaId(), r.deviceId(), r.agentId(),
                r.personId(), r.credentialId());
        return new Alarm(AlarmType.valueOf(r.type()), place, r.priority(), state, r.repeatCount(), r.raisedAt(),
                r.lastAt(), r.detail(), List.of());
    }
}
