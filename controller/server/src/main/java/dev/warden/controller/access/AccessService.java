package dev.warden.controller.access;

import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.door.DoorRepository;
import dev.warden.controller.person.PersonRepository;
import dev.warden.controller.schedule.ScheduleRepository;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Access levels and assignments: validation (referenced rows exist) and persistence. */
@Singleton
public class AccessService {
    static final int MAX_DOORS_PER_LEVEL = 10_000;

    private final AccessLevelRepository levels;
    private final AccessLevelDoorRepository levelDoors;
    private final AssignmentRepository assignments;
    private final ScheduleRepository schedules;
    private final DoorRepository doors;
    private final PersonRepository people;
    private final AccessIndex index;

    public AccessService(AccessLevelRepository levels, AccessLevelDoorRepository levelDoors,
                         AssignmentRepository assignments, ScheduleRepository schedules, DoorRepository doors,
                         PersonRepository people, AccessIndex index) {
        this.levels = levels;
        this.levelDoors = levelDoors;
        this.assignments = assignments;
        this.schedules = schedules;
        this.doors = doors;
        this.people = people;
        this.index = index;
    }

    // --- access levels ------------------------------------------------------------------------------

    @ReadOnly
    public List<AccessLevelDto> listLevels() {
        Map<String, List<String>> doorsByLevel = new HashMap<>();
        for (AccessLevelDoorRow d : levelDoors.findAllOrderByLevelIdAndDoorId()) {
            doorsByLevel.computeIfAbsent(d.levelId(), k -> new ArrayList<>()).add(d.doorId());
        }
        return levels.findAllOrderById().stream()
                .map(l -> new AccessLevelDto(l.id(), l.name(), l.scheduleId(),
                        doorsByLevel.getOrDefault(l.id(), List.of())))
                .toList();
    }

    @ReadOnly
    public AccessLevelDto level(String id) {
        AccessLevelRow row = levels.findById(id).orElseThrow(() -> new NotFoundException("access level", id));
        return levelView(row);
    }

    @Transactional
    public AccessLevelDto createLevel(AccessLevelDto body) {
        Input.bodyPresent(body);
        String id = Input.id("id", body.id());
        AccessLevelRow row = validLevel(id, body);
        Set<String> doorIds = validDoors(body);
        if (levels.existsById(id)) {
            throw new ConflictException("access level '" + id + "' already exists");
        }
        levels.save(row);
        levelDoors.saveAll(doorIds.stream().map(d -> new AccessLevelDoorRow(null, id, d)).toList());
        index.rebuildAfterCommit();
        return levelView(row);
    }

    @Transactional
    public AccessLevelDto updateLevel(String id, AccessLevelDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        if (!levels.existsById(id)) {
            throw new NotFoundException("access level", id);
        }
        AccessLevelRow row = validLevel(id, body);
        Set<String> doorIds = validDoors(body);
        levels.update(row);
        levelDoors.deleteByLevelId(id);
        levelDoors.saveAll(doorIds.stream().map(d -> new AccessLevelDoorRow(null, id, d)).toList());
        index.rebuildAfterCommit();
        return levelView(row);
    }

    @Transactional
    public void deleteLevel(String id) {
        if (!levels.existsById(id)) {
            throw new NotFoundException("access level", id);
        }
        if (assignments.existsByLevelId(id)) {
            throw new ConflictException("access level '" + id + "' is still assigned to people; remove the assignments first");
        }
        levelDoors.deleteByLevelId(id);
        levels.deleteById(id);
        index.rebuildAfterCommit();
    }

    private AccessLevelDto levelView(AccessLevelRow row) {
        List<String> doorIds = levelDoors.findByLevelIdOrderByDoorId(row.id()).stream()
                .map(AccessLevelDoorRow::doorId)
                .toList();
        return new AccessLevelDto(row.id(), row.name(), row.scheduleId(), doorIds);
    }

