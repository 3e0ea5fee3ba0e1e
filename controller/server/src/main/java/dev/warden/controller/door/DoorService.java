package dev.warden.controller.door;

import dev.warden.contract.DoorCommand;
import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.event.AgentRepository;
import dev.warden.controller.event.AgentRow;
import dev.warden.controller.site.AreaRepository;
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

/** Doors: validation (area exists, reader ids unique across all doors), persistence, live-state views. */
@Singleton
public class DoorService {
    private static final Logger LOG = LoggerFactory.getLogger(DoorService.class);
    public static final long DEFAULT_UNLOCK_MS = 5_000;
    static final long MIN_UNLOCK_MS = 500;

    private final DoorRepository doors;
    private final DoorStateRepository states;
    private final AreaRepository areas;
    private final AgentRepository agents;
    private final AccessIndex index;

    public DoorService(DoorRepository doors, DoorStateRepository states, AreaRepository areas, AgentRepository agents,
                       AccessIndex index) {
        this.doors = doors;
        this.states = states;
        this.areas = areas;
        this.agents = agents;
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
    public DoorDto create(DoorDto body) {
        Input.bodyPresent(body);
        DoorRow row = valid(Input.id("id", body.id()), body, SecondFactor.NONE);
        if (doors.existsById(row.id())) {
            throw new ConflictException("door '" + row.id() + "' already exists");
        }
        doors.save(row);
        states.save(new DoorStateRow(row.id(), DoorLiveState.UNKNOWN.name(), null));
        index.rebuildAfterCommit();
        return view(row, null, null);
    }

    @Transactional
    public DoorDto update(String id, DoorDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        DoorRow before = doors.findById(id).orElseThrow(() -> new NotFoundException("door", id));
        DoorRow row = valid(id, body, SecondFactor.valueOf(before.secondFactor()));
        doors.update(row);
        if (!before.secondFactor().equals(row.secondFactor())) {
            LOG.info("Door {} second factor {} -> {}", id, before.secondFactor(), row.secondFactor());
        }
        index.rebuildAfterCommit();
        return get(id);
    }

    @Transactional
    public void delete(String id) {
        if (!doors.existsById(id)) {
            throw new NotFoundException("door", id);
        }
        if (doors.countLevels(id) > 0) {
            throw new ConflictException("door '" + id + "' is part of access levels; remove it from them first");
        }
        states.deleteById(id);
        doors.deleteById(id);
        index.rebuildAfterCommit();
    }

    /** {@code currentFactor}: what an omitted {@code secondFactor} means (NONE on create, unchanged on update). */
    private DoorRow valid(String id, DoorDto body, SecondFactor currentFactor) {
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
        if (!areas.existsById(areaId)) {
            throw new InvalidInputException("areaId '" + areaId + "' does not exist");
        }
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
                secondFactor.name());
    }

    static DoorDto view(DoorRow d, DoorStateRow state, AgentRow agent) {
        String live = state == null ? DoorLiveState.UNKNOWN.name() : state.state();
        return new DoorDto(d.id(), d.name(), d.areaId(), d.kind(), d.readerInId(), d.readerOutId(), d.lockDeviceId(),
                d.contactDeviceId(), d.agentId(), d.unlockMs(), d.secondFactor(), live,
                agent != null && Objects.equals(agent.id(), d.agentId()) && agent.online(),
                state == null ? null : state.changedAt());
    }
}
