package dev.warden.controller.event;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of table {@code agent}: an edge agent's last reported presence. */
@MappedEntity(value = "agent", escape = false)
public record AgentRow(@Id String id, String state, @Nullable Instant lastSeen, @Nullable String version) {
    public boolean online() {
        return "ONLINE".equals(state);
    }
}
