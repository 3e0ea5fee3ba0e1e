package dev.warden.controller.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A dated exception of a schedule: on local {@code date} ({@code yyyy-MM-dd}) the schedule is open only in
 * {@code windows}; an empty list closes it all day.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExceptionDto(String date, List<DayWindowDto> windows) {}
