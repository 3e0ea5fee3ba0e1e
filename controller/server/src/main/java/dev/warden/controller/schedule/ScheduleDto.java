package dev.warden.controller.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A schedule in requests and responses.
 *
 * @param timeZone read-only: the time zone of the site, in which the windows are evaluated
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScheduleDto(String id, String name, String siteId, String timeZone, List<WindowDto> windows) {}
