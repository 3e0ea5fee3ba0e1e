package dev.warden.controller.site;

import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code PUT /api/v1/sites/{id}/threat-level}: the new level and why. */
@Serdeable
public record ThreatLevelInput(String level, String reason) {}
