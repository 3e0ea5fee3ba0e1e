package dev.warden.controller.door;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of table {@code free_access_unlock} (V10): an outstanding free-access UNLOCK of a door at an agent. */
@MappedEntity(value = "free_access_unlock", escape = false)
public record FreeAccessUnlockRow(@Id String id, String doorId, String agentId, Instant untilAt) {

    static String key(String doorId, String agentId) {
        return doorId + "@" + agentId;
    }
}