    private AccessLevelRow validLevel(String id, AccessLevelDto body) {
        String name = Input.name("name", body.name());
        String scheduleId = Input.id("scheduleId", body.scheduleId());
        if (!schedules.existsById(scheduleId)) {
            throw new InvalidInputException("scheduleId '" + scheduleId + "' does not exist");
        }
        return new AccessLevelRow(id, name, scheduleId);
    }

    private Set<String> validDoors(AccessLevelDto body) {
        List<String> given = body.doorIds() == null ? List.of() : body.doorIds();
        Input.require(given.size() <= MAX_DOORS_PER_LEVEL, "at most " + MAX_DOORS_PER_LEVEL + " doors per level");
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ids.add(Input.id("doorIds[" + i + "]", given.get(i)));
        }
        for (String doorId : ids) {
            if (!doors.existsById(doorId)) {
                throw new InvalidInputException("door '" + doorId + "' does not exist");
            }
        }
        return ids;
    }

    // --- assignments ---------------------------------------------------------------------------------

    @ReadOnly
    public List<AssignmentDto> listAssignments(String personId, String levelId) {
        List<AssignmentRow> rows;
        if (personId != null) {
            rows = assignments.findByPersonIdOrderById(personId).stream()
                    .filter(a -> levelId == null || a.levelId().equals(levelId))
                    .toList();
        } else if (levelId != null) {
            rows = assignments.findByLevelIdOrderById(levelId);
        } else {
            rows = assignments.findAllOrderById();
        }
        return rows.stream().map(AssignmentDto::of).toList();
    }

    @ReadOnly
    public AssignmentDto assignment(long id) {
        return assignments.findById(id).map(AssignmentDto::of)
                .orElseThrow(() -> new NotFoundException("assignment", Long.toString(id)));
    }

    @Transactional
    public AssignmentDto createAssignment(AssignmentDto body) {
        Input.bodyPresent(body);
        Input.require(body.id() == null, "id is assigned by the controller; leave it out on create");
        AssignmentRow row = validAssignment(null, body);
        assignments.findByPersonIdAndLevelId(row.personId(), row.levelId()).ifPresent(existing -> {
            throw new ConflictException("person '" + row.personId() + "' already holds access level '"
                    + row.levelId() + "' (assignment " + existing.id() + "); update that one instead");
        });
        AssignmentRow saved = assignments.save(row);
        index.rebuildAfterCommit();
        return AssignmentDto.of(saved);
    }

    @Transactional
    public AssignmentDto updateAssignment(long id, AssignmentDto body) {
        Input.bodyPresent(body);
        Input.require(body.id() == null || body.id() == id, "id in the body differs from the id in the path");
        if (!assignments.existsById(id)) {
            throw new NotFoundException("assignment", Long.toString(id));
        }
        AssignmentRow row = validAssignment(id, body);
        assignments.findByPersonIdAndLevelId(row.personId(), row.levelId())
                .filter(other -> other.id() != id)
                .ifPresent(other -> {
                    throw new ConflictException("person '" + row.personId() + "' already holds access level '"
                            + row.levelId() + "' (assignment " + other.id() + ")");
                });
        assignments.update(row);
        index.rebuildAfterCommit();
        return AssignmentDto.of(row);
    }

    @Transactional
    public void deleteAssignment(long id) {
        if (!assignments.existsById(id)) {
            throw new NotFoundException("assignment", Long.toString(id));
        }
        assignments.deleteById(id);
        index.rebuildAfterCommit();
    }

    private AssignmentRow validAssignment(Long id, AssignmentDto body) {
        String personId = Input.id("personId", body.personId());
        String levelId = Input.id("accessLevelId", body.accessLevelId());
        Input.validityOrder(body.validFrom(), body.validUntil());
        if (!people.existsById(personId)) {
            throw new InvalidInputException("personId '" + personId + "' does not exist");
        }
        if (!levels.existsById(levelId)) {
            throw new InvalidInputException("accessLevelId '" + levelId + "' does not exist");
        }
        return new AssignmentRow(id, personId, levelId, body.validFrom(), body.validUntil());
    }
}
