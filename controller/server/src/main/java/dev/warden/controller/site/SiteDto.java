package dev.warden.controller.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A site in requests and responses. {@code timeZone} is an IANA zone id such as {@code Europe/Berlin}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SiteDto(String id, String name, String timeZone) {
    static SiteDto of(SiteRow row) {
        return new SiteDto(row.id(), row.name(), row.timeZone());
    }
}
