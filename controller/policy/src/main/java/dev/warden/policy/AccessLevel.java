package dev.warden.policy;

import java.util.Set;

/**
 * A named set of doors usable during a schedule.
 *
 * @param id       the level's id
 * @param name     non-blank name shown to operators
 * @param doors    the doors it opens (copied; may be empty)
 * @param schedule the schedule during which it opens them; an id unknown to the snapshot counts as never open
 */
public record AccessLevel(AccessLevelId id, String name, Set<DoorId> doors, ScheduleId schedule) {

    public AccessLevel {
        Checks.nonNull(id, "AccessLevel.id");
        name = Checks.nonBlank(name, "AccessLevel.name");
        Checks.nonNull(doors, "AccessLevel.doors");
        doors = Set.copyOf(doors);
        Checks.nonNull(schedule, "AccessLevel.schedule");
    }

    /** {@code true} when this level includes {@code door}. */
    public boolean covers(DoorId door) {
        return doors.contains(door);
    }
}
