package dev.warden.controller.door;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Row of table {@code door}. {@code agentId} is null for a portal read by a standalone MQTT reader.
 * Reader ids are unique across all doors, in and out. {@code secondFactor} is a {@code dev.warden.policy.SecondFactor}
 * name: NONE or FINGERPRINT.
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
        String secondFactor) {}
