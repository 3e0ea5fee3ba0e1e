package dev.warden.controller.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of alarms, most recent activity first; {@code total} counts all alarms matching the filters. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlarmPage(List<AlarmDto> items, int page, int size, long total) {}
