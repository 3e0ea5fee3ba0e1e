package dev.warden.controller.site;

import io.micronaut.serde.annotation.Serdeable;

/** The body of a supervisor action that needs a reason (lockdown set or lifted). */
@Serdeable
public record ReasonInput(String reason) {}
