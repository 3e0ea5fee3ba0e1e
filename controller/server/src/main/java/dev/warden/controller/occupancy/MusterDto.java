package dev.warden.controller.occupancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The muster list of a site: everyone the controller believes is inside any of its areas, with the area, the last
 * door and since when; ordered by area, then person.
 *
 * @param at    when the list was taken
 * @param count the number of people in {@code people}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MusterDto(String siteId, String siteName, Instant at, int count, List<OccupantDto> people) {}
