package dev.warden.controller.site;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Row of table {@code site}. */
@MappedEntity(value = "site", escape = false)
public record SiteRow(@Id String id, String name, String timeZone) {}
