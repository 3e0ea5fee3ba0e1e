package dev.warden.controller.visit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Row of table {@code visit_area}: one area a visit allows (with the areas below it). */
@MappedEntity(value = "visit_area", escape = false)
public record VisitAreaRow(@Id @GeneratedValue @Nullable Long id, String visitId, String areaId) {}
