package dev.warden.controller.door;

import dev.warden.contract.DoorCommand;
import dev.warden.controller.access.OperatorActions;
import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.event.AgentRepository;
import dev.warden.controller.event.AgentRow;
import dev.warden.controller.schedule.ScheduleRepository;
import dev.warden.controller.schedule.ScheduleRow;
import dev.warden.controller.site.AreaRepository;
import dev.warden.controller.site.AreaRow;
import dev.warden.policy.SecondFactor;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Doors: validation (area exists, reader ids unique across all doors, a free-access schedule of the door's own site
 * and never into a restricted area, an area with a two-person rule or an area with anti-passback: free access would
 * void those rules), persistence, live-state views. A change of a door's free access, second factor or threat
 * marking (and a door created with any of them) is recorded as an OPERATOR event naming the operator. Moving a door
 * to another agent, removing its free access or deleting it makes the {@link FreeAccessScheduler} LOCK it at the
 * agent that had unlocked it (the index swap after commit triggers its check).
 */
@Singleton
public class DoorService {
    private static final Logger LOG = LoggerFactory.getLogger(DoorService.class);
    public static final long DEFAULT_UNLOCK_MS = 5_000;
    static final long MIN_UNLOCK_MS = 500;

    private final DoorRepository doors;
    private final DoorStateRepository states;
    private final AreaRepository areas;
    private final AgentRepository agents;
    private final ScheduleRepository schedules;
    private final AccessIndex index;
    private final OperatorActions actions;

    public DoorService(DoorRepository doors, DoorStateRepository states, AreaRepository areas, AgentRepository agents,
                       ScheduleRepository schedules, AccessIndex index, OperatorActions actions) {
        this.actions = actions;
        this.doors = doors;
        this.states = states;
        this.areas = areas;
        this.agents = agents;
        this.schedules = schedules;
        this.index = index;
    }

    @ReadOnly
    public List<DoorDto> list() {
        Map<String, DoorStateRow> stateById = new HashMap<>();
        states.findAll().forEach(s -> stateById.put(s.doorId(), s));
        Map<String, AgentRow> agentById = new HashMap<>();
        agents.findAll().forEach(a -> agentById.put(a.id(), a));
        return doors.findAllOrderById().stream()
                .map(d -> view(d, stateById.get(d.id()), d.agentId() == null ? null : agentById.get(d.agentId())))
                .toList();
    }

    @ReadOnly
    public DoorDto get(String id) {
        DoorRow door = doors.findById(id).orElseThrow(() -> new NotFoundException("door", id));
        return view(door, states.findById(id).orElse(null),
                door.agentId() == null ? null : agents.findById(door.agentId()).orElse(null));
    }

    @Transactional
    public DoorDto create(DoorDto body, String operator) {
        Input.bodyPresent(body);
        DoorRow row = valid(Input.id("id", body.id()), body, null);
        if (doors.existsById(row.id())) {
            throw new ConflictException("door '" + row.id() + "' already exists");
        }
        doors.save(row);
        states.save(new DoorStateRow(row.id(), DoorLiveState.UNKNOWN.name(), null));
        recordRules(operator, null, row);
        index.rebuildAfterCommit();
        return view(row, null, null);
    }

