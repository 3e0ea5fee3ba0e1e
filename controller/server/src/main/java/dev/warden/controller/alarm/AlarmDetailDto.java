package dev.warden.controller.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One alarm with its full history, oldest action first. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlarmDetailDto(AlarmDto alarm, List<AlarmActionDto> history) {}
