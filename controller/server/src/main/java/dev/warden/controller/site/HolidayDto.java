package dev.warden.controller.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A public holiday of a site: {@code date} as {@code yyyy-MM-dd} (local date of the site), a name. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HolidayDto(String date, String name) {
    static HolidayDto of(HolidayRow row) {
        return new HolidayDto(row.onDate().toString(), row.name());
    }
}
