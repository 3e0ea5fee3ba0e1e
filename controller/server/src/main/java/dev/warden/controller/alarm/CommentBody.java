package dev.warden.controller.alarm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of acknowledge / escalate / clear: the operator's comment (required). */
@Serdeable
public record CommentBody(@Nullable String comment) {}
