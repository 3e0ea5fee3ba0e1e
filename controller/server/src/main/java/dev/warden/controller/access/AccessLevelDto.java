package dev.warden.controller.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An access level in requests and responses: the doors it opens during the schedule. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccessLevelDto(String id, String name, String scheduleId, List<String> doorIds) {}
