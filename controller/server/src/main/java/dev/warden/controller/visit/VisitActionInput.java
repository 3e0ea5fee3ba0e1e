package dev.warden.controller.visit;

import io.micronaut.serde.annotation.Serdeable;

/** The body of approve (optional comment), reject and cancel (required reason). */
@Serdeable
public record VisitActionInput(String reason) {}
