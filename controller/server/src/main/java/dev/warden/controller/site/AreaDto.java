package dev.warden.controller.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** An area in requests and responses; {@code kind} is one of {@link AreaKind}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AreaDto(String id, String siteId, String parentId, String name, String kind) {
    static AreaDto of(AreaRow row) {
        return new AreaDto(row.id(), row.siteId(), row.parentId(), row.name(), row.kind());
    }
}
