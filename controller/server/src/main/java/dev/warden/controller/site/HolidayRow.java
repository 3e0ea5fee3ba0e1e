package dev.warden.controller.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/** Row of table {@code holiday}: a public holiday of a site on a local date. */
@MappedEntity(value = "holiday", escape = false)
public record HolidayRow(@Id @GeneratedValue @Nullable Long id, String siteId, LocalDate onDate, String name) {}