    @Transactional
    public DoorDto update(String id, DoorDto body, String operator) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        DoorRow before = doors.findById(id).orElseThrow(() -> new NotFoundException("door", id));
        DoorRow row = valid(id, body, before);
        doors.update(row);
        recordRules(operator, before, row);
        if (!Objects.equals(before.agentId(), row.agentId()) && before.freeAccessScheduleId() != null) {
            LOG.info("Free-access door {} moved from agent {} to {}; the old agent gets a LOCK", id, before.agentId(),
                    row.agentId());
        }
        index.rebuildAfterCommit();
        return get(id);
    }

    @Transactional
    public void delete(String id, String operator) {
        if (!doors.existsById(id)) {
            throw new NotFoundException("door", id);
        }
        if (doors.countLevels(id) > 0) {
            throw new ConflictException("door '" + id + "' is part of access levels; remove it from them first");
        }
        DoorRow before = doors.findById(id).orElseThrow();
        states.deleteById(id);
        doors.deleteById(id);
        if (before.freeAccessScheduleId() != null) {
            actions.record(operator, "DOOR_RULES", id, null, "free-access door " + id + " deleted", null);
        }
        index.rebuildAfterCommit();
    }

    /** Records a change of free access, second factor or threat marking ({@code before} null: a new door). */
    private void recordRules(String operator, DoorRow before, DoorRow row) {
        String factor = before == null ? SecondFactor.NONE.name() : before.secondFactor();
        String free = before == null ? null : before.freeAccessScheduleId();
        boolean marked = before != null && before.threatMarked();
        if (factor.equals(row.secondFactor()) && Objects.equals(free, row.freeAccessScheduleId())
                && marked == row.threatMarked()) {
            return;
        }
        actions.record(operator, "DOOR_RULES", row.id(), null, "rules of door " + row.id()
                + (before == null ? " (new)" : "") + ": second factor " + factor + " -> " + row.secondFactor()
                + ", free access " + (free == null ? "none" : free) + " -> "
                + (row.freeAccessScheduleId() == null ? "none" : row.freeAccessScheduleId())
                + ", threat-marked " + marked + " -> " + row.threatMarked(), null);
    }

    /**
     * {@code before}: the stored door on update (omitted {@code secondFactor}, {@code freeAccessScheduleId} and
     * {@code threatMarked} keep its values), null on create (NONE, no free access, not marked).
     */
    private DoorRow valid(String id, DoorDto body, DoorRow before) {
        SecondFactor currentFactor = before == null ? SecondFactor.NONE : SecondFactor.valueOf(before.secondFactor());
        String name = Input.name("name", body.name());
        String areaId = Input.id("areaId", body.areaId());
        DoorKind kind = Input.oneOf("kind", body.kind(), DoorKind.class);
        String readerIn = Input.optionalId("readerInId", body.readerInId());
        String readerOut = Input.optionalId("readerOutId", body.readerOutId());
        String lock = Input.optionalId("lockDeviceId", body.lockDeviceId());
        String contact = Input.optionalId("contactDeviceId", body.contactDeviceId());
        String agent = Input.optionalId("agentId", body.agentId());
        long unlockMs = body.unlockMs() == null ? DEFAULT_UNLOCK_MS : body.unlockMs();
        SecondFactor secondFactor = body.secondFactor() == null || body.secondFactor().isBlank()
                ? currentFactor
                : Input.oneOf("secondFactor", body.secondFactor(), SecondFactor.class);
        Input.require(unlockMs >= MIN_UNLOCK_MS && unlockMs <= DoorCommand.MAX_DURATION_MS,
                "unlockMs must be between " + MIN_UNLOCK_MS + " and " + DoorCommand.MAX_DURATION_MS);
        if (readerIn != null && readerIn.equals(readerOut)) {
            throw new InvalidInputException("readerInId and readerOutId must differ");
        }
        AreaRow area = areas.findById(areaId)
                .orElseThrow(() -> new InvalidInputException("areaId '" + areaId + "' does not exist"));
        String freeAccess;
        if (body.freeAccessScheduleId() == null) {
            freeAccess = before == null ? null : before.freeAccessScheduleId();
        } else {
            freeAccess = Input.optionalId("freeAccessScheduleId", body.freeAccessScheduleId());
        }
        if (freeAccess != null) {
            ScheduleRow schedule = schedules.findById(freeAccess).orElseThrow(() -> new InvalidInputException(
                    "freeAccessScheduleId '" + freeAccess + "' does not exist"));
            if (!schedule.siteId().equals(area.siteId())) {
                throw new InvalidInputException("freeAccessScheduleId '" + freeAccess + "' belongs to site '"
                        + schedule.siteId() + "', not to the door's site '" + area.siteId() + "'");
            }
            String rule = area.freeAccessBlocker();
            if (rule != null) {
                throw new InvalidInputException("a door into area '" + areaId + "' cannot have free access: the "
                        + "area " + rule);
            }
        }
        boolean threatMarked = body.threatMarked() != null ? body.threatMarked()
                : before != null && before.threatMarked();
        for (DoorRow other : doors.findAll()) {
            if (other.id().equals(id)) {
                continue;
            }
            for (String reader : new String[] {readerIn, readerOut}) {
                if (reader != null && (reader.equals(other.readerInId()) || reader.equals(other.readerOutId()))) {
                    throw new ConflictException("reader '" + reader + "' already serves door '" + other.id() + "'");
                }
            }
        }
        return new DoorRow(id, areaId, name, kind.name(), readerIn, readerOut, lock, contact, agent, unlockMs,
                secondFactor.name(), freeAccess, threatMarked);
    }

    static DoorDto view(DoorRow d, DoorStateRow state, AgentRow agent) {
        String live = state == null ? DoorLiveState.UNKNOWN.name() : state.state();
        return new DoorDto(d.id(), d.name(), d.areaId(), d.kind(), d.readerInId(), d.readerOutId(), d.lockDeviceId(),
                d.contactDeviceId(), d.agentId(), d.unlockMs(), d.secondFactor(), d.freeAccessScheduleId(),
                d.threatMarked(), live,
                agent != null && Objects.equals(agent.id(), d.agentId()) && agent.online(),
                state == null ? null : state.changedAt());
    }
}
