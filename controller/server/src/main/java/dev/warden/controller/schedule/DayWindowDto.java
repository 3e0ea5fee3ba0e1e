package dev.warden.controller.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A window of one day (holiday or dated exception): {@code start}/{@code end} {@code HH:mm}, end "24:00" allowed. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DayWindowDto(String start, String end) {}
