package dev.warden.controller.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A weekly window: {@code day} MONDAY..SUNDAY, {@code start} and {@code end} as {@code HH:mm} local time,
 * {@code end} after {@code start}; {@code end} "24:00" is the end of the day. A window never crosses midnight.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WindowDto(String day, String start, String end) {}
