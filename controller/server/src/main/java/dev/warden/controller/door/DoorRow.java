package dev.warden.controller.door;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Row of table {@code door}. {@code agentId} is null for a portal read by a standalone MQTT reader.
 * Reader ids are unique across all doors, in and out. {@code secondFactor} is a {@code dev.warden.policy.SecondFactor}
 * name: NONE, PIN or FINGERPRINT. {@code freeAccessScheduleId}: while that schedule is open the door stands unlocked
 * for everyone (null = never). {@code threatMarked}: the site's threat level raises the clearance this door needs.
 */
@MappedEntity(value = "door", escape = false)
public record DoorRow(
        @Id String id,
        String areaId,
        String name,
        String kind,
        @Nullable String readerInId,
        @Nullable String readerOutId,
        @Nullable String lockDeviceId,
        @Nullable String contactDeviceId,
        @Nullable String agentId,
        long unlockMs,
        String secondFactor,
        @Nullable String freeAccessScheduleId,
        boolean threatMarked) {

    @Creator
    public DoorRow {}

    /** A door without free access and not threat-marked. */
    public DoorRow(String id, String areaId, String name, String kind, String readerInId, String readerOutId,
                   String lockDeviceId, String contactDeviceId, String agentId, long unlockMs, String secondFactor) {
        this(id, areaId, name, kind, readerInId, readerOutId, lockDeviceId, contactDeviceId, agentId, unlockMs,
                secondFactor, null, false);
    }
}
