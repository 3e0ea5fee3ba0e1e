package dev.warden.controller.occupancy;

import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /api/v1/people/{id}/passback/forgive}: why the guard forgives (required). */
@Serdeable
public record ForgiveRequest(String reason) {}
