package dev.warden.controller.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Row of table {@code area}; {@code parentId} is null for a top-level area of its site. */
@MappedEntity(value = "area", escape = false)
public record AreaRow(@Id String id, String siteId, @Nullable String parentId, String name, String kind) {}
