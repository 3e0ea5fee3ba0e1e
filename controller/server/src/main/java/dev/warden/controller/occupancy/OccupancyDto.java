package dev.warden.controller.occupancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Who is inside an area and every area below it ({@code areaId} null: inside any area), ordered by person id.
 *
 * @param at    when the list was taken
 * @param count the number of people in {@code occupants}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OccupancyDto(String areaId, String areaName, Instant at, int count, List<OccupantDto> occupants) {}
